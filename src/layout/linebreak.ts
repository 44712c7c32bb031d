// CJK line breaking: text runs → justified lines of positioned text segments.
// Characters sit on the character grid, Latin and digit runs at their own widths; line-start and
// line-end prohibitions are met by squeezing punctuation first (push-in), else by breaking earlier
// and spreading the slack (push-out). Nothing hangs past the edge.
import type { FontRole } from '../schema/profile.ts';
import {
  NO_LINE_END,
  NO_LINE_START,
  NO_SPLIT_REPEAT,
  PRE_NUMBER_CHARS,
  SQUEEZE_LEFT,
  SQUEEZE_RIGHT,
  UNIT_CHARS,
} from '../schema/punctuation.ts';
import { GongwenError, diag } from '../diagnostics.ts';
import type { Color, TextItem } from './types.ts';
import type { Measure } from './measure.ts';

export interface StyledRun {
  text: string;
  font: FontRole;
  size: number;
  color: Color;
  tag: string;
  latin?: FontRole; // font for digits and Latin letters (default: latin)
}

export interface BreakOptions {
  firstWidth: number; // width available to the first line (block width minus the indent)
  width: number; // width of the other lines
  firstX?: number; // x offset of the first line (the indent)
  restX?: number; // x offset of the other lines (a hanging indent, e.g. 抄送 continuation lines)
  cjkAdvance?: (size: number) => number; // grid pitch for body text; the type size elsewhere
  /**
   * pt taken from each CJK character's advance (a paragraph drawn tighter, src/layout/body.ts): the characters stand
   * closer to each other, but a line's last one is counted at its full advance, so that it ends where an untracked
   * line's does and never stands past the block.
   */
  tracking?: (size: number) => number;
  justify?: boolean; // spread full lines to the exact width (default true)
  context?: string; // where the text comes from, for error messages
}

/** A line: segments with x relative to the block's left edge; y is set by the caller. */
export interface BrokenLine {
  segments: Omit<TextItem, 'y' | 'line'>[];
  width: number; // used width, from the line start
  spread?: number; // width added between characters to justify the line (push-out), when any
}

interface Unit {
  text: string;
  run: StyledRun;
  font: FontRole;
  width: number; // nominal advance on the grid (CJK) or natural width (Latin)
  tail: number; // what a tracked character's advance lost (BreakOptions.tracking): added back at a line's end
  natural: number; // the glyph's own advance in the font: the painter's spacing is relative to it
  cjk: boolean;
  noStart: boolean;
  noEnd: boolean;
  // A break after this unit: 'hard' never (—— ……, 场次); 'soft' only when keeping it would spread the line by more
  // than one character (a number and its unit, a qualifier and its number); 'none' as the marks allow.
  glue: 'none' | 'soft' | 'hard';
  squeeze: 'left' | 'right' | null; // which blank half may be removed
}

export const LATIN = /[\u0020-\u007E\u00A0-\u00B6\u00B8-\u02FF]/; // · (U+00B7) is a CJK middle dot here
const FALLBACK: FontRole[] = ['songti', 'heiti', 'fangsong', 'kaiti', 'xiaobiaosong'];

/** The wanted font if it has every character, else the first fallback that does, else none. */
function wholeFont(text: string, wanted: FontRole, m: Measure): FontRole | undefined {
  // Called for every character laid out: a loop, not arrays of fonts and characters made for each.
  const hasAll = (f: FontRole) => {
    for (const c of text) if (!m.has(f, c)) return false;
    return true;
  };
  return hasAll(wanted) ? wanted : FALLBACK.find(hasAll);
}

/** The font `wholeFont` picks; an error naming the character when there is none. */
function fontFor(text: string, wanted: FontRole, m: Measure, context: string | undefined): FontRole {
  const font = wholeFont(text, wanted, m);
  if (font) return font;
  const ch = [...text].find((c) => !FALLBACK.some((f) => m.has(f, c))) ?? text;
  throw new GongwenError(diag('font.missingGlyph', { ch, context }));
}

/** Position j (in UTF-16 units: the digits, hyphen and Latin letters around it are one unit each) follows the
 * hyphen of a range of years (2023-2025): a soft break is allowed there. Not in other hyphenated numbers
 * (0513-12345678 is one telephone number). */
function isRangeBreak(text: string, j: number): boolean {
  if (text[j - 1] !== '-') return false;
  const year = (s: string) => /^(19|20)\d\d$/.test(s);
  return year(text.slice(j - 5, j - 1)) && !/\d/.test(text[j - 6] ?? '') && year(text.slice(j, j + 4)) && !/\d/.test(text[j + 4] ?? '');
}

/**
 * What toUnits reads off a character set in a run's font and size: the character, the font that has it (the run's,
 * else a fallback), its natural advance, its line-breaking classes; or that it is Latin (set as part of a word).
 */
interface CharClass {
  ch: string;
  font: FontRole;
  natural: number;
  noStart: boolean;
  noEnd: boolean;
  squeeze: 'left' | 'right' | null;
}
const LATIN_CHAR = 'latin';
type CharClasses = Map<number, CharClass | typeof LATIN_CHAR>;

/**
 * Each character's class, per font set, run font and size, by code point: a report sets some 5,000 characters of a
 * few hundred distinct ones, and finding the font, the width and the classes of each again (a regex, fallback fonts,
 * three sets), and a string for each, was most of the line breaker's time and garbage. Keyed by the Measure (one per
 * font set, src/fonts/measure.ts).
 */
const charClasses = new WeakMap<Measure, Map<string, CharClasses>>();

function classesFor(m: Measure, font: FontRole, size: number): CharClasses {
  let byRun = charClasses.get(m);
  if (!byRun) charClasses.set(m, (byRun = new Map()));
  const key = `${font} ${size}`;
  let classes = byRun.get(key);
  if (!classes) byRun.set(key, (classes = new Map()));
  return classes;
}

function classOf(classes: CharClasses, cp: number, run: StyledRun, m: Measure, context?: string): CharClass | typeof LATIN_CHAR {
  let c = classes.get(cp);
  if (c === undefined) {
    const ch = String.fromCodePoint(cp);
    if (LATIN.test(ch)) c = LATIN_CHAR;
    else {
      // fontFor throws for a character no font has: nothing is cached for it.
      const font = fontFor(ch, run.font, m, context);
      c = {
        ch,
        font,
        natural: m.width(font, ch, run.size),
        noStart: NO_LINE_START.has(ch),
        noEnd: NO_LINE_END.has(ch),
        squeeze: SQUEEZE_RIGHT.has(ch) ? 'right' : SQUEEZE_LEFT.has(ch) ? 'left' : null,
      };
    }
    classes.set(cp, c);
  }
  return c;
}

/** The runs as units, read in UTF-16 units: every Latin character is one (LATIN is within the BMP). */
function toUnits(runs: StyledRun[], m: Measure, cjkAdvance: (size: number) => number, tracking: (size: number) => number, context?: string): Unit[] {
  const units: Unit[] = [];
  for (const run of runs) {
    const text = run.text;
    const classes = classesFor(m, run.font, run.size);
    const tail = tracking(run.size);
    const width = cjkAdvance(run.size) - tail;
    for (let i = 0; i < text.length; ) {
      const c = classOf(classes, text.codePointAt(i) ?? 0, run, m, context);
      if (c === LATIN_CHAR) {
        // A Latin word (with its trailing spaces) is one unbreakable unit at its natural width. A range of years
        // (2023-2025) is two units with a soft break after the hyphen: kept whole when that costs at most one
        // character of spreading, as a number with its unit is, and never split inside either number.
        let j = i + 1;
        while (j < text.length && LATIN.test(text[j]) && !(text[j - 1] === ' ' && text[j] !== ' ') && !isRangeBreak(text, j)) j++;
        const word = text.slice(i, j);
        const rangeGlue = isRangeBreak(text, j) ? 'soft' : 'none';
        // A word no one font has whole (Ā is only in the Latin font, ǎ only in the CJK ones) is set letter by
        // letter, each in a font that has it (and may break between letters, as a word too wide does): `validate`
        // passes every character some font has, so the build must print it.
        const pieces = wholeFont(word, run.latin ?? 'latin', m) ? [word] : word.split('');
        pieces.forEach((text, k) => {
          const font = fontFor(text, run.latin ?? 'latin', m, context);
          const width = m.width(font, text, run.size);
          units.push({
            text,
            run,
            font,
            width,
            tail: 0,
            natural: width,
            cjk: false,
            noStart: NO_LINE_START.has(text[0]),
            noEnd: NO_LINE_END.has(text[text.length - 1]),
            glue: k === pieces.length - 1 ? rangeGlue : 'none',
            squeeze: null,
          });
        });
        i = j;
      } else {
        units.push({
          text: c.ch,
          run,
          font: c.font,
          width,
          tail,
          natural: c.natural,
          cjk: true,
          noStart: c.noStart,
          noEnd: c.noEnd,
          glue: 'none',
          squeeze: c.squeeze,
        });
        i += c.ch.length;
      }
    }
  }
  // Keep numbers with their units (67场次, 13500余份, 2023年) and qualifiers with numbers (近300人) when that costs
  // at most one character of spreading; never split —— or …… , nor a unit of two characters (场次).
  for (let k = 0; k + 1 < units.length; k++) {
    const a = units[k];
    const b = units[k + 1];
    const aNum = !a.cjk && /\d[%％]?$/.test(a.text);
    if (aNum && b.cjk && UNIT_CHARS.has(b.text)) a.glue = 'soft';
    if (a.cjk && UNIT_CHARS.has(a.text) && k > 0 && units[k - 1].glue !== 'none' && b.cjk && UNIT_CHARS.has(b.text)) a.glue = 'hard';
    if (a.cjk && PRE_NUMBER_CHARS.has(a.text) && !b.cjk && /^\d/.test(b.text)) a.glue = 'soft';
    if (a.cjk && NO_SPLIT_REPEAT.has(a.text) && a.text === b.text) a.glue = 'hard';
  }
  return units;
}

/** A Latin word wider than a line (a long URL, a run of letters) is broken between any two characters, as Word does. */
function splitWide(units: Unit[], width: number, m: Measure): Unit[] {
  if (!units.some((u) => !u.cjk && u.width > width + EPS)) return units;
  return units.flatMap((u) => {
    if (u.cjk || u.width <= width + EPS) return [u];
    return [...u.text].map((ch): Unit => {
      const w = m.width(u.font, ch, u.run.size);
      return { ...u, text: ch, width: w, tail: 0, natural: w, noStart: NO_LINE_START.has(ch), noEnd: NO_LINE_END.has(ch), glue: 'none' };
    });
  });
}

/** A break before unit k (k > 0) is allowed; `soft`: also between a number and its unit. */
function canBreakBefore(units: Unit[], k: number, soft = false): boolean {
  const glue = units[k - 1].glue;
  return !units[k].noStart && !units[k - 1].noEnd && (glue === 'none' || (soft && glue === 'soft'));
}

/** How much the units [from, to) can be squeezed, and by which units, in order of preference. */
function squeezePlan(units: Unit[], from: number, to: number): { unit: number; amount: number }[] {
  const plan: { unit: number; amount: number }[] = [];
  const last = units[to - 1];
  // First a closing mark at the line end becomes half width.
  if (last.squeeze === 'right') plan.push({ unit: to - 1, amount: last.width / 2 });
  // Then pairs of adjacent marks: ）。 “《 。” … the first of a closing pair, the second of an opening pair.
  for (let k = from; k + 1 < to; k++) {
    const a = units[k];
    const b = units[k + 1];
    if (a.squeeze === 'right' && (b.squeeze === 'right' || b.squeeze === 'left')) plan.push({ unit: k, amount: a.width / 2 });
    else if (a.squeeze === 'left' && b.squeeze === 'left') plan.push({ unit: k + 1, amount: b.width / 2 });
  }
  // Last, any other mark in the line gives up its blank half, as Word and WPS do when they compress punctuation.
  const taken = new Set(plan.map((p) => p.unit));
  for (let k = from; k < to; k++) if (units[k].squeeze && !taken.has(k)) plan.push({ unit: k, amount: units[k].width / 2 });
  return plan;
}

function sumWidth(units: Unit[], from: number, to: number): number {
  let w = 0;
  for (let k = from; k < to; k++) w += units[k].width;
  return w;
}

/** The width units [from, to) take as a line: their advances, the last counted whole (Unit.tail). */
function lineWidth(units: Unit[], from: number, to: number): number {
  return sumWidth(units, from, to) + units[to - 1].tail;
}

const EPS = 0.01;
const MAX_PUSH_IN = 2; // units pulled onto a full line by squeezing

/** A break past `end` that squeezing punctuation in [start, break) makes fit, with the squeezes used. */
function pushInBreak(units: Unit[], start: number, end: number, avail: number, soft: boolean) {
  for (let e = end + 1; e <= Math.min(units.length, end + MAX_PUSH_IN); e++) {
    if (e < units.length && !canBreakBefore(units, e, soft)) continue;
    const over = lineWidth(units, start, e) - avail;
    let got = 0;
    const used: { unit: number; amount: number }[] = [];
    for (const s of squeezePlan(units, start, e)) {
      if (got >= over - EPS) break;
      used.push(s);
      got += s.amount;
    }
    return got >= over - EPS ? { at: e, squeezes: used } : undefined;
  }
  return undefined;
}

/** The last unit in (start, end) a line may break before, or −1. */
function lastBreak(units: Unit[], start: number, end: number, soft: boolean): number {
  for (let b = end - 1; b > start; b--) if (canBreakBefore(units, b, soft)) return b;
  return -1;
}

export function breakLines(runs: StyledRun[], m: Measure, opts: BreakOptions): BrokenLine[] {
  const cjkAdvance = opts.cjkAdvance ?? ((s: number) => s);
  const units = splitWide(toUnits(runs, m, cjkAdvance, opts.tracking ?? (() => 0), opts.context), Math.min(opts.firstWidth, opts.width), m);
  const lines: BrokenLine[] = [];
  let start = 0;
  while (start < units.length) {
    const first = lines.length === 0;
    const avail = first ? opts.firstWidth : opts.width;
    const x0 = first ? (opts.firstX ?? 0) : (opts.restX ?? 0);
    let end = start;
    let w = 0;
    while (end < units.length && w + units[end].width + units[end].tail <= avail + EPS) w += units[end++].width;
    if (end === units.length) {
      lines.push(place(units, start, end, x0, avail, [], false));
      break;
    }
    if (end === start) end = start + 1; // a single unit wider than the line: it must go somewhere
    if (end === units.length) {
      lines.push(place(units, start, end, x0, avail, [], false));
      break;
    }
    let chosen = -1;
    let squeezes: { unit: number; amount: number }[] = [];
    if (canBreakBefore(units, end)) chosen = end;
    else {
      const pushIn = (soft: boolean) => {
        const p = pushInBreak(units, start, end, avail, soft);
        if (p) [chosen, squeezes] = [p.at, p.squeezes];
      };
      // Push in: take up to two more units if squeezing punctuation makes them fit.
      pushIn(false);
      // Push out: break at the last allowed place before, and spread the slack. Keeping a number with its unit
      // (or a range of years whole) may cost at most one character of spreading; beyond that the break goes
      // between them, pushing in when squeezing fits the first half on the line, else spreading.
      if (chosen < 0) {
        const hard = lastBreak(units, start, end, false);
        const oneChar = cjkAdvance(units[start].run.size);
        const slack = (b: number) => avail - lineWidth(units, start, b);
        if (hard >= 0 && slack(hard) <= oneChar + EPS) chosen = hard;
        else if (canBreakBefore(units, end, true)) chosen = end; // spreads nothing
        else {
          pushIn(true);
          const soft = lastBreak(units, start, end, true);
          if (chosen < 0) chosen = soft > hard ? soft : hard;
        }
      }
      if (chosen < 0) chosen = end; // no legal break at all: better a rule bent than text lost
    }
    lines.push(place(units, start, chosen, x0, avail, squeezes, opts.justify !== false));
    start = chosen;
  }
  return lines;
}

/** Positions units [from, to) and groups them into segments of uniform spacing. */
function place(
  units: Unit[],
  from: number,
  to: number,
  x0: number,
  avail: number,
  squeezes: { unit: number; amount: number }[],
  justify: boolean,
): BrokenLine {
  const advance = units.slice(from, to).map((u) => u.width);
  const shift = advance.map(() => 0); // glyph drawn left of its slot (a squeezed opening mark)
  for (const s of squeezes) {
    advance[s.unit - from] -= s.amount;
    if (units[s.unit].squeeze === 'left') shift[s.unit - from] = -s.amount;
  }
  const natural = advance.reduce((a, b) => a + b, 0);
  // No spreading inside a digit range kept on one line (2023-2025): its halves were one word.
  const gapAfter = (k: number) => k < to - 1 && !(units[k].glue === 'soft' && !units[k].cjk && !units[k + 1].cjk);
  let gaps = 0;
  for (let k = from; k < to; k++) if (gapAfter(k)) gaps++;
  // The last unit's advance ends its tail short of the edge, so that its glyph ends where an untracked one's does.
  const extra = justify && gaps > 0 ? (avail - natural - units[to - 1].tail) / gaps : 0;
  const segments: BrokenLine['segments'] = [];
  let x = x0;
  let prevCjk = false;
  for (let k = from; k < to; k++) {
    const u = units[k];
    const i = k - from;
    const step = advance[i] + (gapAfter(k) ? extra : 0); // no spread after the last unit: the line ends on the edge
    const spacing = u.cjk ? step - u.natural : 0;
    const prev = segments[segments.length - 1];
    const canJoin =
      prevCjk &&
      u.cjk &&
      shift[i] === 0 &&
      prev.font === u.font &&
      prev.tag === u.run.tag &&
      prev.size === u.run.size &&
      prev.color === u.run.color &&
      Math.abs(prev.spacing - spacing) < 1e-6;
    if (canJoin) prev.text += u.text;
    else
      segments.push({ kind: 'text', x: x + shift[i], font: u.font, size: u.run.size, color: u.run.color, text: u.text, spacing, tag: u.run.tag });
    // A squeezed opening mark is drawn shifted: nothing may join its segment.
    prevCjk = u.cjk && shift[i] === 0;
    x += step;
  }
  return extra > 0 ? { segments, width: x - x0, spread: extra * gaps } : { segments, width: x - x0 };
}
