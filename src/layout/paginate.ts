// Flows lines and boxes onto pages in one pass: every text line on the grid, boxes at their own heights,
// table header rows repeated on each new page. What must stay together is stated once, before pagination,
// as each entry's `need` (see needs()): the paginator only asks whether an entry's need fits.
import type { FlowEntry } from './body.ts';
import type { Geometry } from './geometry.ts';
import { baselineInLine } from './geometry.ts';
import type { BlockRef, Landed, PageItem, TextItem } from './types.ts';
import type { BrokenLine } from './linebreak.ts';

/**
 * Height (pt) that must fit on the page from an entry's top for it to stay there, and whether that need is the
 * signature's (then the page may be set tighter before anything moves: GB/T 9704 7.3.5.5).
 */
export interface Need {
  height: number;
  signature: boolean;
}

export interface PaginateOptions {
  startLine: number; // grid line the flow starts on, on the first page
  needs: Need[]; // one per entry (needs())
  /** Tightest line pitch (pt) a page may take so that the signature fits; the grid's pitch: never tighten. */
  tightestPitch: number;
  /** Pages that may not be set tighter (the first page when it carries the header, which is placed in mm). */
  fixedPages: number;
}

export interface Flowed {
  pages: PageItem[][];
  /** Grid line index just after the last thing placed on the last page. */
  nextLine: number;
  /** For each entry, where it landed (undefined for dropped blanks). */
  landed: (Landed | undefined)[];
  /** Line pitch of each page (pt). */
  pitch: number[];
  /** The entry the signature's need moved to a new page, if any. */
  movedFrom?: number;
}

/** Each entry's need, computed once: headings with what follows them, the last body lines with the signature. */
export function needs(entries: FlowEntry[], g: Geometry, signatureLines: number): Need[] {
  const height = (e: FlowEntry) => (e.kind === 'box' ? e.box.height : g.linePitch);
  // A box kept with the next (a table's header) needs room for that next one too.
  const boxNeed = (i: number, e: FlowEntry & { kind: 'box' }) => e.box.height + (e.keepWithNext && entries[i + 1] ? height(entries[i + 1]) : 0);
  const out: Need[] = entries.map((e, i) => {
    if (e.kind === 'box') return { height: boxNeed(i, e), signature: false };
    if (e.kind === 'blank' || !e.keepWithNext) return { height: g.linePitch, signature: false };
    // A heading (and any line marked keep-with-next) never ends a page: it goes with what follows, a line,
    // or a table's header and first row (a caption stays with its table).
    let keep = 0;
    for (let k = i; k < entries.length && entries[k].kind === 'line' && (entries[k] as { keepWithNext: boolean }).keepWithNext; k++) keep++;
    const next = entries[i + keep];
    const following = next === undefined ? 0 : next.kind === 'box' ? boxNeed(i + keep, next) : g.linePitch;
    const need = keep * g.linePitch + following;
    return { height: need <= g.height ? need : g.linePitch, signature: false };
  });
  // The signature shares a page with body text: the last two body lines stand with it (and whatever follows them).
  // No signature (an attachment's pages): nothing more to keep.
  if (signatureLines === 0) return out;
  const tail = entries.map((e, i) => (e.kind === 'line' ? i : -1)).filter((i) => i >= 0).slice(-2);
  for (const i of tail) {
    let h = signatureLines * g.linePitch;
    for (let k = i; k < entries.length; k++) h += height(entries[k]);
    out[i] = { height: Math.max(out[i].height, h), signature: true };
  }
  return out;
}

/**
 * The needs under which a paragraph the signature's need broke goes with the signature whole, with the headings kept
 * with it; undefined when the signature's need broke no paragraph (`movedFrom`: Flowed.movedFrom of a first pass).
 * A word processor cannot express "the last two lines go with what follows" alike everywhere: Word keeps the last
 * line of a keep-with-next paragraph with the next (widow control adds one), but LibreOffice moves a keep-with-next
 * paragraph whole (3 of 5 lines more on 高显镇's last page). Moving the paragraph whole is what both do with
 * keep-with-next and keep-lines-together, so the PDF moves it whole too, and still has at least two body lines with
 * the signature: the paragraph holds the second-to-last line and everything after it.
 */
export function wholeParagraphNeeds(entries: FlowEntry[], needs: Need[], movedFrom: number | undefined, g: Geometry): Need[] | undefined {
  const e = movedFrom === undefined ? undefined : entries[movedFrom];
  if (movedFrom === undefined || e?.kind !== 'line' || !e.ref) return undefined;
  const ref = e.ref;
  let start = movedFrom;
  for (let p = entries[start - 1]; p?.kind === 'line' && sameRef(p.ref, ref); p = entries[start - 1]) start--;
  if (start === movedFrom) return undefined;
  const out = [...needs];
  out[start] = { height: needs[movedFrom].height + (movedFrom - start) * g.linePitch, signature: true };
  // A heading before it stays with it (keepNext on the heading in the DOCX).
  for (let k = start - 1; k >= 0; k--) {
    const h = entries[k];
    if (h.kind !== 'line' || !h.keepWithNext) break;
    out[k] = { height: out[k + 1].height + g.linePitch, signature: true };
  }
  return out;
}

export function paginate(entries: FlowEntry[], g: Geometry, firstPage: PageItem[], opts: PaginateOptions): Flowed {
  const pages: PageItem[][] = [[...firstPage]];
  const pitch: number[] = [g.linePitch];
  const hasBox: boolean[] = [false];
  const landed: Flowed['landed'] = [];
  let movedFrom: number | undefined;
  let y = opts.startLine * g.linePitch; // cursor, relative to the block top, in grid units of this page
  const newPage = () => {
    pages.push([]);
    pitch.push(g.linePitch);
    hasBox.push(false);
    y = 0;
  };
  const last = () => pages.length - 1;
  const gridLine = () => Math.ceil(y / g.linePitch - 1e-6);
  // A word processor keeps one line spacing per paragraph: a paragraph that runs onto the tightened page from the
  // page before is set tighter there too (src/render/docx/landings.ts). Where its lines on that page would then free
  // room for one more line, the word processor pulls a line up and its pages part from the PDF's: move lines
  // forward instead.
  const pullsLineUp = (p: number) => {
    const first = landed.findIndex((l) => l?.page === last());
    const ref = first >= 0 && entries[first].kind !== 'blank' ? entries[first].ref : undefined;
    if (!ref) return false;
    const carried = landed.filter((l, k) => l?.page === last() - 1 && entries[k].kind === 'line' && sameRef(entries[k].ref, ref)).length;
    return carried * (g.linePitch - p) >= p - 1e-6;
  };
  const placeBox = (box: { height: number; items: PageItem[] }) => {
    const page = pages[last()];
    for (const it of box.items) page.push(shift(it, g.left, g.top + y));
    hasBox[last()] = true;
    y += box.height;
  };

  for (let i = 0; i < entries.length; i++) {
    const e = entries[i];
    const need = opts.needs[i];
    if (e.kind === 'blank') {
      if (y === 0) {
        landed.push(undefined); // no blank line at the top of a page
        continue;
      }
      y = (gridLine() + 1) * g.linePitch;
      landed.push({ kind: 'line', page: last(), line: gridLine() - 1 });
      continue;
    }
    if (e.kind === 'box') {
      if (y > 0 && y + need.height > g.height + 1e-6) {
        if (need.signature) movedFrom ??= i;
        newPage();
        if (e.header) placeBox(e.header);
      }
      const line = gridLine();
      placeBox(e.box);
      landed.push({ kind: 'box', page: last(), line, bottom: y });
      continue;
    }
    let line = gridLine();
    // Lines this page holds at its pitch, and whether the need fits in them.
    const fits = (p: number) => (line * g.linePitch + need.height) * (p / g.linePitch) <= g.height + 1e-6;
    if (line > 0 && !fits(pitch[last()])) {
      const tighter = (g.height * g.linePitch) / (line * g.linePitch + need.height);
      if (need.signature && tighter >= opts.tightestPitch && !hasBox[last()] && last() >= opts.fixedPages && !pullsLineUp(tighter)) {
        pitch[last()] = Math.min(pitch[last()], tighter); // 7.3.5.5: tighten this one page first
      } else if (need.height <= g.height || line >= capacity(g, pitch[last()])) {
        if (need.signature) movedFrom ??= i;
        newPage();
        line = 0;
      }
    }
    const baseline = baselineInLine(g.top + line * g.linePitch, g.linePitch, e.size);
    const page = pages[last()];
    for (const s of e.line.segments) page.push(onLine(s, s.x + g.left, baseline, line));
    y = (line + 1) * g.linePitch;
    landed.push({ kind: 'line', page: last(), line });
  }
  // Pages set tighter: every line moves up to its place on the tighter grid.
  pitch.forEach((p, k) => {
    if (p !== g.linePitch) pages[k] = pages[k].map((it) => (it.kind === 'text' && it.line !== undefined ? { ...it, y: it.y - baselineInLine(g.top + it.line * g.linePitch, g.linePitch, it.size) + baselineInLine(g.top + it.line * p, p, it.size) } : it));
  });
  return { pages, nextLine: gridLine(), landed, pitch, movedFrom };
}

export function sameRef(a: BlockRef | undefined, b: BlockRef): boolean {
  switch (b.part) {
    case 'body':
      return a?.part === 'body' && a.block === b.block;
    case 'attachmentNote':
      return a?.part === 'attachmentNote' && a.item === b.item;
    case 'attachment':
      return a?.part === 'attachment' && a.item === b.item && a.block === b.block;
  }
}

/** Grid lines a page holds at a given pitch. */
export function capacity(g: Geometry, pitch: number): number {
  return Math.floor(g.height / pitch + 1e-6);
}

/**
 * A line's segment placed on the page: `{ ...s, x, y, line }`, written out (same keys in the same order) for the
 * segments the line breaker makes, which a spread copied several times slower (their numbers change
 * representation, so V8 cannot clone them by shape); any other segment is spread.
 */
function onLine(s: BrokenLine['segments'][number], x: number, y: number, line: number): TextItem {
  if (s.hScale !== undefined || s.advances !== undefined) return { ...s, x, y, line };
  return { kind: s.kind, x, font: s.font, size: s.size, color: s.color, text: s.text, spacing: s.spacing, tag: s.tag, y, line };
}

function shift(it: PageItem, dx: number, dy: number): PageItem {
  switch (it.kind) {
    case 'text':
      return { ...it, x: it.x + dx, y: it.y + dy };
    case 'rule':
      return { ...it, x1: it.x1 + dx, x2: it.x2 + dx, y: it.y + dy };
    default:
      return { ...it, x: it.x + dx, y: it.y + dy };
  }
}
