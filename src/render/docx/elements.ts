// Small builders over the docx package's objects that every part of the writer shares: exact line heights,
// indents that override Normal's two-character first line, borderless fixed tables and their cells.
import {
  AlignmentType, BorderStyle, HeightRule, type IBorderOptions, type IIndentAttributesProperties, type ISpacingProperties,
  LineRuleType, type Paragraph, Table, TableCell, TableLayoutType, TableRow, VerticalAlignTable, WidthType,
} from 'docx';

/** An exact line height in twips (never below one point, Word's minimum). */
export function exactLine(h: number): ISpacingProperties {
  return { before: 0, after: 0, line: Math.max(20, Math.round(h)), lineRule: LineRuleType.EXACT };
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
export function indent(i: Indent): IIndentAttributesProperties {
  const r = (x: number | undefined) => (x === undefined ? undefined : Math.round(x));
  if (i.hanging !== undefined) return { left: r(i.left), right: r(i.right), hanging: r(i.hanging), firstLineChars: 0 };
  return { left: r(i.left), right: r(i.right), firstLine: r(i.firstLine), firstLineChars: i.firstLine === undefined ? undefined : 0 };
}

export const NO_BORDER: IBorderOptions = { style: BorderStyle.NONE, size: 0, color: 'auto' };
export const THIN: IBorderOptions = { style: BorderStyle.SINGLE, size: 4, color: '000000', space: 0 };

type Edge = 'top' | 'bottom' | 'left' | 'right' | 'insideHorizontal' | 'insideVertical';

export interface TableSpec {
  widths: number[]; // column widths, twips
  center?: boolean;
  /** Border per edge; absent edges have none. */
  borders?: Partial<Record<Edge, IBorderOptions>>;
  cellMargin?: number; // left and right cell margin, twips
  cellMarginY?: number; // top and bottom cell margin, twips (0 when absent)
}

export function cell(width: number, children: (Paragraph | Table)[], vAlign?: 'center' | 'bottom'): TableCell {
  return new TableCell({
    width: { size: Math.round(width), type: WidthType.DXA },
    verticalAlign: vAlign === 'center' ? VerticalAlignTable.CENTER : vAlign === 'bottom' ? VerticalAlignTable.BOTTOM : undefined,
    children,
  });
}

export interface RowSpec {
  header?: boolean; // repeated at the top of every page
  exactHeight?: number;
  minHeight?: number; // twips: at least this tall (taller when its text needs more lines)
}

/** A row that never splits across pages. */
export function row(cells: TableCell[], spec: RowSpec = {}): TableRow {
  return new TableRow({
    children: cells,
    cantSplit: true,
    tableHeader: spec.header || undefined,
    height: spec.exactHeight
      ? { value: Math.round(spec.exactHeight), rule: HeightRule.EXACT }
      : spec.minHeight
        ? { value: Math.round(spec.minHeight), rule: HeightRule.ATLEAST }
        : undefined,
  });
}

/** A fixed-layout table of the given column widths. */
export function table(spec: TableSpec, rows: TableRow[]): Table {
  const b = spec.borders ?? {};
  const edge = (e: Edge) => b[e] ?? NO_BORDER;
  const m = spec.cellMargin ?? 0;
  const my = spec.cellMarginY ?? 0;
  const widths = spec.widths.map(Math.round);
  return new Table({
    width: { size: widths.reduce((a, x) => a + x, 0), type: WidthType.DXA },
    columnWidths: widths,
    alignment: spec.center ? AlignmentType.CENTER : undefined,
    layout: TableLayoutType.FIXED,
    borders: { top: edge('top'), left: edge('left'), bottom: edge('bottom'), right: edge('right'), insideHorizontal: edge('insideHorizontal'), insideVertical: edge('insideVertical') },
    margins: { top: my, bottom: my, left: m, right: m },
    rows,
  });
}
