// 主体: title, addressee, body blocks (headings, paragraphs, tables, bar charts) and the attachment note.
import {
  AlignmentType, BorderStyle, ImageRun, LineRuleType, Paragraph, Table, TableCell, TableLayoutType, TableRow, TextRun,
  VerticalAlignTable, WidthType,
} from 'docx';
import type { BarChart, Block, Gongwen, Run, Table as GwTable } from '../../compose/model.ts';
import type { Geometry } from './geometry.ts';
import { solidPng } from './png.ts';
import { CHAR_STYLE, STYLE } from './styles.ts';

export type Child = Paragraph | Table;

const HEADING_STYLE = { 1: STYLE.h1, 2: STYLE.h2, 3: STYLE.h3, 4: STYLE.h4 } as const;

export function blankLine(g: Geometry, keepNext = false): Paragraph {
  return new Paragraph({ style: STYLE.spacer, keepNext, spacing: { line: g.pitch, lineRule: LineRuleType.EXACT } });
}

/** The title, broken where the composer put line breaks ("\n"), otherwise wrapped by the word processor. */
export function titleParagraph(title: string): Paragraph {
  const lines = title.split('\n');
  return new Paragraph({
    style: STYLE.title,
    children: lines.map((text, i) => new TextRun({ text, break: i > 0 ? 1 : undefined })),
  });
}

function runOf(run: Run): TextRun {
  const style = run.role === 'h1' || run.role === 'h2' || run.role === 'h3' || run.role === 'h4' ? CHAR_STYLE[run.role] : undefined;
  return new TextRun({ text: run.text, style });
}

function paragraphOf(runs: Run[], indent: boolean | undefined): Paragraph {
  return new Paragraph({
    style: STYLE.body,
    indent: indent === false ? { firstLine: 0 } : undefined,
    children: runs.map(runOf),
  });
}

const THIN = { style: BorderStyle.SINGLE, size: 4, color: '000000' } as const;
const NONE = { style: BorderStyle.NONE, size: 0, color: 'auto' } as const;

function cellParagraph(text: string, style: string, align?: 'left' | 'center' | 'right'): Paragraph {
  const alignment = align === 'left' ? AlignmentType.LEFT : align === 'right' ? AlignmentType.RIGHT : AlignmentType.CENTER;
  return new Paragraph({ style, alignment, children: [new TextRun(text)] });
}

/** A roll-up table: a real Word table as wide as the block, 小四, its header row repeated on every page. */
function tableOf(g: Geometry, t: GwTable): Child[] {
  const total = t.columns.reduce((s, c) => s + c.width, 0) || 1;
  const widths = t.columns.map((c) => Math.floor((c.width / total) * g.blockW));
  const head = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: t.columns.map(
      (c, i) => new TableCell({ width: { size: widths[i], type: WidthType.DXA }, verticalAlign: VerticalAlignTable.CENTER, children: [cellParagraph(c.header, STYLE.tableHead)] }),
    ),
  });
  const rows = t.rows.map(
    (r) =>
      new TableRow({
        cantSplit: true,
        children: t.columns.map(
          (c, i) => new TableCell({ width: { size: widths[i], type: WidthType.DXA }, verticalAlign: VerticalAlignTable.CENTER, children: [cellParagraph(r[i] ?? '', STYLE.table, c.align)] }),
        ),
      }),
  );
  const out: Child[] = [];
  if (t.caption) out.push(new Paragraph({ style: STYLE.caption, children: [new TextRun(t.caption)] }));
  out.push(
    new Table({
      width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
      columnWidths: widths,
      layout: TableLayoutType.FIXED,
      borders: { top: THIN, bottom: THIN, left: THIN, right: THIN, insideHorizontal: THIN, insideVertical: THIN },
      rows: [head, ...rows],
    }),
  );
  return out;
}

function formatValue(v: number): string {
  return Number.isInteger(v) ? String(v) : v.toFixed(1);
}

/** A horizontal bar chart as a borderless table: label | bar (a one-pixel PNG stretched) and value. */
function figureOf(g: Geometry, chart: BarChart, caption?: string): Child[] {
  const labelW = Math.round(g.blockW * 0.3);
  const barW = g.blockW - labelW;
  const max = Math.max(...chart.bars.map((b) => b.value), 0) || 1;
  const maxBarPx = Math.round(((barW * 0.7) / 1440) * 96); // leave room for the value after the bar
  const bar = solidPng(g.profile.colors.red);
  const rows = chart.bars.map((b) => {
    const px = Math.max(1, Math.round((b.value / max) * maxBarPx));
    return new TableRow({
      cantSplit: true,
      children: [
        new TableCell({ width: { size: labelW, type: WidthType.DXA }, verticalAlign: VerticalAlignTable.CENTER, children: [cellParagraph(b.label, STYLE.table, 'right')] }),
        new TableCell({
          width: { size: barW, type: WidthType.DXA },
          verticalAlign: VerticalAlignTable.CENTER,
          children: [
            new Paragraph({
              style: STYLE.table,
              alignment: AlignmentType.LEFT,
              children: [
                new ImageRun({ type: 'png', data: bar, transformation: { width: px, height: 12 } }),
                new TextRun(` ${formatValue(b.value)}${chart.unit}`),
              ],
            }),
          ],
        }),
      ],
    });
  });
  const out: Child[] = [new Paragraph({ style: STYLE.caption, children: [new TextRun(caption ?? chart.title)] })];
  out.push(
    new Table({
      width: { size: g.blockW, type: WidthType.DXA },
      columnWidths: [labelW, barW],
      layout: TableLayoutType.FIXED,
      borders: { top: NONE, bottom: NONE, left: NONE, right: NONE, insideHorizontal: NONE, insideVertical: NONE },
      rows,
    }),
  );
  return out;
}

export function blockChildren(g: Geometry, block: Block): Child[] {
  switch (block.kind) {
    case 'heading':
      return [new Paragraph({ style: HEADING_STYLE[block.level], children: [new TextRun(block.text)] })];
    case 'paragraph':
      return [paragraphOf(block.runs, block.indent)];
    case 'table':
      return tableOf(g, block.table);
    case 'figure':
      return figureOf(g, block.chart, block.caption);
  }
}

/** 附件说明: one blank line below the body, two characters in; numbered when more than one, later names aligned. */
export function attachmentParagraphs(g: Geometry, names: string[]): Paragraph[] {
  if (names.length === 0) return [];
  const label = '附件：';
  const c = g.bodyChar;
  const labelW = 3 * c;
  if (names.length === 1) return [blankLine(g), new Paragraph({ style: STYLE.attachment, children: [new TextRun(label + names[0])] })];
  return [
    blankLine(g),
    ...names.map((name, i) => {
      const text = `${i + 1}．${name}`;
      return i === 0
        ? new Paragraph({ style: STYLE.attachment, indent: { left: 2 * c + labelW, hanging: labelW }, children: [new TextRun(label + text)] })
        : new Paragraph({ style: STYLE.attachment, indent: { left: 2 * c + labelW, firstLine: 0 }, children: [new TextRun(text)] });
    }),
  ];
}

export function addresseeParagraph(text: string): Paragraph {
  return new Paragraph({ style: STYLE.addressee, children: [new TextRun(text)] });
}

export function bodyChildren(g: Geometry, doc: Gongwen): Child[] {
  const out: Child[] = [titleParagraph(doc.title)];
  if (doc.addressee) out.push(blankLine(g, true), addresseeParagraph(doc.addressee));
  for (const b of doc.body) out.push(...blockChildren(g, b));
  out.push(...attachmentParagraphs(g, doc.attachments));
  return out;
}
