// Flows lines and boxes onto pages: every text line on the grid, boxes at their own heights,
// headings kept with what follows, table header rows repeated on each new page.
import type { FlowEntry } from './body.ts';
import type { Geometry } from './geometry.ts';
import { baselineInLine } from './geometry.ts';
import type { PageItem } from './types.ts';

export interface Flowed {
  pages: PageItem[][];
  /** Grid line index just after the last thing placed on the last page. */
  nextLine: number;
  /** For each entry, the page it landed on (−1 for dropped blanks). */
  pageOf: number[];
}

export function paginate(
  entries: FlowEntry[],
  g: Geometry,
  firstPage: PageItem[],
  startLine: number,
  forceBreakBefore = -1,
): Flowed {
  const pages: PageItem[][] = [[...firstPage]]; // a copy: the caller may paginate again
  const pageOf: number[] = [];
  let y = startLine * g.linePitch; // cursor, relative to the block top
  const newPage = () => {
    pages.push([]);
    y = 0;
  };
  const gridLine = () => Math.ceil(y / g.linePitch - 1e-6);
  const placeBox = (box: { height: number; items: PageItem[] }) => {
    const page = pages[pages.length - 1];
    for (const it of box.items) page.push(shift(it, g.left, g.top + y));
    y += box.height;
  };

  for (let i = 0; i < entries.length; i++) {
    const e = entries[i];
    if (i === forceBreakBefore && y > 0) newPage();
    if (e.kind === 'blank') {
      if (y === 0) {
        pageOf.push(-1); // no blank line at the top of a page
        continue;
      }
      y = (gridLine() + 1) * g.linePitch;
      pageOf.push(pages.length - 1);
      continue;
    }
    if (e.kind === 'box') {
      const needed = e.box.height + (e.keepWithNext ? nextHeight(entries, i + 1, g) : 0);
      if (y > 0 && y + needed > g.height + 1e-6) {
        newPage();
        if (e.header) placeBox(e.header);
      }
      placeBox(e.box);
      pageOf.push(pages.length - 1);
      continue;
    }
    let line = gridLine();
    // A heading (and any line marked keep-with-next) never ends a page: it goes with what follows.
    let keep = 0;
    for (let k = i; k < entries.length && entryKeeps(entries[k]); k++) keep++;
    const following = keep > 0 && i + keep < entries.length ? 1 : 0;
    if (line + keep + following > g.lines && line > 0 && keep + following <= g.lines) {
      newPage();
      line = 0;
    } else if (line >= g.lines) {
      newPage();
      line = 0;
    }
    const baseline = baselineInLine(g.top + line * g.linePitch, g.linePitch, e.size);
    const page = pages[pages.length - 1];
    for (const s of e.line.segments) page.push({ ...s, x: s.x + g.left, y: baseline, line });
    y = (line + 1) * g.linePitch;
    pageOf.push(pages.length - 1);
  }
  return { pages, nextLine: Math.ceil(y / g.linePitch - 1e-6), pageOf };
}

function entryKeeps(e: FlowEntry): boolean {
  return e.kind === 'line' && e.keepWithNext;
}

function nextHeight(entries: FlowEntry[], i: number, g: Geometry): number {
  const e = entries[i];
  if (!e) return 0;
  return e.kind === 'box' ? e.box.height : g.linePitch;
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
