// The body as a tree: lead paragraphs, level-1 sections with their items (（一） 1. （1）), closing paragraphs.
import { headingStart, splitHeading, type Level } from './headings.ts';
import type { Note, SourceLine } from './types.ts';

export interface TreeItem {
  heading: string;
  inline: boolean;
  paragraphs: string[];
  items: TreeItem[];
  level: Level;
  line: number;
}

export interface Section {
  heading: string;
  paragraphs: string[];
  items: TreeItem[];
  line: number;
}

export interface Body {
  lead: string[];
  sections: Section[];
  closing: string[];
  notes: Note[];
}

// A paragraph of "一是…二是…" points, on its own line (seed 000, part four).
const POINT = /^[一二三四五六七八九十]{1,3}是/;

export function readBody(lines: SourceLine[], glued: boolean): Body {
  const lead: string[] = [];
  const sections: Section[] = [];
  const notes: Note[] = [];
  // The open items, outermost first; a paragraph goes to the innermost.
  let stack: TreeItem[] = [];
  const queue = [...lines];
  let firstNumber = 1;

  while (queue.length > 0) {
    const { text, line } = queue.shift()!;
    const h = headingStart(text);
    const section = sections.at(-1);
    // Level-1 headings run in order; the first may start past 一 in an excerpt that begins mid-report.
    const isHeading = h && (h.level === 1 ? (section ? h.number === firstNumber + sections.length : true) : section !== undefined);
    if (h && h.level === 1 && !section) firstNumber = h.number;
    if (h && !isHeading && h.level === 1) {
      notes.push({ kind: 'structure', line, zh: `“${h.marker}”不按顺序，按正文处理`, en: `level-1 marker ${h.marker} out of order; kept as a paragraph` });
    }
    if (!h || !isHeading) {
      const target = stack.at(-1)?.paragraphs ?? section?.paragraphs ?? lead;
      target.push(text);
      continue;
    }
    const split = splitHeading(h.rest, glued);
    if (split.guessed) {
      notes.push({ kind: 'headingGuess', line, zh: `标题“${split.heading}”与正文相连，标题结尾为推测，请核对`, en: `heading "${split.heading}" runs into its text; where it ends is a guess` });
    }
    // A heading glued to the next heading (二、主要做法(一)加强…): the rest is read again as a line.
    const restIsHeading = split.rest !== '' && headingStart(split.rest) !== undefined;
    if (restIsHeading) split.inline = false;
    if (h.level === 1) {
      sections.push({ heading: split.heading, paragraphs: [], items: [], line });
      stack = [];
    } else {
      const item: TreeItem = { heading: split.heading, inline: split.inline, paragraphs: [], items: [], level: h.level, line };
      // Pop to the parent: an item nests under the nearest open item of a higher (smaller) level.
      while (stack.length > 0 && stack.at(-1)!.level >= h.level) stack.pop();
      (stack.at(-1)?.items ?? section!.items).push(item);
      stack.push(item);
    }
    if (split.rest !== '') {
      if (restIsHeading) queue.unshift({ text: split.rest, line });
      else (stack.at(-1)?.paragraphs ?? sections.at(-1)!.paragraphs).push(split.rest);
    }
  }
  const closing = takeClosing(sections, notes);
  return { lead, sections, closing, notes };
}

/**
 * The closing paragraph(s) after the last part (seed 000: "法治建设责任重大…"): in the last section, the
 * paragraphs after its last "一是…" point, or the extra paragraphs of its last inline item.
 */
function takeClosing(sections: Section[], notes: Note[]): string[] {
  const last = sections.at(-1);
  if (!last) return [];
  let closing: string[] = [];
  if (last.items.length === 0) {
    let lastPoint = -1;
    last.paragraphs.forEach((p, k) => {
      if (POINT.test(p)) lastPoint = k;
    });
    if (lastPoint >= 0) closing = last.paragraphs.splice(lastPoint + 1);
  } else {
    let item = last.items.at(-1)!;
    while (item.items.length > 0) item = item.items.at(-1)!;
    if (item.inline && item.items.length === 0 && item.paragraphs.length > 1) closing = item.paragraphs.splice(1);
  }
  if (closing.length > 0) {
    notes.push({ kind: 'closing', zh: `最后一部分之后的 ${closing.length} 段作为结束语，请核对`, en: `${closing.length} paragraph(s) after the last part taken as the closing` });
  }
  return closing;
}
