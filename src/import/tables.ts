// Tables in the text: pipe rows (`| 项目 | 数量 |`) as a web page or a Markdown copy leaves them, and the
// rows the .docx reader writes for a Word table in the same form. A run of such rows is one table block;
// the first row gives the columns, a `|---|---|` rule row is layout, not content, and is dropped.
import type { TableBlock } from '../schema/body.ts';
import type { Artefact, SourceLine } from './types.ts';

/** A row: starts with `|` and has a second bar, or holds three or more bars (a row without its outer bars). */
export function isPipeRow(text: string): boolean {
  const t = text.trim();
  const bars = (t.match(/\|/g) ?? []).length;
  return (t.startsWith('|') && bars >= 2) || bars >= 3;
}

const RULE = /^\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?$/;

function cells(text: string): string[] {
  let t = text.trim();
  if (t.startsWith('|')) t = t.slice(1);
  if (t.endsWith('|')) t = t.slice(0, -1);
  return t.split('|').map((c) => c.trim());
}

export interface ReadTable {
  table: TableBlock;
  used: number; // lines taken from the input
  artefacts: Artefact[]; // rule rows
  padded: boolean; // a row had fewer cells than the header (filled with '')
  dashed: boolean; // an empty header cell was given '—'
}

/** Reads the table starting at lines[at] (a pipe row). */
export function readTable(lines: SourceLine[], at: number): ReadTable {
  const rows: string[][] = [];
  const artefacts: Artefact[] = [];
  let i = at;
  for (; i < lines.length && isPipeRow(lines[i].text); i++) {
    const { text, line, raw } = lines[i];
    if (RULE.test(text.trim())) {
      artefacts.push({ line, text: raw ?? text, reason: '表格分隔行 / table rule row' });
      continue;
    }
    rows.push(cells(text));
  }
  // Trailing empty cells that every row shares are the debris of a closing bar, not a column.
  let width = Math.max(...rows.map((r) => r.length));
  while (width > 1 && rows.every((r) => r.length < width || r[width - 1] === '')) width--;
  let padded = false;
  const fit = (r: string[]): string[] => {
    if (r.length < width) padded = true;
    return Array.from({ length: width }, (_, k) => r[k] ?? '');
  };
  const [head, ...body] = rows.map(fit);
  // A header cell may be empty on a web page; the schema wants text there, so it gets a dash (reported).
  const columns = head.map((c) => (c === '' ? '—' : c));
  return { table: { table: { columns, rows: body } }, used: i - at, artefacts, padded, dashed: head.includes('') };
}
