// 主体: title, addressee, body blocks (headings, paragraphs, tables, bar charts) and the attachment note.
import type { BarChart, Block, Gongwen, Run, Table as GwTable } from '../../compose/model.ts';
import { attachmentLabel } from '../../layout/attachments.ts';
import type { Measure } from '../../layout/measure.ts';
import { CHART_STYLE, chartColumns, chartRows, valueText } from '../../layout/chart.ts';
import { layoutTable, TABLE_STYLE } from '../../layout/table.ts';
import { breakTitle } from '../../layout/title.ts';
import { cell, exactLine, indent, row, table, THIN } from './elements.ts';
import type { Geometry } from './geometry.ts';
import type { Landings } from '../../layout/types.ts';
import { blankAfterTwips, type BlockKey, type EndPlan, type Keep, pitchOf, trackingTwips } from './landings.ts';
import { type DrawingIds, inlinePicture } from './media.ts';
import { solidPng } from './png.ts';
import { CHAR_STYLE, STYLE } from './styles.ts';
import { ptFromMm } from './units.ts';
import { BR, type Jc, paragraph, run, type Spacing, t, textRun } from './xml.ts';

/** A paragraph or a table, as XML. */
export type Child = string;

const HEADING_STYLE = { 1: STYLE.h1, 2: STYLE.h2, 3: STYLE.h3, 4: STYLE.h4 } as const;

/** A blank grid line; `pitch`: its height on a page set tighter (twips). */
export function blankLine(g: Geometry, keepNext = false, pitch = g.pitch): Child {
  return paragraph({ style: STYLE.spacer, keepNext: keepNext || undefined, spacing: exactLine(pitch) });
}

/**
 * The title, broken where the PDF typesetter breaks it (balanced lines at word boundaries, src/layout/title.ts),
 * each line ended by a line break so that Word and WPS never break inside a word.
 */
export function titleParagraph(g: Geometry, title: string, m: Measure, pitch?: number): Child {
  const style = g.profile.roles.title;
  const lines = breakTitle(title, ptFromMm(g.profile.block.width), style.font, style.size, m);
  return paragraph({ style: STYLE.title, spacing: pitch === undefined ? undefined : exactLine(pitch) }, lines.map((text, i) => run((i > 0 ? BR : '') + t(text))));
}

/** `spacing`: the run's character spacing (twips) where the paragraph is tracked; else the style's. */
function runOf(r: Run, spacing?: number): string {
  const style = r.role === 'h1' || r.role === 'h2' || r.role === 'h3' || r.role === 'h4' ? CHAR_STYLE[r.role] : undefined;
  return textRun(r.text, { style, characterSpacing: spacing });
}

interface FlowProps {
  keepNext?: boolean;
  keepLines?: boolean;
  widowControl?: boolean;
  spacing?: Spacing;
}

/** A closing paragraph's keep (see landings.ts) and, on a page set tighter, its exact line height. */
function flowProps(keep: Keep | undefined, pitch?: number): FlowProps {
  const spacing = pitch === undefined ? undefined : exactLine(pitch);
  if (keep === 'all') return { keepNext: true, keepLines: true, spacing };
  if (keep === 'tail2') return { keepNext: true, widowControl: true, spacing };
  if (keep === 'tail1') return { keepNext: true, spacing };
  return { spacing };
}

function paragraphOf(runs: Run[], noIndent: boolean, props: FlowProps, spacing?: number): Child {
  return paragraph({ ...props, indent: noIndent ? indent({ firstLine: 0 }) : undefined }, runs.map((r) => runOf(r, spacing)));
}

/**
 * What the PDF typesetter decided for one flowed block: its keep, its page's pitch where that page is tighter, and
 * the twips its characters stand closer than the grid's (both writers draw it so, src/layout/body.ts).
 */
export interface BlockFlow {
  keep?: Keep;
  pitch?: number;
  tracking?: number;
  /** A table's or chart's blank line below it (twips; see landings.ts blankAfterTwips); absent: one grid line. */
  blankAfter?: number;
}

/** The bars' grey, the PDF painter's (src/render/pdf/paint.ts). */
const CHART_GREY = '#808080';

function cellParagraph(text: string, style: string, align?: 'left' | 'center' | 'right', keepNext?: boolean): Child {
  const alignment: Jc = align === 'left' ? 'left' : align === 'right' ? 'right' : 'center';
  return paragraph({ style, alignment, keepNext: keepNext || undefined }, textRun(text));
}

/**
 * A roll-up table: a real Word table as wide as the block, 小四, its header row repeated on every page. Each row is
 * at least as tall as the PDF typesetter's (src/layout/table.ts), so that a page holds the same rows in a word
 * processor (LibreOffice sets a row of one line a little shorter otherwise); taller if its text wraps more.
 */
function tableOf(g: Geometry, t: GwTable, m: Measure): Child[] {
  const total = t.columns.reduce((s, c) => s + c.width, 0) || 1;
  const widths = t.columns.map((c) => Math.floor((c.width / total) * g.blockW));
  const laid = layoutTable(t, { width: ptFromMm(g.profile.block.width), measure: m, profile: g.profile }, ptFromMm(g.profile.block.height));
  // LibreOffice adds the rule between rows to a row's height; the PDF draws it inside.
  const rule = (THIN.size / 8) * 20;
  const atLeast = (h: number) => ({ minHeight: h * 20 - rule });
  const head = row(t.columns.map((c, i) => cell(widths[i], [cellParagraph(c.header, STYLE.tableHead)], 'center')), { header: true, ...atLeast(laid.header.height) });
  const rows = t.rows.map((r, k) => row(t.columns.map((c, i) => cell(widths[i], [cellParagraph(r[i] ?? '', STYLE.table, c.align)], 'center')), atLeast(laid.rows[k].height)));
  const borders = { top: THIN, bottom: THIN, left: THIN, right: THIN, insideHorizontal: THIN, insideVertical: THIN };
  const out: Child[] = t.caption ? [paragraph({ style: STYLE.caption }, textRun(t.caption))] : [];
  // The PDF's cell padding (src/layout/table.ts), so that a cell wraps and a row stands as tall as there; above and
  // below, less half the rule that LibreOffice adds to each row.
  const size = g.profile.roles.table.size * 20;
  const margins = { cellMargin: Math.round(TABLE_STYLE.padX * size), cellMarginY: Math.round(TABLE_STYLE.padY * size - rule / 2) };
  return [...out, table({ widths, borders, ...margins }, [head, ...rows])];
}

/**
 * A horizontal bar chart as a borderless table: label | bar and value. The bar is a one-pixel grey PNG stretched,
 * grey as in the PDF (src/layout/chart.ts): red is the standard's colour for the mark, the rule and seals only.
 * The columns are the PDF's (chartColumns): with cell margins of a quarter of the PDF's gap on either side, the label
 * cell holds the widest label exactly and the bars start on the PDF's axis, each as long as there (the labels stand
 * a quarter gap, 1.5 pt, right of the PDF's; the value follows its bar after a space, not the PDF's whole gap, so that
 * the longest bar's value still fits its cell).
 */
function figureOf(g: Geometry, ids: DrawingIds, chart: BarChart, m: Measure, caption?: string): Child[] {
  const ctx = { width: ptFromMm(g.profile.block.width), measure: m, profile: g.profile };
  const cols = chartColumns(chart, ctx);
  const margin = Math.round((CHART_STYLE.gap * g.profile.roles.table.size * 20) / 4);
  // A twip to spare, so that a word processor's rounding does not wrap the widest label.
  const labelW = Math.ceil(cols.labelW * 20) + 1 + 2 * margin;
  const barW = g.blockW - labelW;
  const png = solidPng(CHART_GREY);
  // Rows as tall as the PDF's bars stand apart (src/layout/chart.ts), the first and the last with its padding, so
  // that the chart takes the same height on the page; the bar as thick as there.
  const { pitch, padY } = chartRows(chart.bars.length, g.profile);
  const barH = Math.round(pitch * 20 * CHART_STYLE.bar);
  const rows = chart.bars.map((b, i) => {
    const w = Math.round(cols.bars[i] * 20);
    // The PDF keeps a chart whole (one box): every row but the last keeps with the next.
    const keepNext = i < chart.bars.length - 1 || undefined;
    // No bar where the PDF draws none (a value of 0).
    const bar = paragraph({ style: STYLE.table, alignment: 'left', keepNext }, (w > 0 ? inlinePicture(ids, png, 'png', w, barH) : '') + textRun(` ${valueText(b.value)}`));
    const pad = (i === 0 ? padY : 0) + (i === chart.bars.length - 1 ? padY : 0);
    return row([cell(labelW, [cellParagraph(b.label, STYLE.table, 'right', keepNext)], 'center'), cell(barW, [bar], 'center')], { exactHeight: (pitch + pad) * 20 });
  });
  return [paragraph({ style: STYLE.caption }, textRun(caption ?? chart.title)), table({ widths: [labelW, barW], cellMargin: margin }, rows)];
}

export function blockChildren(g: Geometry, ids: DrawingIds, block: Block, m: Measure, flow: BlockFlow = {}): Child[] {
  const props = flowProps(flow.keep, flow.pitch);
  const spacing = flow.tracking ? g.bodySpacing - flow.tracking : undefined;
  switch (block.kind) {
    case 'heading':
      return [paragraph({ style: HEADING_STYLE[block.level], ...props }, textRun(block.text, { characterSpacing: spacing }))];
    case 'paragraph':
      return [paragraphOf(block.runs, block.indent === false, props, spacing)];
    // A blank line after tables and charts, as in the PDF.
    case 'table':
      return [...tableOf(g, block.table, m), blankLine(g, false, flow.blankAfter)];
    case 'figure':
      return [...figureOf(g, ids, block.chart, m, block.caption), blankLine(g, false, flow.blankAfter)];
  }
}

/**
 * 附件说明: one blank line below the body, two characters in; numbered 1. 2. when more than one, wrapped and later
 * names aligned after the label, as in the PDF. `plan`: the typesetter's decisions at the end of the body.
 */
export function attachmentParagraphs(g: Geometry, names: string[], plan?: EndPlan, lastBody = -1): Child[] {
  if (names.length === 0) return [];
  const label = '附件：';
  const c = g.bodyChar + g.bodySpacing;
  const labelW = 3 * c;
  const left = 2 * c + labelW;
  const first = plan && pitchOf(plan, 'a0');
  return [
    blankLine(g, Boolean(plan?.keeps.has('a0') && plan.keeps.has(`b${lastBody}`)), first),
    ...names.map((name, i) => {
      const text = names.length > 1 ? `${i + 1}.${name}` : name;
      const props = plan ? flowProps(plan.keeps.get(`a${i}`), pitchOf(plan, `a${i}`)) : {};
      const ind = i === 0 ? indent({ left, hanging: labelW }) : indent({ left, firstLine: 0 });
      return paragraph({ style: STYLE.attachment, ...props, indent: ind }, textRun(i === 0 ? label + text : text));
    }),
  ];
}

export function bodyChildren(g: Geometry, ids: DrawingIds, doc: Gongwen, m: Measure, plan: EndPlan): Child[] {
  // One blank line below the title, then the addressee if any (as the PDF typesetter does), unless the typesetter
  // moved it to the colophon (7.3.3: the first page must show body text).
  const first = plan.tightFirstPage ? plan.signaturePitch : undefined;
  const out: Child[] = [titleParagraph(g, doc.title, m, first), blankLine(g, true, first)];
  if (doc.addressee && !plan.addresseeInColophon) {
    out.push(paragraph({ style: STYLE.addressee, spacing: first === undefined ? undefined : exactLine(first) }, textRun(doc.addressee)));
  }
  doc.body.forEach((b, i) => {
    const key: BlockKey = `b${i}`;
    out.push(...blockChildren(g, ids, b, m, { keep: plan.keeps.get(key), pitch: pitchOf(plan, key), tracking: plan.tracking.get(key), blankAfter: plan.blankAfter.get(key) }));
  });
  return [...out, ...attachmentParagraphs(g, doc.attachments.map((a) => a.title), plan, doc.body.length - 1)];
}


/**
 * The attachments that carry content (7.3.7), as the typesetter lays them out (src/layout/attachments.ts): each from
 * a new page, 附件 (附件N when there are several, N as in the 附件说明) flush left on line 1, its title centred on
 * line 3 in the title's style, one blank line, then its blocks (tables repeat their header row on every page). Page
 * numbers run on: they are the section's.
 */
export function attachmentPages(g: Geometry, ids: DrawingIds, doc: Gongwen, m: Measure, laid: Landings['attachments'] = []): Child[] {
  return doc.attachments.flatMap((a, i) => {
    if (a.body.length === 0) return [];
    const label = paragraph({ style: STYLE.attachmentLabel, pageBreakBefore: true }, textRun(attachmentLabel(doc, i)));
    const blocks = laid.find((l) => l.item === i)?.blocks ?? [];
    const landing = (k: number) => blocks.find((l) => l.ref.part === 'attachment' && l.ref.block === k);
    const flow = (k: number): BlockFlow => {
      const b = landing(k);
      return { tracking: b && trackingTwips(b), blankAfter: blankAfterTwips(b, g.exactPitch / 20) };
    };
    return [label, blankLine(g, true), titleParagraph(g, a.title, m), blankLine(g, true), ...a.body.flatMap((b, k) => blockChildren(g, ids, b, m, flow(k)))];
  });
}
