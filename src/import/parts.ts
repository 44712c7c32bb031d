// Level-1 sections → the five statutory parts, by what their headings say (not by their number).
import { PART_KEYS, type Item, type Part, type PartKey } from '../schema/report.ts';
import type { Section, TreeItem } from './structure.ts';
import type { Note } from './types.ts';

const PART_NAMES: Record<PartKey, string> = {
  measures: '主要举措和成效',
  leadership: '党政主要负责人履职',
  shortcomings: '存在的不足',
  nextYear: '下一年度安排',
  other: '其他情况',
};

/** Cue words per part; the cue found earliest in a heading decides. */
function cues(year: number): [PartKey, RegExp][] {
  return [
    ['leadership', /第一责任人|主要负责人|党政主要负责|履职情况/],
    ['shortcomings', /不足|存在问题|存在的问题|存在缺乏|缺乏|困难|差距/],
    ['nextYear', new RegExp(`下一步|下一年|工作计划|主要安排|重点工作|工作安排|工作方案|工作打算|^${year + 1}年`)],
    ['other', /其他|其它/],
    ['measures', /主要举措|成效|措施|主要做法|做法|基本情况|根本情况|建设情况|工作情况|开展情况/],
  ];
}

/** Parts a heading speaks of, earliest mention first. */
export function partsOf(heading: string, year: number): PartKey[] {
  return cues(year)
    .map(([key, re]) => ({ key, at: re.exec(heading)?.index ?? -1 }))
    .filter((c) => c.at >= 0)
    .sort((a, b) => a.at - b.at)
    .map((c) => c.key);
}

interface Piece {
  part: PartKey;
  heading?: string; // the level-1 wording, absent for items split off a mixed heading
  paragraphs: string[];
  items: TreeItem[];
}

const toItem = (t: TreeItem): Item => ({
  heading: t.heading,
  ...(t.inline ? { inline: true } : {}),
  ...(t.paragraphs.length > 0 ? { paragraphs: t.paragraphs } : {}),
  ...(t.items.length > 0 ? { items: t.items.map(toItem) } : {}),
});

/** Splits a heading that names two parts (002: 主要做法和存在问题) along its items, when they say which. */
function splitMixed(s: Section, keys: PartKey[], year: number, notes: Note[]): Piece[] | undefined {
  if (keys.length < 2 || s.items.length < 2) return undefined;
  let current = keys[0];
  const groups: { part: PartKey; items: TreeItem[] }[] = [];
  for (const item of s.items) {
    const own = partsOf(item.heading, year)[0];
    if (own && keys.includes(own)) current = own;
    if (groups.at(-1)?.part !== current) groups.push({ part: current, items: [] });
    groups.at(-1)!.items.push(item);
  }
  if (groups.length < 2) return undefined;
  notes.push({
    kind: 'split',
    line: s.line,
    zh: `标题“${s.heading}”涉及${groups.map((g) => PART_NAMES[g.part]).join('与')}，已按其下各项拆分；标题文字保留在“${PART_NAMES[groups.at(-1)!.part]}”部分，请核对`,
    en: `heading "${s.heading}" names ${groups.map((g) => g.part).join(' and ')}; its items were split between them, the wording kept on ${groups.at(-1)!.part}`,
  });
  // The wording and direct paragraphs go with the last group, so every item stays at level 2 in its part.
  return groups.map((g, k) => ({
    part: g.part,
    heading: k === groups.length - 1 ? s.heading : undefined,
    paragraphs: k === groups.length - 1 ? s.paragraphs : [],
    items: g.items,
  }));
}

/** Joins pieces that landed in the same part, in order, keeping every heading. */
function mergePieces(pieces: Piece[], standard: (k: PartKey) => string, notes: Note[]): Part {
  const [first, ...later] = pieces;
  const part: Part = {};
  const items: Item[] = [];
  const paragraphs: string[] = [];
  // Order is kept: the first piece gives the part its wording and opening text; a later heading of the
  // same part (004: 一、根本情况 then 二、主要做法) becomes a level-2 item holding its own text and items.
  if (first.heading) part.heading = first.heading;
  paragraphs.push(...first.paragraphs);
  items.push(...first.items.map(toItem));
  for (const p of later) {
    if (!p.heading) {
      items.push(...p.items.map(toItem)); // items split off a mixed heading carry no text of their own
      continue;
    }
    items.push({
      heading: p.heading,
      ...(p.paragraphs.length ? { paragraphs: p.paragraphs } : {}),
      ...(p.items.length ? { items: p.items.map(toItem) } : {}),
    });
  }
  if (pieces.length > 1) {
    const names = pieces.map((p) => p.heading ?? '（拆分出的条目）').join('”“');
    notes.push({ kind: 'merged', zh: `“${names}”归入同一部分，已按原顺序合并`, en: `${pieces.length} headings merged into one part in their order` });
  }
  if (part.heading !== undefined && part.heading.replace(/[。．.]$/, '') === standard(pieces[0].part)) delete part.heading;
  if (paragraphs.length > 0) part.paragraphs = paragraphs;
  if (items.length > 0) part.items = items;
  return part;
}

export type Parts = Partial<Record<PartKey, Part>>;

export function mapParts(sections: Section[], year: number, standard: (k: PartKey) => string, notes: Note[]): Parts {
  const pieces: Piece[] = [];
  for (const s of sections) {
    const keys = partsOf(s.heading, year);
    const split = splitMixed(s, keys, year, notes);
    if (split) {
      pieces.push(...split);
      continue;
    }
    let part = keys[0];
    if (!part) {
      // No cue: keep it beside the section before it (or with the measures when it comes first).
      part = pieces.at(-1)?.part ?? 'measures';
      notes.push({ kind: 'unmapped', line: s.line, zh: `标题“${s.heading}”无法对应五个法定部分，已归入“${PART_NAMES[part]}”`, en: `heading "${s.heading}" matches no statutory part; put under ${part}` });
    }
    pieces.push({ part, heading: s.heading, paragraphs: s.paragraphs, items: s.items });
  }
  const parts: Parts = {};
  for (const key of PART_KEYS) {
    const mine = pieces.filter((p) => p.part === key);
    if (mine.length > 0) parts[key] = mergePieces(mine, standard, notes);
  }
  for (const key of ['measures', 'leadership', 'shortcomings', 'nextYear'] as const) {
    if (!parts[key]) notes.push({ kind: 'missingPart', zh: `缺少法定部分“${PART_NAMES[key]}”`, en: `statutory part ${key} is missing` });
  }
  return parts;
}
