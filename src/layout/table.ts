// Table geometry: the header row and each body row as independent boxes, so the paginator can
// place rows one by one and repeat the header on every new page. Cell text is 小四 (roles table /
// tableHead), broken by the same CJK line breaker as the body, never past its cell's inner edge.
import type { Table } from '../compose/model.ts';
import type { TextRole } from '../schema/profile.ts';
import { GongwenError, diag } from '../diagnostics.ts';
import type { Box, BoxContext, RowBox } from './box.ts';
import { breakLines, type BrokenLine, type StyledRun } from './linebreak.ts';
import { styled } from './style.ts';
import { wordLines } from './wordLines.ts';
import type { PageItem, TextItem } from './types.ts';

/** Cell padding and rule weight, as fractions of the type size / in points. */
export const TABLE_STYLE = {
  padX: 0.3, // em, left and right inside a cell
  padY: 0.25, // em, above and below the text
  leading: 1.35, // line pitch in em
  rule: 0.5, // pt, every cell border
};

interface Column {
  x: number;
  w: number;
  align: 'left' | 'center' | 'right';
}

/** Column edges from the shares; the last edge is exactly the block width whatever the shares add to. */
export function columnEdges(table: Table, width: number): Column[] {
  const total = table.columns.reduce((a, c) => a + c.width, 0);
  let x = 0;
  return table.columns.map((c, i) => {
    const right = i === table.columns.length - 1 ? width : x + (width * c.width) / total;
    const col = { x, w: right - x, align: c.align ?? 'left' };
    x = right;
    return col;
  });
}

const LATIN_WORD = /[\u0021-\u007E]+/g;

/**
 * Runs for one cell: a Latin word too long for the cell (a file path, a schema path) becomes one
 * run per character, as the line breaker never splits a word inside a run.
 */
function cellRuns(run: StyledRun, avail: number, ctx: BoxContext): StyledRun[] {
  const out: StyledRun[] = [];
  let last = 0;
  for (const m of run.text.matchAll(LATIN_WORD)) {
    if (ctx.measure.width(run.latin ?? 'latin', m[0], run.size) <= avail) continue;
    if (m.index > last) out.push({ ...run, text: run.text.slice(last, m.index) });
    for (const ch of m[0]) out.push({ ...run, text: ch });
    last = m.index + m[0].length;
  }
  if (last < run.text.length) out.push({ ...run, text: run.text.slice(last) });
  return out;
}

/** Lines of one cell, positioned within the cell (x from the cell's left inner edge). */
function cellLines(text: string, role: TextRole, avail: number, ctx: BoxContext): BrokenLine[] {
  if (text === '') return [];
  const run = styled(ctx.profile, role, text, role === 'tableHead' ? 'table.head' : 'table');
  return breakLines(cellRuns(run, avail, ctx), ctx.measure, {
    firstWidth: avail,
    width: avail,
    justify: false,
    context: text.slice(0, 20),
  });
}

/** Shrinks a line drawn wider than the cell (only a single glyph wider than the cell can be). */
function fitLine(line: BrokenLine, avail: number): BrokenLine {
  if (line.width <= avail) return line;
  const k = avail / line.width;
  return {
    width: avail,
    segments: line.segments.map((s) => ({ ...s, x: s.x * k, spacing: s.spacing * k, hScale: (s.hScale ?? 100) * k })),
  };
}

function layoutRow(cells: string[], cols: Column[], role: TextRole, ctx: BoxContext, forceAlign?: 'center'): RowBox {
  const size = ctx.profile.roles[role].size;
  const padX = TABLE_STYLE.padX * size;
  const padY = TABLE_STYLE.padY * size;
  const pitch = TABLE_STYLE.leading * size;
  const laid = cols.map((c, i) => {
    const avail = c.w - 2 * padX;
    return cellLines(cells[i] ?? '', role, avail, ctx).map((l) => fitLine(l, avail));
  });
  // A row stands as tall as the taller of the PDF's cell and a word processor's (which adds space between Han text
  // and digits and squeezes nothing, src/layout/wordLines.ts): the DOCX gives its rows at least this height, so
  // both hold the same rows on a page.
  const wordCount = (text: string, avail: number) =>
    text === '' ? 0 : wordLines([styled(ctx.profile, role, text)], ctx.measure, { firstWidth: avail, width: avail, spacing: 0 }).length;
  const lineCount = Math.max(1, ...laid.map((l) => l.length), ...cols.map((c, i) => wordCount(cells[i] ?? '', c.w - 2 * padX)));
  const height = lineCount * pitch + 2 * padY;
  const items: PageItem[] = [];
  laid.forEach((lines, i) => {
    const col = cols[i];
    const align = forceAlign ?? col.align;
    // Cells with fewer lines than the row sit in the vertical middle.
    const top = (height - lines.length * pitch) / 2;
    lines.forEach((line, k) => {
      const avail = col.w - 2 * padX;
      const dx = align === 'left' ? 0 : align === 'right' ? avail - line.width : (avail - line.width) / 2;
      const baseline = top + k * pitch + (pitch - size) / 2 + 0.88 * size;
      for (const s of line.segments) items.push({ ...s, x: col.x + padX + dx + s.x, y: baseline } satisfies TextItem);
    });
  });
  items.push(...borders(cols, height, ctx.width));
  return { height, items };
}

/** Top and bottom rules across the row, and a vertical rule at every column edge, all inside the block. */
function borders(cols: Column[], height: number, width: number): PageItem[] {
  const w = TABLE_STYLE.rule;
  const items: PageItem[] = [
    { kind: 'rule', x1: 0, x2: width, y: 0, width: w, color: 'text', tag: 'table' },
    { kind: 'rule', x1: 0, x2: width, y: height, width: w, color: 'text', tag: 'table' },
  ];
  const edges = [...cols.map((c) => c.x), width];
  for (const x of edges) {
    // The outer rules are drawn just inside the block edge, the inner ones centred on the edge.
    const left = Math.min(Math.max(x - w / 2, 0), width - w);
    items.push({ kind: 'rect', x: left, y: 0, w, h: height, fill: 'text', tag: 'table.rule' });
  }
  return items;
}

/**
 * Refuses a table whose narrowest column cannot hold one character of its text inside the padding: its glyphs
 * would be squeezed out of shape. Needs no fonts, so `validate` asks it of every table. The error is at the
 * column's header cell (a path relative to the table block).
 */
export function checkTableColumns(table: Table, width: number, profile: BoxContext['profile']): void {
  const size = Math.max(profile.roles.table.size, profile.roles.tableHead.size);
  const cols = columnEdges(table, width);
  const narrow = cols.findIndex((c) => c.w - 2 * TABLE_STYLE.padX * size < size - 1e-6);
  if (narrow >= 0) {
    throw new GongwenError(diag('layout.tableTooWide', { columns: cols.length, column: narrow + 1 }, { path: ['table', 'columns', narrow] }));
  }
}

/**
 * Whether some row, with the header above it, might be taller than a page: never when the longest header cell and
 * the longest body cell together have no more characters than a page has lines, since a line holds at least one
 * character. Only then must the rows be measured (with fonts) to know.
 */
export function tableMayOverflow(table: Table, pageHeight: number, profile: BoxContext['profile']): boolean {
  const size = Math.max(profile.roles.table.size, profile.roles.tableHead.size);
  const lines = Math.floor((pageHeight - 4 * TABLE_STYLE.padY * size) / (TABLE_STYLE.leading * size));
  const longest = (cells: string[]) => Math.max(0, ...cells.map((c) => [...c].length));
  return longest(table.columns.map((c) => c.header)) + Math.max(0, ...table.rows.map(longest)) > lines;
}

interface LaidTable {
  header: RowBox;
  rows: RowBox[];
}

/** The last laying out of each table: the DOCX writer asks for the rows the typesetter has just set (a roll-up's tables cost 100 ms). */
const laidTables = new WeakMap<Table, { width: number; measure: BoxContext['measure']; profile: BoxContext['profile']; pageHeight: number; laid: LaidTable }>();

/**
 * The header and each row as boxes. A row is never split across pages, so a row that with the header repeated
 * above it is taller than a page cannot be set: refused at that row, as is a column too narrow for a character.
 * The boxes are shared by every caller with the same table and context: read them, never change them.
 */
export function layoutTable(table: Table, ctx: BoxContext, pageHeight: number): LaidTable {
  const hit = laidTables.get(table);
  if (hit && hit.width === ctx.width && hit.measure === ctx.measure && hit.profile === ctx.profile && hit.pageHeight === pageHeight) return hit.laid;
  const laid = setTable(table, ctx, pageHeight);
  laidTables.set(table, { width: ctx.width, measure: ctx.measure, profile: ctx.profile, pageHeight, laid });
  return laid;
}

function setTable(table: Table, ctx: BoxContext, pageHeight: number): LaidTable {
  checkTableColumns(table, ctx.width, ctx.profile);
  const cols = columnEdges(table, ctx.width);
  const header: Box = layoutRow(table.columns.map((c) => c.header), cols, 'tableHead', ctx, 'center');
  if (header.height > pageHeight + 1e-6) throw new GongwenError(diag('layout.tableRowTooTall', { what: ['表头', 'the header row'] }, { path: ['table', 'columns'] }));
  const rows = table.rows.map((r, i) => {
    const row = layoutRow(r, cols, 'table', ctx);
    if (header.height + row.height > pageHeight + 1e-6) {
      throw new GongwenError(diag('layout.tableRowTooTall', { what: [`第 ${i + 1} 行`, `row ${i + 1}`] }, { path: ['table', 'rows', i] }));
    }
    return row;
  });
  return { header, rows };
}
