// 主体: title, addressee, body blocks (headings, paragraphs, tables, bar charts) and the attachment note.
import type { BarChart, Block, Gongwen, Run, Table as GwTable } from '../../compose/model.ts';
import type { Measure } from '../../layout/measure.ts';
import { breakTitle } from '../../layout/title.ts';
import type { Geometry } from './geometry.ts';
import { type Keep, type TailKey, tailKeeps } from './keep.ts';
import { fontMeasure } from './measure.ts';
import { inlinePicture, type Media } from './media.ts';
import { solidPng } from './png.ts';
import { CHAR_STYLE, STYLE } from './styles.ts';
import { ptFromMm } from './units.ts';
import { cell, para, type ParaProps, row, run, table } from './xml.ts';

const HEADING_STYLE = { 1: STYLE.h1, 2: STYLE.h2, 3: STYLE.h3, 4: STYLE.h4 } as const;

export function blankLine(g: Geometry, keepNext = false): string {
  return para({ style: STYLE.spacer, keepNext, exact: g.pitch });
}

/**
 * The title, broken where the PDF typesetter breaks it (balanced lines at word boundaries, src/layout/title.ts),
 * each line ended by a line break so that Word and WPS never break inside a word.
 */
export function titleParagraph(g: Geometry, title: string, m: Measure = fontMeasure()): string {
  const style = g.profile.roles.title;
  const lines = breakTitle(title, ptFromMm(g.profile.block.width), style.font, style.size, m);
  return para({ style: STYLE.title }, run(lines.join('\n')));
}

function runOf(r: Run): string {
  const style = r.role === 'h1' || r.role === 'h2' || r.role === 'h3' || r.role === 'h4' ? CHAR_STYLE[r.role] : undefined;
  return run(r.text, { style });
}

function keepProps(keep: Keep | undefined): ParaProps {
  if (keep === 'all') return { keepNext: true, keepLines: true };
  if (keep === 'tail2') return { keepNext: true, widowControl: true };
  if (keep === 'tail1') return { keepNext: true };
  return {};
}

function paragraphOf(runs: Run[], indent: boolean | undefined, keep?: Keep): string {
  return para({ ...keepProps(keep), ind: indent === false ? { firstLine: 0 } : undefined }, runs.map(runOf).join(''));
}

/** The bars' grey, the PDF painter's (src/render/pdf/paint.ts). */
const CHART_GREY = '#808080';

const THIN = 'w:val="single" w:sz="4" w:space="0" w:color="000000"';
const CELL_MARGIN = 108;

function cellParagraph(text: string, style: string, align?: 'left' | 'center' | 'right'): string {
  return para({ style, jc: align === 'left' ? 'left' : align === 'right' ? 'right' : 'center' }, run(text));
}

/** A roll-up table: a real Word table as wide as the block, 小四, its header row repeated on every page. */
function tableOf(g: Geometry, t: GwTable): string {
  const total = t.columns.reduce((s, c) => s + c.width, 0) || 1;
  const widths = t.columns.map((c) => Math.floor((c.width / total) * g.blockW));
  const head = row(t.columns.map((c, i) => cell(widths[i], cellParagraph(c.header, STYLE.tableHead), { vAlign: 'center' })), { header: true });
  const rows = t.rows.map((r) => row(t.columns.map((c, i) => cell(widths[i], cellParagraph(r[i] ?? '', STYLE.table, c.align), { vAlign: 'center' }))));
  const caption = t.caption ? para({ style: STYLE.caption }, run(t.caption)) : '';
  const borders = { top: THIN, bottom: THIN, left: THIN, right: THIN, insideH: THIN, insideV: THIN };
  return caption + table({ widths, borders, cellMargin: CELL_MARGIN }, [head, ...rows]);
}

function formatValue(v: number): string {
  return String(Math.round(v * 10) / 10);
}

/**
 * A horizontal bar chart as a borderless table: label | bar and value. The bar is a one-pixel grey PNG stretched,
 * grey as in the PDF (src/layout/chart.ts): red is the standard's colour for the mark, the rule and seals only.
 */
function figureOf(g: Geometry, media: Media, chart: BarChart, caption?: string): string {
  const labelW = Math.round(g.blockW * 0.3);
  const barW = g.blockW - labelW;
  const max = Math.max(...chart.bars.map((b) => b.value), 0) || 1;
  const maxBar = Math.round(barW * 0.7) - CELL_MARGIN; // leave room for the value after the bar
  const rId = media.add(solidPng(CHART_GREY), 'png');
  const barH = Math.round(g.profile.roles.table.size * 20 * 0.62);
  const rows = chart.bars.map((b) => {
    const w = Math.max(20, Math.round((b.value / max) * maxBar));
    return row([
      cell(labelW, cellParagraph(b.label, STYLE.table, 'right'), { vAlign: 'center' }),
      cell(barW, para({ style: STYLE.table, jc: 'left' }, inlinePicture(media, rId, w, barH) + run(` ${formatValue(b.value)}${chart.unit}`)), { vAlign: 'center' }),
    ]);
  });
  return para({ style: STYLE.caption }, run(caption ?? chart.title)) + table({ widths: [labelW, barW], cellMargin: CELL_MARGIN }, rows);
}

export function blockXml(g: Geometry, media: Media, block: Block, keep?: Keep): string {
  switch (block.kind) {
    case 'heading':
      return para({ style: HEADING_STYLE[block.level], ...keepProps(keep) }, run(block.text));
    case 'paragraph':
      return paragraphOf(block.runs, block.indent, keep);
    // A blank line after tables and charts, as in the PDF.
    case 'table':
      return tableOf(g, block.table) + blankLine(g);
    case 'figure':
      return figureOf(g, media, block.chart, block.caption) + blankLine(g);
  }
}

/**
 * 附件说明: one blank line below the body, two characters in; numbered 1. 2. when more than one, wrapped and later
 * names aligned after the label, as in the PDF.
 */
export function attachmentXml(g: Geometry, names: string[], keeps: Map<TailKey, Keep> = new Map(), lastBody = -1): string {
  if (names.length === 0) return '';
  const label = '附件：';
  const c = g.bodyChar + g.bodySpacing;
  const labelW = 3 * c;
  const left = 2 * c + labelW;
  return (
    blankLine(g, keeps.has('a0') && keeps.has(`b${lastBody}`)) +
    names
      .map((name, i) => {
        const text = names.length > 1 ? `${i + 1}.${name}` : name;
        const keep = keepProps(keeps.get(`a${i}`));
        return i === 0
          ? para({ style: STYLE.attachment, ...keep, ind: { left, hanging: labelW } }, run(label + text))
          : para({ style: STYLE.attachment, ...keep, ind: { left, firstLine: 0 } }, run(text));
      })
      .join('')
  );
}

export function bodyXml(g: Geometry, media: Media, doc: Gongwen, m: Measure = fontMeasure()): string {
  // One blank line below the title, then the addressee if any (as the PDF typesetter does).
  let out = titleParagraph(g, doc.title, m) + blankLine(g, true);
  if (doc.addressee) out += para({ style: STYLE.addressee }, run(doc.addressee));
  const keeps = tailKeeps(doc, g.profile, m);
  doc.body.forEach((b, i) => (out += blockXml(g, media, b, keeps.get(`b${i}`))));
  return out + attachmentXml(g, doc.attachments, keeps, doc.body.length - 1);
}
