// Chinese numerals (两万、三十、一百零五、一万二) → numbers; anything not a well-formed numeral → null.

const DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const SMALL_UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };
const BIG_UNITS: Record<string, number> = { 万: 1e4, 亿: 1e8 };

export const CHINESE_NUMERAL_CHARS = '零〇一二两三四五六七八九十百千万亿';

/**
 * Parses a Chinese numeral. Refuses runs that are not one number: "四五" (four or five),
 * "二〇二三" (a year written digit by digit), "十四五" (a plan's name), a leading 万.
 */
export function parseChineseNumeral(s: string): number | null {
  if (s.length === 0) return null;
  let total = 0;
  let section = 0; // the part below the current 万/亿
  let digit: number | null = null;
  let lastSmall = Infinity; // units must fall within a section: 三千五百, not 五百三千
  let lastBig = Infinity;
  let lastUnit = 0; // for the colloquial tail: 一万二 = 12000, 三百五 = 350
  let afterZero = false;
  for (const ch of s) {
    if (ch in DIGITS) {
      const d = DIGITS[ch];
      if (d === 0) {
        if (digit !== null) return null;
        afterZero = true;
        lastUnit = 0;
        continue;
      }
      if (digit !== null) return null; // two digits in a row
      digit = d;
    } else if (ch in SMALL_UNITS) {
      const u = SMALL_UNITS[ch];
      if (u >= lastSmall) return null;
      // only 十 may stand without a digit (十二, 一千零十); 百十 or a bare 千 is not a written number
      if (digit === null && !(u === 10 && (section === 0 || afterZero))) return null;
      section += (digit ?? 1) * u;
      lastSmall = u;
      lastUnit = u;
      digit = null;
      afterZero = false;
    } else if (ch in BIG_UNITS) {
      const u = BIG_UNITS[ch];
      if (u >= lastBig) return null;
      const value = section + (digit ?? 0);
      if (value === 0) return null;
      total += value * u;
      section = 0;
      digit = null;
      lastSmall = Infinity;
      lastBig = u;
      lastUnit = u;
      afterZero = false;
    } else {
      return null;
    }
  }
  if (digit !== null) section += !afterZero && lastUnit >= 100 ? (digit * lastUnit) / 10 : digit;
  return total + section;
}
