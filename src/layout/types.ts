// What layout() returns: pages of positioned items, in PDF points with y measured down from the page top.
// The PDF painter only paints these; tests measure them.
import type { FontRole } from '../schema/profile.ts';

export type Color = 'red' | 'text';

export interface TextItem {
  kind: 'text';
  x: number; // left edge of the first glyph
  y: number; // baseline
  font: FontRole;
  size: number;
  color: Color;
  text: string;
  spacing: number; // extra advance after every character (pt); negative squeezes
  hScale?: number; // horizontal scale in percent (the red mark may be condensed)
  advances?: number[]; // explicit advance per character when they differ (squeezed punctuation)
  tag: string; // what it is: body, h1, h2, title, mark, docNumber, signer, pageNumber, colophon, table…
  line?: number; // grid line index on the page (0-based) for text on the body grid
}

export interface RuleItem {
  kind: 'rule';
  x1: number;
  x2: number;
  y: number; // centre of the stroke
  width: number; // stroke thickness (pt)
  color: Color;
  tag: string; // rule.red, colophon.thick, colophon.thin, table…
}

export interface ImageItem {
  kind: 'image';
  path: string;
  x: number;
  y: number; // top edge
  w: number;
  h: number;
  tag: string; // seal
}

export interface ShapeItem {
  kind: 'rect' | 'circle';
  x: number; // rect: top-left; circle: centre
  y: number;
  w: number; // circle: diameter
  h: number;
  fill?: Color | 'grey';
  stroke?: Color;
  dashed?: boolean;
  tag: string; // seal.draft, chart.bar, table.cell…
}

export type PageItem = TextItem | RuleItem | ImageItem | ShapeItem;

export interface Page {
  index: number; // 0-based physical page
  number?: number; // printed page number; absent on blank pages
  items: PageItem[];
}

/** Which flowed block a line or box came from, by position in the document model. */
export type BlockRef =
  | { part: 'body'; block: number } // doc.body[block]
  | { part: 'attachmentNote'; item: number } // the 附件说明's item-th name
  | { part: 'attachment'; item: number; block: number }; // doc.attachments[item].body[block]

/** Where one flowed line or box landed: its page, and the grid line its top stands on. */
export interface Landed {
  kind: 'line' | 'box';
  page: number;
  line: number;
  /** A box: where it ends, pt below the block top (the next line stands on the first grid line at or below it). */
  bottom?: number;
}

/** Where a block landed: one entry per line it was broken into (per row for a table). */
export interface BlockLanding {
  ref: BlockRef;
  pieces: Landed[];
  /** pt taken from each character's advance (at the body size) in both writers, so that a word processor sets the
   * block on as many lines as the PDF (src/layout/body.ts); absent: the grid's. */
  tracking?: number;
}

/**
 * What the typesetter did when the signature (with date and seal) did not fit under the last body line
 * (GB/T 9704 7.3.5.5): first tighten, only then move body lines forward.
 * - `pitch`: that one page is set at a tighter line pitch (pt), within the profile's limit.
 * - `moveLines`: `lines` body lines were moved onto the signature's page (breaking before `breakBefore`).
 */
export type SignatureRemedy =
  | { kind: 'none' }
  | { kind: 'pitch'; page: number; pitch: number; lines: number }
  | { kind: 'moveLines'; lines: number; breakBefore: { ref: BlockRef; line: number } };

/**
 * Where everything landed, for the writers that lay out with their own engine (the DOCX): they follow these
 * decisions instead of taking them again.
 */
export interface Landings {
  pageCount: number;
  /** Line pitch (pt) of each page: the grid's, or a tightened one (see SignatureRemedy). */
  pitch: number[];
  /** The body's and the 附件说明's blocks, in order, up to the signature. */
  blocks: BlockLanding[];
  /** firstLine: the grid line after the body (its last line, or the blank line after a closing table); lastLine: the date's or 附注's line. */
  signature: { page: number; firstLine: number; lastLine: number; remedy: SignatureRemedy };
  /**
   * The colophon (版记); `ownPage`: it did not fit under the signature and stands on a page of its own. A sealed
   * document keeps the seal's room below the date even when no seal image is given (the clerk stamps it: the
   * seal's lower edge falls about two lines below the date), so the roll-up's colophon stands alone on its last
   * page; the DOCX writer follows this flag instead of letting the word processor pull it up.
   */
  colophon?: { page: number; ownPage: boolean };
  /**
   * The attachments that carry content, each on its own pages after the signature and before the colophon
   * (7.3.7): `item` is its index in doc.attachments (附件 item+1), `page` the page its 附件N line opens, `blocks`
   * where each of its blocks landed (refs with `part: 'attachment'`; kept apart from `blocks`, which ends at the
   * signature).
   */
  attachments: { item: number; page: number; blocks: BlockLanding[] }[];
  /** The addressee (主送); `inColophon`: it would have left the first page without body text (7.3.3) and stands
   * in the colophon as 主送：… on the line above 抄送. */
  addressee?: { inColophon: boolean };
}

/** layout()'s result: the pages to paint and where each part of the document landed. */
export interface LaidOut {
  pages: Page[];
  landings: Landings;
}
