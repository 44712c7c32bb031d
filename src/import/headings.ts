// Heading markers of Chinese official documents and where a heading ends when it opens its paragraph.
// The marker's style gives its rank; a heading nests under the nearest open heading of a smaller rank,
// so a `1.` written directly under `一、` stays there (no level is invented).
//   rank 1  一、        rank 2  （一） (一) and the typo 一）      rank 3  1. 1． 1、      rank 4  （1） (1) 1）

export type Level = 1 | 2 | 3 | 4;

export interface HeadingStart {
  level: Level; // the rank of the marker's style
  number: number; // 一 → 1, （3） → 3: used to check that headings run in order
  marker: string; // the marker as written (after punctuation normalisation), e.g. （一）
  rest: string; // the text after the marker, leading spaces dropped
  typo?: string; // what looks mistyped in the marker, e.g. a missing opening bracket
}

const CN_DIGITS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };

/** 一 → 1, 十二 → 12, 二十 → 20 (headings never go further). */
export function chineseNumber(s: string): number {
  if (s.length === 1) return CN_DIGITS[s] ?? NaN;
  if (s.startsWith('十')) return 10 + (CN_DIGITS[s[1]] ?? NaN);
  const tens = CN_DIGITS[s[0]] ?? NaN;
  return s[1] === '十' ? tens * 10 + (s[2] ? CN_DIGITS[s[2]] ?? NaN : 0) : NaN;
}

const MISSING_OPEN = '缺少左括号 / opening bracket missing';
const PATTERNS: { level: Level; re: RegExp; num: (m: string) => number; typo?: string }[] = [
  { level: 1, re: /^([一二三四五六七八九十]{1,3})、/, num: chineseNumber },
  { level: 2, re: /^[（(]([一二三四五六七八九十]{1,3})[）)]/, num: chineseNumber },
  { level: 2, re: /^([一二三四五六七八九十]{1,3})[）)]/, num: chineseNumber, typo: MISSING_OPEN },
  // 1. but not 1.5 or 2023.
  { level: 3, re: /^(\d{1,2})[.．、](?!\d)/, num: Number },
  { level: 4, re: /^[（(](\d{1,2})[）)]/, num: Number },
  { level: 4, re: /^(\d{1,2})[）)]/, num: Number },
];

export function headingStart(text: string): HeadingStart | undefined {
  for (const p of PATTERNS) {
    const m = p.re.exec(text);
    if (m) {
      const rest = text.slice(m[0].length).replace(/^[\s\u3000]+/, '');
      return { level: p.level, number: p.num(m[1]), marker: m[0], rest, ...(p.typo ? { typo: p.typo } : {}) };
    }
  }
  return undefined;
}

/** Longest heading we take as a heading line on its own; past this a line is a paragraph with a heading in front. */
export const MAX_HEADING = 60;

// Where a heading ends when it runs into the next text with no full stop: before the first point (一是) or
// the next heading marker; in a copy that lost its line breaks (seed 004) also before a year opening a
// sentence (2023年，) or a subject starting one (镇政府, 我镇, 根据 …).
const ALWAYS_CUES = [/一是/, /[（(][一二三四五六七八九十]{1,3}[）)]/];
const GLUED_CUES = [/\d{4}年[，度]/, /(镇政府|镇党委|镇人民政府|我镇|本镇|全镇|根据|按照)/];

export interface HeadingSplit {
  heading: string;
  rest: string; // the paragraph the heading opens, '' when it stands on its own line
  inline: boolean; // the heading ends with a full stop and its paragraph follows on the same line
  guessed: boolean; // the end had to be guessed
}

/** The earliest cue position in [4, limit], or -1. */
function firstCue(text: string, cues: RegExp[], limit: number): number {
  let cut = -1;
  for (const cue of cues) {
    const re = new RegExp(cue.source, 'g');
    for (let m = re.exec(text); m; m = re.exec(text)) {
      if (m.index > limit) break;
      if (m.index >= 4) {
        if (cut < 0 || m.index < cut) cut = m.index;
        break;
      }
    }
  }
  return cut;
}

/**
 * Splits `加强组织领导。一是…` (the text after （一）) into the heading `加强组织领导。` and its paragraph.
 * A short line without a sentence end is a heading on its own line. `glued` is set for a copy that
 * lost its line breaks, where headings run straight into their text.
 */
export function splitHeading(text: string, glued = false): HeadingSplit {
  const stopMatch = /[。！？]/.exec(text);
  const stop = stopMatch ? stopMatch.index + 1 : -1;
  const cues = glued ? [...ALWAYS_CUES, ...GLUED_CUES] : ALWAYS_CUES;
  const cut = firstCue(text, cues, Math.min(MAX_HEADING, stop < 0 ? text.length : stop - 1));
  // Inline when it shared its line with the text; in a copy without line breaks the layout is unknown.
  if (cut >= 0) return { heading: text.slice(0, cut), rest: text.slice(cut), inline: !glued, guessed: glued };
  if (stop > 0 && stop <= MAX_HEADING) {
    const rest = text.slice(stop);
    return { heading: text.slice(0, stop), rest, inline: rest !== '', guessed: false };
  }
  if (stop < 0 && text.length <= MAX_HEADING) return { heading: text, rest: '', inline: false, guessed: false };
  // A long run with no early full stop and no cue: take the first sentence (or 60 characters) and say so.
  const end = stop > 0 ? stop : MAX_HEADING;
  const rest = text.slice(end);
  return { heading: text.slice(0, end), rest, inline: rest !== '', guessed: true };
}
