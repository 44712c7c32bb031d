// A text dump of laid-out pages, one item a line, for golden files: a reviewer reads the diff of the dump
// to see what a change moved. Lengths are PDF points rounded to 0.01 pt (y measured down from the page top).
//
//   page 1 (— 1 —)
//   text  L3  x=79.37 y=246.02 fangsong 16 body sp=0.12 "坚持以习近平…"
//   rule  x=79.37..521.57 y=212.60 w=1.00 red rule.red
//   image x=… y=… w=… h=… seal seal.png
//   circle x=… y=… w=… h=… stroke=red dashed seal.draft
//
// Items are listed top to bottom, then left to right (ties keep the typesetter's order), so that the dump
// follows the reading order and does not change when the typesetter only emits the same items in another order.
import { basename } from 'node:path';
import type { Page, PageItem } from './types.ts';

/** A length rounded to 0.01 pt, never "-0.00". */
export function pt(v: number): string {
  const s = v.toFixed(2);
  return s === '-0.00' ? '0.00' : s;
}

function itemLine(it: PageItem): string {
  switch (it.kind) {
    case 'text': {
      const extra = [
        it.color === 'red' ? 'red' : '',
        it.spacing ? `sp=${pt(it.spacing)}` : '',
        it.hScale !== undefined && it.hScale !== 100 ? `hs=${pt(it.hScale)}%` : '',
        it.advances ? `adv=${it.advances.map(pt).join(',')}` : '',
      ].filter(Boolean);
      const line = it.line === undefined ? 'L-' : `L${it.line}`;
      return ['text ', line, `x=${pt(it.x)}`, `y=${pt(it.y)}`, it.font, String(it.size), it.tag, ...extra, JSON.stringify(it.text)].join(' ');
    }
    case 'rule':
      return `rule  x=${pt(it.x1)}..${pt(it.x2)} y=${pt(it.y)} w=${pt(it.width)} ${it.color} ${it.tag}`;
    case 'image':
      // The file name only: the folder depends on where the repository is checked out.
      return `image x=${pt(it.x)} y=${pt(it.y)} w=${pt(it.w)} h=${pt(it.h)} ${it.tag} ${basename(it.path)}`;
    case 'rect':
    case 'circle': {
      const paint = [it.fill ? `fill=${it.fill}` : '', it.stroke ? `stroke=${it.stroke}` : '', it.dashed ? 'dashed' : ''].filter(Boolean);
      return [it.kind.padEnd(5), `x=${pt(it.x)}`, `y=${pt(it.y)}`, `w=${pt(it.w)}`, `h=${pt(it.h)}`, ...paint, it.tag].join(' ');
    }
  }
}

const anchorX = (it: PageItem) => (it.kind === 'rule' ? it.x1 : it.x);

/** The pages as text, one item a line (see the top of this file). */
export function dumpPages(pages: Page[]): string {
  const out: string[] = [];
  for (const page of pages) {
    out.push(`page ${page.index + 1}${page.number === undefined ? '' : ` (— ${page.number} —)`}`);
    // Compare the rounded values, so that a difference below the dump's precision does not reorder lines.
    const keyed = page.items.map((it, i) => ({ it, i, y: Math.round(it.y * 100), x: Math.round(anchorX(it) * 100) }));
    keyed.sort((a, b) => a.y - b.y || a.x - b.x || a.i - b.i);
    for (const { it } of keyed) out.push(itemLine(it));
  }
  return out.join('\n') + '\n';
}
