// What the DOCX takes from the PDF typesetter's landings (src/layout/types.ts) at the end of the body, instead of
// deciding again: which closing paragraphs go to the signature's page with it, and which page is set at a tighter
// line pitch so that the signature fits under the body (GB/T 9704 7.3.5.5). Word, WPS and LibreOffice lay the
// document out themselves; these decisions reach them as keep-with-next and exact line heights.
import type { BlockLanding, BlockRef, Landings } from '../../layout/types.ts';
import type { Geometry } from './geometry.ts';

/**
 * all: the whole paragraph goes with what follows (keepNext + keepLines).
 * tail2: at least its last two lines go (keepNext + widow control, which also keeps two lines behind).
 * tail1: only its last line goes (keepNext, widow control off).
 * tail2 and tail1 are Word's reading of keepNext: LibreOffice moves a keep-with-next paragraph whole. The typesetter
 * therefore moves whole paragraphs for the signature (src/layout/paginate.ts, wholeParagraphNeeds), so a broken
 * paragraph is kept with tail1/tail2 only when it and the signature exceed a page, and the last paragraph keeps its
 * last line (tail1) only while it stands whole on the signature's page.
 */
export type Keep = 'all' | 'tail2' | 'tail1';

/** A flowed paragraph by position: body block i (`b3`), or the 附件说明's i-th name (`a0`). */
export type BlockKey = `b${number}` | `a${number}`;

export function keyOf(ref: BlockRef): BlockKey {
  return ref.part === 'body' ? `b${ref.block}` : `a${ref.item}`;
}

export interface EndPlan {
  keeps: Map<BlockKey, Keep>;
  /**
   * Line pitch (twips) of the signature's page: the grid's, or the tighter pitch the typesetter set that page at.
   * Word keeps one line spacing per paragraph, so a tightened page is expressed as an exact line height, off the
   * document grid, on every paragraph with a line on that page (a paragraph that runs over from the page before is
   * tightened whole: its lines there stand that much closer, which the typesetter allows only while that frees less
   * than a line there, src/layout/paginate.ts).
   */
  signaturePitch: number;
  /** The paragraphs set at signaturePitch (absent: the page keeps the grid). */
  tight?: Set<BlockKey>;
  /** Whether the title and addressee stand on the tightened page (a plain document of one page). */
  tightFirstPage: boolean;
  /** The addressee stands in the colophon as 主送：… (landings.addressee). */
  addresseeInColophon: boolean;
  /** Twips taken from the character spacing of each body paragraph the typesetter tracked (landings' `tracking`). */
  tracking: Map<BlockKey, number>;
  /** The blank line's height (twips) below each table and chart of the body (blankAfterTwips). */
  blankAfter: Map<BlockKey, number>;
}

/**
 * The height (twips) of the blank line after a table or chart: in the PDF the line after a box stands on the next
 * grid line, a blank line below the box's end; a word processor stacks lines from wherever the table ends, so the
 * blank line takes up the difference too, less a point: LibreOffice draws a table that opens a page half its top
 * rule lower, and a page whose last line ends a hair below the block loses that line. `pitch`: the grid's, pt.
 */
export function blankAfterTwips(b: BlockLanding | undefined, pitch: number): number | undefined {
  const end = b?.pieces.at(-1)?.bottom;
  if (end === undefined) return undefined;
  return Math.round(((Math.ceil(end / pitch - 1e-6) + 1) * pitch - end) * 20) - TABLE_SLACK;
}

/** Twips the line after a table stands higher in the DOCX than in the PDF (see blankAfterTwips). */
const TABLE_SLACK = 20;

/** A block's tracking (landings, pt) as twips of character spacing. */
export function trackingTwips(b: BlockLanding): number | undefined {
  return b.tracking ? Math.round(b.tracking * 20) : undefined;
}

function keepFor(linesMoved: number, lines: number): Keep {
  if (linesMoved >= lines) return 'all';
  return linesMoved === 1 ? 'tail1' : 'tail2';
}

/**
 * The closing keeps and tightened page, from landings.signature:
 * - `moveLines`: the paragraphs from the typesetter's break on go with the signature, each kept whole (the typesetter
 *   breaks before a paragraph; one that with the signature exceeds a page keeps as many of its last lines as moved);
 * - `pitch`: the paragraphs on that page take its pitch (see EndPlan.signaturePitch);
 * - the last body paragraph, when it stands whole on the signature's page, keeps its last line with the signature,
 *   so that where a word processor's lines run longer than the PDF's the signature still never starts a page without
 *   body text (7.3.5.5). One the PDF runs over from the page before is left to the flow: its last lines and the
 *   signature stand on that page in every engine whose lines are the PDF's.
 */
export function endPlan(g: Geometry, landings: Landings): EndPlan {
  const keeps = new Map<BlockKey, Keep>();
  const blocks = landings.blocks;
  const remedy = landings.signature.remedy;
  const lastLine = [...blocks].reverse().find((b) => b.pieces.at(-1)?.kind === 'line');
  // Only while the last paragraph stands whole on the signature's page: LibreOffice moves a keep-with-next paragraph
  // whole, so one the PDF runs over from the page before would leave it (四棵树镇 plain: 7 lines more on page 5).
  const signaturePage = landings.signature.page;
  if (lastLine && lastLine === blocks.at(-1) && lastLine.pieces.every((p) => p.page === signaturePage)) keeps.set(keyOf(lastLine.ref), 'tail1');
  if (remedy.kind === 'moveLines') {
    const key = keyOf(remedy.breakBefore.ref);
    const at = blocks.findIndex((b) => keyOf(b.ref) === key);
    if (at >= 0) {
      const lines = blocks[at].pieces.length;
      keeps.set(key, keepFor(lines - remedy.breakBefore.line, lines));
      for (const b of blocks.slice(at + 1)) keeps.set(keyOf(b.ref), 'all');
    }
  }
  const addresseeInColophon = landings.addressee?.inColophon ?? false;
  const tracking = new Map(blocks.flatMap((b) => {
    const t = trackingTwips(b);
    return t ? [[keyOf(b.ref), t] as const] : [];
  }));
  const blankAfter = new Map(blocks.flatMap((b) => {
    const h = blankAfterTwips(b, g.exactPitch / 20);
    return h === undefined ? [] : [[keyOf(b.ref), h] as const];
  }));
  if (remedy.kind !== 'pitch') return { keeps, signaturePitch: g.pitch, tightFirstPage: false, addresseeInColophon, tracking, blankAfter };
  const tight = new Set(blocks.filter((b) => b.pieces.some((p) => p.page === remedy.page)).map((b) => keyOf(b.ref)));
  return { keeps, signaturePitch: tightPitchTwips(g, remedy.pitch), tight, tightFirstPage: remedy.page === 0, addresseeInColophon, tracking, blankAfter };
}

/**
 * A tightened page's pitch in twips. The typesetter tightens a page so that a whole number of lines fills the block
 * (pitch = block height / lines). A word processor's block is not the PDF's: on a page with a line grid, LibreOffice
 * shortens the body to a whole number of grid lines (22 × the floored grid pitch, 12,738 twips against the margins'
 * 12,756) and centres it, so the lines must fit in that: the same fraction of the floored grid pitch, floored. Taken
 * from the block's 225 mm instead (26.57 pt → 531 twips on 岔河镇's page 8), 24 lines need 12,744 twips, and the
 * signature went to a page of its own in LibreOffice.
 */
export function tightPitchTwips(g: Geometry, pitchPt: number): number {
  return Math.floor((pitchPt * 20 * g.pitch) / g.exactPitch + 1e-9);
}

/** The line pitch (twips) of a paragraph: the tightened page's when it has a line there, else undefined (the grid). */
export function pitchOf(plan: EndPlan, key: BlockKey): number | undefined {
  return plan.tight?.has(key) ? plan.signaturePitch : undefined;
}

/**
 * The paragraphs of a tightened page (exact lines of `pitch` twips) taken off the document grid (w:snapToGrid 0,
 * just before w:spacing as CT_PPrBase orders them), which the docx package cannot write on a paragraph: on the grid,
 * LibreOffice rounds every line up to the grid's pitch whatever its exact height. Only exact lines of that height
 * are touched; every other paragraph of that height (the header's spacers) is off the grid already.
 */
export function tightOffGrid(xml: string, pitch: number | undefined): string {
  if (pitch === undefined) return xml;
  const exact = new RegExp(`<w:spacing (?=[^>]*w:line="${pitch}")(?=[^>]*w:lineRule="exact")[^>]*/>`, 'g');
  return xml.replace(exact, (m) => `<w:snapToGrid w:val="0"/>${m}`);
}

