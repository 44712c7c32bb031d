// Which closing paragraphs move with the signature: the PDF typesetter (src/layout/index.ts) moves the last two
// body lines to the signature's page when it would not fit below them. Word, WPS and LibreOffice get the same
// decision from keep-with-next on those paragraphs, with line counts taken from the PDF's own line breaker.
import type { Block, Gongwen } from '../../compose/model.ts';
import { flowAttachments } from '../../layout/closing.ts';
import { flowBody } from '../../layout/body.ts';
import { geometry as layoutGeometry } from '../../layout/geometry.ts';
import type { Measure } from '../../layout/measure.ts';
import type { Profile } from '../../schema/profile.ts';

/**
 * all: the whole paragraph goes with what follows (keepNext + keepLines).
 * tail2: at least its last two lines go (keepNext + widow control; a three-line paragraph moves whole, as widow
 * control also keeps two lines behind).
 * tail1: only its last line goes (keepNext, widow control off).
 */
export type Keep = 'all' | 'tail2' | 'tail1';

/** A body or attachment paragraph at the end of the document, by position: body block i, or attachment i. */
export type TailKey = `b${number}` | `a${number}`;

const LINES_WITH_SIGNATURE = 2;

function lineCount(entries: { kind: string }[]): number {
  return entries.filter((e) => e.kind === 'line').length;
}

export function tailKeeps(doc: Gongwen, profile: Profile, m: Measure): Map<TailKey, Keep> {
  const keeps = new Map<TailKey, Keep>();
  if (doc.signatures.length === 0 && !doc.date) return keeps;
  const lg = layoutGeometry(profile);
  const units: { key: TailKey; lines: () => number }[] = [
    ...doc.body.map((b: Block, i) => ({
      key: `b${i}` as TailKey,
      lines: () => (b.kind === 'table' || b.kind === 'figure' ? Number.NaN : lineCount(flowBody([b], profile, lg, m))),
    })),
    // Each name measured as if first (with the 附件： label's width): names are short, the count is what matters.
    ...doc.attachments.map((a, i) => ({ key: `a${i}` as TailKey, lines: () => lineCount(flowAttachments([a.title], profile, lg, m)) })),
  ];
  let moved = 0;
  for (let i = units.length - 1; i >= 0 && moved < LINES_WITH_SIGNATURE; i--) {
    const n = units[i].lines();
    if (Number.isNaN(n)) break; // a table or chart: the PDF moves no box with the signature
    const need = LINES_WITH_SIGNATURE - moved;
    if (n <= need) keeps.set(units[i].key, 'all');
    else keeps.set(units[i].key, need === 2 ? 'tail2' : 'tail1');
    moved += n;
  }
  return keeps;
}
