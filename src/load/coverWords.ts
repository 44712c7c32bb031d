// The words that tell which statutory part a chapter reports: one list, templates/covers.yaml (data the office
// can edit, not code), read by the importer (which parts a heading names, src/import/covers.ts) and by validate
// (the nearest part of an untagged chapter, src/load/covers.ts).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import { TEMPLATES_DIR } from '../compose/templates.ts';
import { PART_KEYS, type PartKey } from '../schema/body.ts';

const Words = z.strictObject({ heading: z.array(z.string().min(1)).min(1), text: z.array(z.string().min(1)) });
const CoverWordsFile = z.strictObject(Object.fromEntries(PART_KEYS.map((k) => [k, Words])) as Record<PartKey, typeof Words>);
type CoverWordsFile = z.infer<typeof CoverWordsFile>;

/** Per part: the words a heading names it by, and further words that speak of it in a chapter's text. */
export type CoverPatterns = Record<PartKey, { heading: RegExp[]; text: RegExp[] }>;

let file: CoverWordsFile | undefined;
const compiled = new Map<number, CoverPatterns>();

/**
 * A word as a pattern: `…` stands for up to eight characters (履行…职责), `{next}` for the year after the report's
 * (2024 in a report on 2023); everything else is literal.
 */
function pattern(word: string, year: number): RegExp {
  const source = word
    .split('…')
    .map((piece) => piece.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\\\{next\\\}/g, String(year + 1)))
    .join('.{0,8}');
  return new RegExp(source, 'g');
}

/** templates/covers.yaml compiled for a report's year (read once, compiled once per year). */
export function coverPatterns(year: number): CoverPatterns {
  file ??= CoverWordsFile.parse(parse(readFileSync(join(TEMPLATES_DIR, 'covers.yaml'), 'utf8')));
  const words = file;
  let out = compiled.get(year);
  if (!out) {
    out = Object.fromEntries(PART_KEYS.map((k) => [k, { heading: words[k].heading.map((w) => pattern(w, year)), text: words[k].text.map((w) => pattern(w, year)) }])) as CoverPatterns;
    compiled.set(year, out);
  }
  return out;
}

/** Where the first of the patterns matches in `text` (-1: none does). */
export function firstMatch(patterns: RegExp[], text: string): number {
  let at = -1;
  for (const re of patterns) {
    re.lastIndex = 0;
    const m = re.exec(text);
    if (m && (at < 0 || m.index < at)) at = m.index;
  }
  return at;
}

/** How many times the patterns match in `text`, all together. */
export function matchCount(patterns: RegExp[], text: string): number {
  return patterns.reduce((n, re) => n + (text.match(re)?.length ?? 0), 0);
}
