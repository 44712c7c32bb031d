// Small builders that every part of the writer shares: exact line heights, indents that override Normal's
// two-character first line, borderless fixed tables and their cells.
import { type Border, borderXml, type IndentAttrs, type Jc, type Spacing } from './xml.ts';

/** An exact line height in twips (never below one point, Word's minimum). */
export function exactLine(h: number): Spacing {
  return { before: 0, after: 0, line: Math.max(20, Math.round(h)), lineRule: 'exact' };
}

export interface Indent {
  left?: number;
  right?: number;
  firstLine?: number;
  hanging?: number;
}

/**
 * An indent in whole twips. Normal gives firstLineChars="200" (Word prefers *Chars to twips); firstLineChars 0 hands
 * the indent back to the twips value.
 */
export function indent(i: Indent): IndentAttrs {
  const r = (x: number | undefined) => (x === undefined ? undefined : Math.round(x));
  if (i.hanging !== undefined) return { left: r(i.left), right: r(i.right), hanging: r(i.hanging), firstLineChars: 0 };
  return { left: r(i.left), right: r(i.right), firstLine: r(i.firstLine), firstLineChars: i.firstLine === undefined ? undefined : 0 };
}

export const NO_BORDER: Border = { style: 'none', size: 0, color: 'auto' };
export const THIN: Border = { style: 'single', size: 4, color: '000000', space: 0 };

type Edge = 'top' | 'bottom' | 'left' | 'right' | 'insideHorizontal' | 'insideVertical';

export interface TableSpec {
  widths: number[]; // column widths, twips
  center?: boolean;
  /** Border per edge; absent edges have none. */
  borders?: Partial<Record<Edge, Border>>;
  cellMargin?: number; // left and right cell margin, twips
  cellMarginY?: number; // top and bottom cell margin, twips (0 when absent)
}

const dxa = (name: string, w: number) => `<${name} w:type="dxa" w:w="${Math.floor(w)}"/>`;

/** A table cell of the given paragraphs (or tables), their XML. */
export function cell(width: number, children: string[], vAlign?: 'center' | 'bottom'): string {
  const v = vAlign ? `<w:vAlign w:val="${vAlign}"/>` : '';
  return `<w:tc><w:tcPr>${dxa('w:tcW', Math.round(width))}${v}</w:tcPr>${children.length > 0 ? children.join('') : '<w:p/>'}</w:tc>`;
}

export interface RowSpec {
  header?: boolean; // repeated at the top of every page
  exactHeight?: number;
  minHeight?: number; // twips: at least this tall (taller when its text needs more lines)
}

/** A row that never splits across pages. */
export function row(cells: string[], spec: RowSpec = {}): string {
  const height = spec.exactHeight ? [Math.round(spec.exactHeight), 'exact'] : spec.minHeight ? [Math.round(spec.minHeight), 'atLeast'] : undefined;
  const trPr = '<w:cantSplit/>' + (spec.header ? '<w:tblHeader/>' : '') + (height ? `<w:trHeight w:val="${Math.floor(height[0] as number)}" w:hRule="${height[1]}"/>` : '');
  return `<w:tr><w:trPr>${trPr}</w:trPr>${cells.join('')}</w:tr>`;
}

/** A fixed-layout table of the given column widths and rows (their XML). */
export function table(spec: TableSpec, rows: string[]): string {
  const b = spec.borders ?? {};
  const edge = (name: string, e: Edge) => borderXml(name, b[e] ?? NO_BORDER);
  const m = spec.cellMargin ?? 0;
  const my = spec.cellMarginY ?? 0;
  const widths = spec.widths.map(Math.round);
  const jc: Jc | undefined = spec.center ? 'center' : undefined;
  const tblPr =
    dxa('w:tblW', widths.reduce((a, x) => a + x, 0)) +
    (jc ? `<w:jc w:val="${jc}"/>` : '') +
    `<w:tblBorders>${edge('w:top', 'top')}${edge('w:left', 'left')}${edge('w:bottom', 'bottom')}${edge('w:right', 'right')}${edge('w:insideH', 'insideHorizontal')}${edge('w:insideV', 'insideVertical')}</w:tblBorders>` +
    '<w:tblLayout w:type="fixed"/>' +
    `<w:tblCellMar>${dxa('w:top', my)}${dxa('w:left', m)}${dxa('w:bottom', my)}${dxa('w:right', m)}</w:tblCellMar>`;
  return `<w:tbl><w:tblPr>${tblPr}</w:tblPr><w:tblGrid>${widths.map((w) => `<w:gridCol w:w="${Math.floor(w)}"/>`).join('')}</w:tblGrid>${rows.join('')}</w:tbl>`;
}
