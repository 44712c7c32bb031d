// Which statutory parts each top-level section reports (`covers`), guessed from what its heading says, else
// from where it stands. Every guess is listed in the import report: the clerk confirms or corrects it.
import { PART_KEYS, type PartKey } from '../schema/body.ts';
import { isSection, type TreeNode, type TreeSection } from './structure.ts';
import type { Note } from './types.ts';

export const PART_NAMES: Record<PartKey, string> = {
  measures: '主要举措和成效',
  leadership: '党政主要负责人履职',
  shortcomings: '存在的不足',
  nextYear: '下一年度安排',
  other: '其他情况',
};

/** Cue words per part; every part whose cue a heading holds is covered, earliest mention first. */
function cues(year: number): [PartKey, RegExp][] {
  return [
    ['leadership', /第一责任人|主要负责人|主要负责同志|党政主要负责|履职情况|履行.{0,8}职责/],
    ['shortcomings', /不足|存在问题|存在的问题|问题和|问题及|存在缺乏|缺乏|困难|差距|短板|薄弱/],
    ['nextYear', new RegExp(`下一步|下一年|明年|工作计划|主要安排|重点工作|工作安排|工作方案|工作打算|打算|工作思路|努力方向|^${year + 1}年|${year + 1}年`)],
    ['other', /其他|其它/],
    ['measures', /主要举措|举措|成效|措施|主要做法|做法|基本情况|根本情况|总体情况|建设情况|工作情况|开展情况|主要工作|工作开展|亮点|成绩/],
  ];
}

/** Parts a heading speaks of, earliest mention first. */
export function partsOf(heading: string, year: number): PartKey[] {
  return cues(year)
    .map(([key, re]) => ({ key, at: re.exec(heading)?.index ?? -1, len: re.exec(heading)?.[0].length ?? 0 }))
    .filter((c) => c.at >= 0)
    .sort((a, b) => a.at - b.at)
    .map((c) => c.key)
    .filter((k, i, all) => all.indexOf(k) === i);
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
