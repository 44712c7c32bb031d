// Numeric facts in running text ("发放普法宣传资料13500余份") and the catalogue metric each one reports.
import { CATALOGUE, metricDef, type MetricKey } from '../schema/catalogue.ts';
import { QUALIFIERS } from '../schema/report.ts';
import { CHINESE_NUMERAL_CHARS, parseChineseNumeral } from './numerals.ts';
import { MASK, afterQuotation, maskIgnored } from './ignore.ts';
import { NOT_AFTER_CHINESE_NUMERAL, UNITS, unitsCompatible, type Unit } from './units.ts';

export type Qualifier = (typeof QUALIFIERS)[number];

export interface Fact {
  key: MetricKey | null; // the catalogue metric, or null when no cue in the clause names one
  label: string; // the catalogue label, or the words just before the number
  value: number; // 13500余份 → 13500; 两万 → 20000; 50万元 → 50 (unit 万元)
  unit: Unit;
  qualifier?: Qualifier;
  source: string; // the phrase, exactly as in the text: text.slice(index, index + source.length)
  index: number; // where the phrase starts in the text
}

const UNIT_ALT = UNITS.map((u) => u.replace(/[%]/g, '\\$&')).join('|');
const NUMBER = new RegExp(
  `(近|约)?(\\d{1,3}(?:,\\d{3})+(?![\\d.])|\\d+(?:\\.\\d+)?|[${CHINESE_NUMERAL_CHARS}]+)(万|亿)?(余|多)?(${UNIT_ALT})?`,
  'g',
);
const CLAUSE_END = /[，。；！？：,;!?\n]/;
const RANGE_MARK = /[—–\-~～至到]/;
const SOURCE_TAIL_MAX = 8; // label length when no cue names the metric

interface Cue {
  key: MetricKey;
  cue: string;
  unit: string;
}
const CUES: Cue[] = CATALOGUE.flatMap((m) => m.cues.map((cue) => ({ key: m.key, cue, unit: m.unit })));
// A cue that begins with its metric's own unit names what comes after the number: 25个村（社区）.
const isTrailing = (c: Cue): boolean => c.cue.startsWith(c.unit);

function clauseStart(masked: string, at: number): number {
  let i = at;
  while (i > 0 && !CLAUSE_END.test(masked[i - 1])) i--;
  return i;
}

/** The metric named by the nearest cue before the number in its clause, counted in a compatible unit. */
function cueBefore(masked: string, from: number, to: number, unit: string): { cue: Cue; start: number } | undefined {
  const prefix = masked.slice(from, to);
  const hits: { cue: Cue; start: number; end: number }[] = [];
  for (const cue of CUES) {
    if (isTrailing(cue)) continue;
    for (let i = prefix.indexOf(cue.cue); i >= 0; i = prefix.indexOf(cue.cue, i + 1)) {
      hits.push({ cue, start: from + i, end: from + i + cue.cue.length });
    }
  }
  hits.sort((a, b) => b.end - a.end || b.cue.cue.length - a.cue.cue.length);
  return hits.find((h) => unitsCompatible(h.cue.unit, unit));
}

function cueAfter(masked: string, at: number, unit: string): Cue | undefined {
  return CUES.filter((c) => isTrailing(c) && masked.startsWith(c.cue, at - unit.length) && unitsCompatible(c.unit, unit))
    .sort((a, b) => b.cue.length - a.cue.length)[0];
}

function parseNumber(digits: string): number | null {
  if (/^\d/.test(digits)) return Number(digits.replace(/,/g, ''));
  return parseChineseNumeral(digits);
}

/**
 * True when the match is not a count: an ordinal (第三), part of a code, a range, or an idiom (统一、十分). A number
 * right after an ignored span is part of that name, unless the span is a quotation: “法治流动课堂”18次 counts it.
 */
function rejected(text: string, masked: string, start: number, digits: string, unit: string, multiplied: boolean): boolean {
  const before = masked[start - 1] ?? '';
  if (before === '第' || (before === MASK && !afterQuotation(text, start))) return true;
  const chinese = !/^\d/.test(digits);
  if (!chinese && /[A-Za-z0-9._\-/]/.test(before)) return true;
  if (RANGE_MARK.test(before) && /[\d一二三四五六七八九十]/.test(masked[start - 2] ?? '')) return true;
  if (RANGE_MARK.test(masked[start + digits.length] ?? '') && /[\d一二三四五六七八九十]/.test(masked[start + digits.length + 1] ?? '')) return true;
  if (chinese) {
    if (/^[一]$/.test(digits)) return true; // 一 alone is mostly idiom: 一起、一体、一批
    if (/^[百千万亿]/.test(digits)) return true; // 千家万户, 百姓
    if (NOT_AFTER_CHINESE_NUMERAL.includes(unit)) return true;
  }
  // A bare number with no unit is not a fact, unless a 万/亿 makes it an amount (约5万).
  return unit === '' && !multiplied && !/[万亿]/.test(digits);
}

export function extractFacts(text: string): Fact[] {
  const masked = maskIgnored(text);
  // Cues are looked for with quotations readable: 培育“法律明白人”96人 names its metric inside the quotation.
  const readable = maskIgnored(text, true);
  const facts: Fact[] = [];
  let previousEnd = 0; // a label never reaches back into the previous fact: 2场次160多人
  for (const m of masked.matchAll(NUMBER)) {
    const [whole, pre, digits, big, post, unitMatch] = m;
    const matchStart = m.index;
    const numberStart = matchStart + (pre?.length ?? 0);
    let unit: Unit = (unitMatch ?? '') as Unit;
    if (rejected(text, masked, numberStart, digits, unit, big !== undefined)) continue;
    let value = parseNumber(digits);
    if (value === null || !Number.isFinite(value)) continue;
    // 50万元 keeps 万元 as the unit (how budgets are written); otherwise 万/亿 multiply.
    const endsWithWan = big === '万' || (!big && digits.endsWith('万') && !/^\d/.test(digits));
    if (unit === '元' && endsWithWan && !post) {
      unit = '万元';
      if (!big) value = parseChineseNumeral(digits.slice(0, -1)) ?? value;
    } else if (big) {
      value *= big === '万' ? 1e4 : 1e8;
    }
    value = Math.round(value * 1e6) / 1e6;
    const qualifier = (pre ?? post) as Qualifier | undefined;
    const end = matchStart + whole.length;

    const from = clauseStart(masked, matchStart);
    const after = cueAfter(masked, end, unit);
    const before = after ? undefined : cueBefore(readable, from, matchStart, unit);
    let index = matchStart;
    let sourceEnd = end;
    let key: MetricKey | null = null;
    let label: string;
    if (after) {
      key = after.key;
      sourceEnd = end - unit.length + after.cue.length;
    } else if (before) {
      key = before.cue.key;
      // A cue inside a quotation: the phrase starts at its opening mark.
      index = before.start;
      if (masked[index] === MASK) while (index > from && masked[index - 1] === MASK && readable[index - 1] !== MASK) index--;
    }
    if (key) {
      label = metricDef(key)?.label ?? key;
    } else {
      // the words right before the number, within the clause and outside masked spans; a quotation right
      // before the number is its name, whole: “三项制度”2次
      const lower = Math.max(from, previousEnd);
      let s = matchStart;
      if (afterQuotation(text, s)) while (s > lower && masked[s - 1] === MASK) s--;
      else while (s > lower && matchStart - s < SOURCE_TAIL_MAX && masked[s - 1] !== MASK && !/[、\s]/.test(masked[s - 1])) s--;
      label = text.slice(s, matchStart);
      index = s;
    }
    const fact: Fact = { key, label, value, unit, source: text.slice(index, sourceEnd), index };
    if (qualifier) fact.qualifier = qualifier;
    facts.push(fact);
    previousEnd = end;
  }
  return facts;
}
