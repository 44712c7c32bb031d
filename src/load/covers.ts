// The nearest statutory part of a chapter by meaning: counts of each part's words (templates/covers.yaml, the
// list the importer reads too), the heading first, then the chapter's text.
import { PART_KEYS, type PartKey, type Section } from '../schema/body.ts';
import { bodyTexts } from '../schema/bodyWalk.ts';
import { coverPatterns, matchCount, type CoverPatterns } from './coverWords.ts';

function best(text: string, words: CoverPatterns): PartKey | undefined {
  let top: PartKey | undefined;
  let topScore = 0;
  for (const key of PART_KEYS) {
    const score = matchCount([...words[key].heading, ...words[key].text], text);
    if (score > topScore) [top, topScore] = [key, score];
  }
  return top;
}

/** The part a section of a report on `year` most likely reports; `measures` when nothing in it speaks of any. */
export function nearestPart(section: Section, year: number): PartKey {
  const words = coverPatterns(year);
  return best(section.heading, words) ?? best(bodyTexts(section.body, []).map((t) => t.text).join(''), words) ?? 'measures';
}
