// The nearest statutory part of a chapter by meaning: keyword counts from templates/covers.yaml
// (data the office can edit, not code), the heading first, then the chapter's text.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import { TEMPLATES_DIR } from '../compose/templates.ts';
import { PART_KEYS, type PartKey, type Section } from '../schema/body.ts';
import { bodyTexts } from '../schema/bodyWalk.ts';

const CoverWords = z.strictObject(Object.fromEntries(PART_KEYS.map((k) => [k, z.array(z.string().min(1))])) as Record<PartKey, z.ZodArray<z.ZodString>>);
type CoverWords = Record<PartKey, string[]>;

let cached: CoverWords | undefined;
function coverWords(): CoverWords {
  cached ??= CoverWords.parse(parse(readFileSync(join(TEMPLATES_DIR, 'covers.yaml'), 'utf8'))) as CoverWords;
  return cached;
}

function best(text: string, words: CoverWords): PartKey | undefined {
  let top: PartKey | undefined;
  let topScore = 0;
  for (const key of PART_KEYS) {
    const score = words[key].reduce((n, w) => n + text.split(w).length - 1, 0);
    if (score > topScore) [top, topScore] = [key, score];
  }
  return top;
}

/** The part a section most likely reports; `measures` when nothing in it speaks of any. */
export function nearestPart(section: Section): PartKey {
  const words = coverWords();
  return best(section.heading, words) ?? best(bodyTexts(section.body, []).map((t) => t.text).join(''), words) ?? 'measures';
}
