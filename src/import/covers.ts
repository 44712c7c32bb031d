// Which statutory parts each top-level section reports (`covers`), guessed from what its heading says (the words
// of templates/covers.yaml), else from where it stands. Every guess is listed in the import report: the clerk confirms or corrects it.
import { PART_KEYS, type PartKey } from '../schema/body.ts';
import { coverPatterns, firstMatch } from '../load/coverWords.ts';
import { isSection, type TreeNode, type TreeSection } from './structure.ts';
import type { Note } from './types.ts';

export const PART_NAMES: Record<PartKey, string> = {
  measures: '主要举措和成效',
  leadership: '党政主要负责人履职',
  shortcomings: '存在的不足',
  nextYear: '下一年度安排',
  other: '其他情况',
};

/** Which part wins when two are named at the same place: the more specific first, measures last. */
const PRIORITY: PartKey[] = ['leadership', 'shortcomings', 'nextYear', 'other', 'measures'];

/** Parts a heading speaks of (its words in templates/covers.yaml), earliest mention first. */
export function partsOf(heading: string, year: number): PartKey[] {
  const words = coverPatterns(year);
  return PRIORITY.map((key) => ({ key, at: firstMatch(words[key].heading, heading) }))
    .filter((c) => c.at >= 0)
    .sort((a, b) => a.at - b.at)
    .map((c) => c.key);
}

export interface CoversGuess {
  section: TreeSection;
  covers: PartKey[];
  why: 'heading' | 'position';
}

/**
 * A guess for every top-level section. A heading without a cue (a thematic chapter such as 强化法治思维，
 * 筑牢法治建设根基) reports what the chapters around it report: the measures before any shortcomings,
 * the next year's plans after them, other matters after those.
 */
export function guessCovers(nodes: TreeNode[], year: number): CoversGuess[] {
  const guesses: CoversGuess[] = [];
  let after: PartKey | undefined;
  for (const section of nodes.filter(isSection)) {
    const named = partsOf(section.heading, year);
    // 存在问题 named by a chapter that also names the measures does not make every later chapter a plan.
    if (named.length > 0) {
      guesses.push({ section, covers: named, why: 'heading' });
      after = named.at(-1);
      continue;
    }
    const covers: PartKey = after === 'shortcomings' ? 'nextYear' : after === 'nextYear' || after === 'other' ? 'other' : 'measures';
    guesses.push({ section, covers: [covers], why: 'position' });
  }
  return guesses;
}

export function coversNotes(guesses: CoversGuess[]): Note[] {
  const notes: Note[] = guesses.map(({ section, covers, why }) => {
    const names = covers.map((k) => `${k}（${PART_NAMES[k]}）`).join(' + ');
    const how = why === 'heading' ? '据标题用语' : '标题无明确用语，据所在位置';
    return {
      kind: 'covers',
      line: section.line,
      zh: `“${section.number}${section.heading}”推断为 covers: ${names}（${how}），请核对`,
      en: `"${section.number}${section.heading}" taken to cover ${covers.join(' + ')} (${why === 'heading' ? 'from its heading' : 'from its position'})`,
    };
  });
  const covered = new Set(guesses.flatMap((g) => g.covers));
  for (const key of PART_KEYS.filter((k) => k !== 'other')) {
    if (!covered.has(key)) notes.push({ kind: 'missingPart', zh: `没有一章对应法定部分“${PART_NAMES[key]}”（${key}）`, en: `no chapter covers the statutory part ${key}` });
  }
  return notes;
}
