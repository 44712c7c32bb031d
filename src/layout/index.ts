// layout(): Gongwen → pages of positioned items, to GB/T 9704 (numbers from the layout profile).
import type { Gongwen } from '../compose/model.ts';
import type { Profile } from '../schema/profile.ts';
import type { Measure } from './measure.ts';
import type { BlockLanding, LaidOut, Landings, PageItem, SignatureRemedy } from './types.ts';
import { geometry, baselineInLine, type Geometry } from './geometry.ts';
import { MM } from '../schema/profile.ts';
import { layoutHeader } from './header.ts';
import { placeTitle } from './title.ts';
import { layoutAttachments } from './attachments.ts';
import { flowBody, type FlowEntry } from './body.ts';
import { needs, paginate, sameRef, wholeParagraphNeeds, type Flowed } from './paginate.ts';
import { addresseeLines, colophonLines, flowAttachments, layoutColophon, layoutSignature, signatureLines } from './closing.ts';

export interface LayoutOptions {
  draft?: boolean; // a dashed circle where the seal goes
}

export function layout(doc: Gongwen, profile: Profile, m: Measure, opts: LayoutOptions = {}): LaidOut {
  const g = geometry(profile);
  const first: PageItem[] = [];
  // Header, then the title two blank lines below the red rule (plain: the title opens the block).
  let line = 0;
  if (doc.header) {
    const h = layoutHeader(doc.header, profile, g, m);
    first.push(...h.items);
    line = Math.ceil((h.ruleY - g.top) / g.linePitch - 1e-6) + 2;
  }
  line = placeTitle(doc.title, line, profile, g, m, first);
  const entries: FlowEntry[] = [
    ...flowBody(doc.body, profile, g, m),
    ...flowAttachments(doc.attachments.map((a) => a.title), profile, g, m),
  ];
  const entryNeeds = needs(entries, g, signatureLines(doc, profile, g, m));
  // The addressee, one blank line below the title, flush left (wrapped lines too). 7.3.3: the first page must
  // show body text; when the addressee leaves no room for it, the addressee moves to the colophon as 主送：.
  let addresseeInColophon = false;
  line += 1;
  if (doc.addressee) {
    const lines = addresseeLines(doc.addressee, profile, g, m);
    const firstNeed = entryNeeds[0]?.height ?? g.linePitch;
    if ((line + lines.length) * g.linePitch + firstNeed > g.height + 1e-6) addresseeInColophon = true;
    else {
      const size = profile.roles.addressee.size;
      for (const l of lines) {
        first.push(...l.segments.map((s) => ({ ...s, x: s.x + g.left, y: baselineInLine(g.top + line * g.linePitch, g.linePitch, size), line })));
        line += 1;
      }
    }
  }
  const flow = (n: typeof entryNeeds) => paginate(entries, g, first, {
    startLine: line,
    needs: n,
    tightestPitch: profile.signature.tightestPitchPt ?? g.linePitch,
    fixedPages: doc.header ? 1 : 0,
  });
  let flowed = flow(entryNeeds);
  // Lines moved forward for the signature move as whole paragraphs, as a word processor moves them.
  const whole = wholeParagraphNeeds(entries, entryNeeds, flowed.movedFrom, g);
  if (whole) flowed = flow(whole);
  const pages = flowed.pages;
  const sigPage = pages.length - 1;
  const sigPitch = flowed.pitch[sigPage];
  const sg = sigPitch === g.linePitch ? g : { ...g, linePitch: sigPitch };
  const sig = layoutSignature(doc, flowed.nextLine - 1, profile, sg, m, opts.draft ?? false);
  pages[sigPage].push(...sig.items);

  // The attachments with content, each from a new page, after the signature and before the colophon (7.3.7).
  const att = layoutAttachments(doc, profile, g, m);
  const attFirst = pages.length;
  pages.push(...att.pages);

  // The colophon sits at the bottom of the last page, on a page of its own if it does not fit.
  const mainSend = addresseeInColophon ? doc.addressee : undefined;
  const cLines = colophonLines(doc, profile, g, m, mainSend);
  let colophon: Landings['colophon'];
  if (cLines > 0) {
    const usedTo = att.pages.length ? att.nextLine * g.linePitch : sig.bottomLine * sigPitch;
    const ownPage = usedTo > (g.lines - cLines) * g.linePitch + 1e-6;
    if (ownPage) pages.push([]);
    pages[pages.length - 1].push(...layoutColophon(doc, profile, g, m, mainSend));
    colophon = { page: pages.length - 1, ownPage };
  }
  const landings: Landings = {
    pageCount: pages.length,
    pitch: pages.map((_, k) => flowed.pitch[k] ?? g.linePitch),
    blocks: blockLandings(entries, flowed.landed),
    attachments: att.starts.map((a, k) => ({
      item: a.item,
      page: a.page + attFirst,
      blocks: blockLandings(att.flowed[k].entries, att.flowed[k].landed.map((l) => l && { ...l, page: l.page + attFirst })),
    })),
    signature: { page: sigPage, firstLine: flowed.nextLine, lastLine: sig.lastLine, remedy: remedyOf(entries, flowed, sigPage, g.linePitch) },
    colophon,
    addressee: doc.addressee ? { inColophon: addresseeInColophon } : undefined,
  };
  return {
    pages: pages.map((items, index) => {
      const number = index + 1;
      return { index, number, items: [...items, ...pageNumber(number, profile, g, m)] };
    }),
    landings,
  };
}

/** Each block's lines and boxes, in order, with the page and grid line they landed on. */
function blockLandings(entries: FlowEntry[], landed: Flowed['landed']): BlockLanding[] {
  const out: BlockLanding[] = [];
  entries.forEach((e, i) => {
    const at = landed[i];
    if (e.kind === 'blank' || !e.ref || !at) return;
    const prev = out[out.length - 1];
    if (prev && sameRef(prev.ref, e.ref)) prev.pieces.push(at);
    else out.push(e.kind === 'line' && e.tracking ? { ref: e.ref, pieces: [at], tracking: e.tracking } : { ref: e.ref, pieces: [at] });
  });
  return out;
}

/** What pagination did for the signature: a tighter page, or body lines moved forward to stand with it. */
function remedyOf(entries: FlowEntry[], flowed: Flowed, sigPage: number, gridPitch: number): SignatureRemedy {
  const pitch = flowed.pitch[sigPage];
  if (pitch !== gridPitch) {
    const lines = flowed.landed.filter((l) => l?.page === sigPage).length;
    return { kind: 'pitch', page: sigPage, pitch, lines };
  }
  const from = flowed.movedFrom;
  if (from === undefined) return { kind: 'none' };
  const e = entries[from];
  const ref = e.kind === 'blank' ? undefined : e.ref;
  if (!ref) return { kind: 'none' };
  // Which line of its block the break came before.
  let line = 0;
  for (let k = from - 1; k >= 0; k--) {
    const p = entries[k];
    if (p.kind === 'blank' || !p.ref || !sameRef(p.ref, ref)) break;
    line++;
  }
  const lines = entries.slice(from).filter((x) => x.kind !== 'blank').length;
  return { kind: 'moveLines', lines, breakBefore: { ref, line } };
}

/**
 * — n —, 四号宋体: the dashes' ink 7 mm below the block ("一字线上距版心下边缘7mm": the top of the stroke,
 * from the glyph's outline, not the text's em box); odd pages right, even pages left, one character in.
 */
function pageNumber(n: number, profile: Profile, g: Geometry, m: Measure): PageItem[] {
  const style = profile.roles.pageNumber;
  // Set at the font's own widths, not on the grid: the dashes' outer edges are what is measured.
  const text = `— ${n} —`;
  const width = m.width(style.font, text, style.size);
  const dashTop = g.bottom + profile.pageNumber.belowBlock * MM;
  const indent = profile.pageNumber.indentChars * g.charPitch;
  const x = n % 2 === 1 ? g.right - indent - width : g.left + indent;
  const baseline = dashTop + m.ink(style.font, '—', style.size).top;
  return [{ kind: 'text', x, y: baseline, font: style.font, size: style.size, color: style.color, text, spacing: 0, tag: 'pageNumber' }];
}
