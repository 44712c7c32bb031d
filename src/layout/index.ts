// layout(): Gongwen → pages of positioned items, to GB/T 9704 (numbers from the layout profile).
import type { Gongwen } from '../compose/model.ts';
import type { Profile } from '../schema/profile.ts';
import type { Measure } from './measure.ts';
import type { Page, PageItem } from './types.ts';
import { geometry, baselineInLine, EM_ASCENT, type Geometry } from './geometry.ts';
import { MM } from '../schema/profile.ts';
import { layoutHeader } from './header.ts';
import { breakTitle } from './title.ts';
import { flowBody, type FlowEntry } from './body.ts';
import { paginate } from './paginate.ts';
import { colophonLines, flowAttachments, layoutColophon, layoutSignature, signatureLines } from './closing.ts';
import { placeAt, setText } from './style.ts';

export interface LayoutOptions {
  draft?: boolean; // a dashed circle where the seal goes
}

export function layout(doc: Gongwen, profile: Profile, m: Measure, opts: LayoutOptions = {}): Page[] {
  const g = geometry(profile);
  const first: PageItem[] = [];
  // Header, then the title two blank lines below the red rule (plain: the title opens the block).
  let line = 0;
  if (doc.header) {
    const h = layoutHeader(doc.header, profile, g, m);
    first.push(...h.items);
    line = Math.ceil((h.ruleY - g.top) / g.linePitch - 1e-6) + 2;
  }
  line = layoutTitle(doc.title, line, profile, g, m, first);
  if (doc.addressee) {
    line += 1; // one blank line below the title
    const style = profile.roles.addressee;
    first.push(...placeAt(setText(profile, g, m, 'addressee', doc.addressee), g.left, baselineInLine(g.top + line * g.linePitch, g.linePitch, style.size), line));
    line += 1;
  } else line += 1;

  const entries: FlowEntry[] = [
    ...flowBody(doc.body, profile, g, m),
    ...flowAttachments(doc.attachments, profile, g, m),
  ];
  // The signature shares a page with body text: if it would not fit, at least two body lines move with it.
  const need = signatureLines(doc, profile, g, m);
  let flowed = paginate(entries, g, first, line);
  const lineEntries = entries.map((e, i) => (e.kind === 'line' ? i : -1)).filter((i) => i >= 0);
  const lastPage = flowed.pages.length - 1;
  const linesOnLastPage = lineEntries.filter((i) => flowed.pageOf[i] === lastPage).length;
  const alone = lastPage > 0 && linesOnLastPage < Math.min(2, lineEntries.length);
  if (flowed.nextLine - 1 + need > g.lines - 1 || alone) {
    flowed = paginate(entries, g, first, line, lineEntries[Math.max(0, lineEntries.length - 2)]);
  }
  const pages = flowed.pages;
  const sig = layoutSignature(doc, flowed.nextLine - 1, profile, g, m, opts.draft ?? false);
  pages[pages.length - 1].push(...sig.items);

  // The colophon sits at the bottom of the last page, on a page of its own if it does not fit.
  const cLines = colophonLines(doc, profile, g, m);
  if (cLines > 0) {
    if (sig.bottomLine > g.lines - cLines) pages.push([]);
    pages[pages.length - 1].push(...layoutColophon(doc, profile, g, m));
  }
  return pages.map((items, index) => {
    const number = index + 1;
    return { index, number, items: [...items, ...pageNumber(number, profile, g, m)] };
  });
}

/** The title lines, centred, one grid line each; returns the line after the title. */
function layoutTitle(title: string, line: number, profile: Profile, g: Geometry, m: Measure, items: PageItem[]): number {
  const style = profile.roles.title;
  for (const text of breakTitle(title, g.width, style.font, style.size, m)) {
    const set = setText(profile, g, m, 'title', text);
    const baseline = baselineInLine(g.top + line * g.linePitch, g.linePitch, style.size);
    items.push(...placeAt(set, g.left + (g.width - set.width) / 2, baseline, line));
    line++;
  }
  return line;
}

/** — n —, 四号宋体, 7 mm below the block; odd pages right, even pages left, one character in. */
function pageNumber(n: number, profile: Profile, g: Geometry, m: Measure): PageItem[] {
  const style = profile.roles.pageNumber;
  // Set at the font's own widths, not on the grid: the dashes' outer edges are what is measured.
  const text = `— ${n} —`;
  const width = m.width(style.font, text, style.size);
  const top = g.bottom + profile.pageNumber.belowBlock * MM;
  const indent = profile.pageNumber.indentChars * g.charPitch;
  const x = n % 2 === 1 ? g.right - indent - width : g.left + indent;
  return [{ kind: 'text', x, y: top + EM_ASCENT * style.size, font: style.font, size: style.size, color: style.color, text, spacing: 0, tag: 'pageNumber' }];
}
