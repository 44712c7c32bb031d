// The body as the author wrote it: paragraphs, headed sections nested by their markers' ranks, tables.
// Nothing is merged, moved between levels or renumbered: a heading keeps its text and its number as written.
import type { TableBlock } from '../schema/body.ts';
import { headingStart, splitHeading, type HeadingStart, type Level } from './headings.ts';
import { isPipeRow, readTable } from './tables.ts';
import type { Artefact, Note, SourceLine } from './types.ts';

export interface TreeSection {
  heading: string;
  number: string; // as written, punctuation full-width
  inline: boolean;
  level: Level; // the rank of the number's style
  num: number; // the number's value, for order checks
  line: number;
  body: TreeNode[];
}
export type TreeNode = string | TreeSection | TableBlock;

export interface BodyTree {
  nodes: TreeNode[]; // the top level, in order
  notes: Note[];
  artefacts: Artefact[];
}

export const isSection = (n: TreeNode): n is TreeSection => typeof n === 'object' && 'heading' in n;

// A paragraph of "一是…二是…" points, on its own line (seed 000, part four).
const POINT = /^[一二三四五六七八九十]{1,3}是/;

/** ASCII forms a full-width number may have had in the source: （一） ← (一). */
const asciiForms = (marker: string): string[] => [marker.replace(/（/g, '(').replace(/）/g, ')'), marker.replace(/）/g, ')')];

export function readBody(lines: SourceLine[], glued: boolean, rawLines: readonly string[] = []): BodyTree {
  const root: TreeNode[] = [];
  const notes: Note[] = [];
  const artefacts: Artefact[] = [];
  // The open sections, outermost first; a paragraph goes to the innermost.
  const stack: TreeSection[] = [];
  const lastAtLevel = new Map<Level, number>(); // the last number of each rank anywhere: counts may continue across parents
  const queue = [...lines];
  const here = (): TreeNode[] => stack.at(-1)?.body ?? root;

  while (queue.length > 0) {
    const next = queue.shift()!;
    const { text, line } = next;
    if (isPipeRow(text)) {
      queue.unshift(next);
      const t = readTable(queue, 0);
      queue.splice(0, t.used);
      here().push(t.table);
      artefacts.push(...t.artefacts);
      const size = `${t.table.table.columns.length} 列 ${t.table.table.rows.length} 行`;
      notes.push({ kind: 'table', line, zh: `读出表格（${size}）${t.padded ? '，部分行单元格不足，已补空' : ''}${t.dashed ? '，空表头单元格记为“—”' : ''}`, en: `table read (${t.table.table.columns.length} columns, ${t.table.table.rows.length} rows)` });
      continue;
    }
    const h = headingStart(text);
    const verdict = h ? accept(h, line) : undefined;
    if (!h || !verdict) {
      here().push(text);
      continue;
    }
    const split = splitHeading(h.rest, glued);
    if (split.guessed) {
      notes.push({ kind: 'headingGuess', line, zh: `标题“${split.heading}”与正文相连，标题结尾为推测，请核对`, en: `heading "${split.heading}" runs into its text; where it ends is a guess` });
    }
    // A heading glued to the next heading (二、主要做法(一)加强…): the rest is read again as a line.
    const restIsHeading = split.rest !== '' && headingStart(split.rest) !== undefined;
    if (restIsHeading) split.inline = false;
    while (stack.length > 0 && stack.at(-1)!.level >= h.level) stack.pop();
    const section: TreeSection = { heading: split.heading, number: h.marker.trim(), inline: split.inline, level: h.level, num: h.number, line, body: [] };
    here().push(section);
    stack.push(section);
    lastAtLevel.set(h.level, h.number);
    numberNotes(h, line);
    if (split.rest !== '') {
      if (restIsHeading) queue.unshift({ text: split.rest, line });
      else section.body.push(split.rest);
    }
  }
  takeClosing(root, notes);
  return { nodes: root, notes, artefacts };

  /** Whether a marker at the start of a line is a heading: its number must fit the count it continues. */
  function accept(h: HeadingStart, line: number): boolean {
    const parentAt = lastIndex(stack, (s) => s.level < h.level);
    const siblings = (parentAt >= 0 ? stack[parentAt].body : root).filter((n): n is TreeSection => isSection(n) && n.level === h.level);
    const last = siblings.at(-1)?.num;
    const say = (zh: string, en: string) => notes.push({ kind: 'numbering', line, zh: `“${h.marker.trim()}”${zh}`, en: `${h.marker.trim()}: ${en}` });
    if (last === undefined) {
      const before = lastAtLevel.get(h.level);
      if (h.number !== 1 && before !== undefined && h.number === before + 1) say('接续上一组的编号（原文如此，未改动）', 'continues the count of the previous group (kept)');
      else if (h.number !== 1 && before === undefined) say('为此级第一个编号但不从 1 开始（节选或原文如此）', 'first of its rank but not 1 (an excerpt, or as written)');
      return true;
    }
    if (h.number === last + 1) return true;
    if (h.number === 1) {
      say('同级编号重新从 1 开始（原文如此，未改动）', 'the count restarts at 1 (kept)');
      return true;
    }
    if (h.number > last + 1) {
      say(`编号跳过（上一个为 ${last}，原文如此，未改动）`, `the count skips from ${last} (kept)`);
      return true;
    }
    say('不按顺序，按正文处理', 'out of order; kept as a paragraph');
    return false;
  }

  function numberNotes(h: HeadingStart, line: number): void {
    const number = h.marker.trim();
    if (h.typo) notes.push({ kind: 'numbering', line, zh: `编号“${number}”疑似笔误（${h.typo.split(' / ')[0]}），原样保留`, en: `number ${number} looks mistyped (${h.typo.split(' / ')[1]}); kept as written` });
    // The source line it came from (a copy re-joined across page markers: the first line from there that holds it).
    const forms = [number, ...asciiForms(number).filter((a) => a !== number)];
    const raw = rawLines.slice(line - 1).find((l) => forms.some((f) => l.includes(f))) ?? '';
    const ascii = forms.slice(1).find((a) => raw.includes(a));
    if (ascii && !raw.includes(number)) {
      notes.push({ kind: 'numbering', line, zh: `编号“${ascii}”的标点改为全角“${number}”`, en: `number ${ascii} written with full-width punctuation: ${number}` });
    }
  }
}

/**
 * The closing paragraph(s) after the last part (seed 000: "法治建设责任重大…"): in the last top-level
 * section, the paragraphs after its last "一是…" point, or the paragraphs after the first of its last
 * inline item. They stand at the top level after the last section; the page looks the same.
 */
function takeClosing(root: TreeNode[], notes: Note[]): void {
  const last = root.at(-1);
  if (last === undefined || !isSection(last)) return;
  let closing: TreeNode[] = [];
  if (!last.body.some(isSection)) {
    const lastPoint = lastIndex(last.body, (n) => typeof n === 'string' && POINT.test(n));
    if (lastPoint >= 0 && last.body.slice(lastPoint + 1).every((n) => typeof n === 'string')) closing = last.body.splice(lastPoint + 1);
  } else {
    let item = last;
    while (isSection(item.body.at(-1) ?? '')) item = item.body.at(-1) as TreeSection;
    if (item !== last && item.inline && item.body.length > 1 && item.body.every((n) => typeof n === 'string')) closing = item.body.splice(1);
  }
  if (closing.length > 0) {
    root.push(...closing);
    notes.push({ kind: 'closing', zh: `最后一部分之后的 ${closing.length} 段作为结束语（置于各部分之后），请核对`, en: `${closing.length} paragraph(s) after the last part taken as the closing` });
  }
}

/** Array.prototype.findLastIndex (ES2023, beyond this project's lib setting). */
function lastIndex<T>(list: readonly T[], test: (x: T) => boolean): number {
  for (let k = list.length - 1; k >= 0; k--) if (test(list[k])) return k;
  return -1;
}
