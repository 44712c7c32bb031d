// How a word processor breaks a body paragraph of our DOCX into lines, so that the typesetter can see where it
// would need more lines than the PDF and give that paragraph a little less tracking in both writers (issue 11
// item 9). The model is LibreOffice 7.4's, found by probing it with paragraphs of known content and checked against
// its lines for every paragraph of the seeds and the roll-up (tests/docx-seeds.test.ts):
// - every character advances its font's width plus the DOCX character spacing: a full em for CJK characters and
//   marks (no punctuation is squeezed, none hangs past the edge, although the style allows hanging); a quote mark
//   right after Latin text, and ·, are set in the Latin font;
// - space is added between a Han character and a Latin letter or digit (its DOCX import ignores w:autoSpaceDE/DN);
// - the line takes as many characters as fit; when the first that does not fit may not start a line (a closing or
//   pause mark), or the last that fits may not end one (an opening mark), or a mark would be parted from the digits
//   after it (。2023), the break moves back, one character at a time; a run of Latin letters and digits is never
//   split. —— and …… may be split (LibreOffice does).
import type { Profile } from '../schema/profile.ts';
import { MM } from '../schema/profile.ts';
import { LATIN, type StyledRun } from './linebreak.ts';
import type { Measure } from './measure.ts';

const TWIPS = 20; // per point

/** LibreOffice's zh-CN forbidden characters (i18npool zh_CN.xml), as far as the reports use them. */
const WP_NO_START = new Set([...'!%),.:;?]}¢°·\'"†‡›℃∶、。〃〆〕〗〞﹚﹜！＂％＇），．：；？］｝～”’》」』】〉']);
const WP_NO_END = new Set([...'$(£¥·\'"〈《「『【〔〖〝﹙﹛＄（．［｛￡￥“‘']);

/**
 * The space LibreOffice counts between Han text and a Latin letter or digit when it fills a line: about 3 pt at
 * 三号, and more as the characters are drawn closer (it draws a little less). Fitted to the lines LibreOffice 7.4
 * made of every paragraph of the seeds, at the grid's spacing and tracked: 3.5 pt at the grid's −0.25 pt, where all
 * 612 lines agree; tracked, the fit errs on the side of a line that does not fit.
 */
const AUTOSPACE_EM = 0.1875;
const AUTOSPACE_PER_SPACING = 2;
/** The DOCX's Latin font has · too (the PDF sets it as a CJK mark): it is set narrow, with the digits around it. */
const isLatin = (ch: string) => LATIN.test(ch) || ch === '·';
const QUOTES = new Set([...'“”‘’']);
const HAN = /\p{Script=Han}/u;
const ALNUM = /[A-Za-z0-9]/;

/** The body's character spacing in the DOCX (twips, negative): the 三号 character brought down to the grid's pitch. */
export function gridSpacingTwips(profile: Profile): number {
  const charPitchPt = (profile.block.width * MM) / profile.grid.chars;
  return Math.floor((charPitchPt - profile.roles.body.size) * TWIPS);
}

/** The block width as the DOCX states it, in points (a whole number of twips). */
export function wordBlockWidth(profile: Profile): number {
  return Math.round((profile.block.width / 25.4) * 1440) / TWIPS;
}

interface WpUnit {
  text: string;
  width: number;
  latin: boolean;
  han: boolean; // a Han ideograph (not a mark)
  alnumStart: boolean; // a Latin unit that starts / ends with a letter or digit (not a symbol such as %)
  alnumEnd: boolean;
  noStart: boolean;
  noEnd: boolean;
}

/** A unit of `text` (one character, or a run of Latin ones), its properties read off its first and last characters. */
function unit(text: string, width: number, latin: boolean): WpUnit {
  const chars = [...text]; // by code point: a Han character outside the BMP is two UTF-16 units
  const first = chars[0];
  const last = chars[chars.length - 1];
  return { text, width, latin, han: HAN.test(first), alnumStart: ALNUM.test(first), alnumEnd: ALNUM.test(last), noStart: WP_NO_START.has(first), noEnd: WP_NO_END.has(last) };
}

/**
 * A character read once per process, by code point: Latin, or the character with whether it is a quote mark that
 * may take Latin text's script and its unit's classes (a Han character's test is a Unicode property regex, and
 * every paragraph is broken here at least once).
 */
interface CjkClass {
  ch: string;
  quote: boolean;
  han: boolean;
  alnum: boolean;
  noStart: boolean;
  noEnd: boolean;
}
const cjkClasses = new Map<number, CjkClass | 'latin'>();

function classOf(cp: number): CjkClass | 'latin' {
  let c = cjkClasses.get(cp);
  if (c === undefined) {
    const ch = String.fromCodePoint(cp);
    const u = unit(ch, 0, false);
    c = isLatin(ch) ? 'latin' : { ch, quote: QUOTES.has(ch), han: u.han, alnum: u.alnumStart, noStart: u.noStart, noEnd: u.noEnd };
    cjkClasses.set(cp, c);
  }
  return c;
}

/** The runs as units, read in UTF-16 units: every Latin character (and ·) is one. */
function units(runs: StyledRun[], m: Measure, spacing: number): WpUnit[] {
  const out: WpUnit[] = [];
  for (const run of runs) {
    const text = run.text;
    const cjkWidth = run.size + spacing;
    for (let i = 0; i < text.length; ) {
      const c = classOf(text.codePointAt(i) ?? 0);
      if (c === 'latin') {
        // The DOCX sets Latin letters and digits in Times New Roman whatever the role (src/render/docx/styles.ts).
        let j = i;
        let width = 0;
        while (j < text.length && isLatin(text[j]) && text[j] !== ' ') width += m.width('latin', text[j++], run.size) + spacing;
        if (j === i) width = m.width('latin', text[j++], run.size) + spacing; // a space: a unit of its own
        out.push(unit(text.slice(i, j), width, true));
        i = j;
      } else if (c.quote && out.at(-1)?.latin) {
        // A quote mark right after Latin text takes that text's script, and its font's narrow glyph.
        out.push(unit(c.ch, m.width('latin', c.ch, run.size) + spacing, true));
        i += c.ch.length;
      } else {
        out.push({ text: c.ch, width: cjkWidth, latin: false, han: c.han, alnumStart: c.alnum, alnumEnd: c.alnum, noStart: c.noStart, noEnd: c.noEnd });
        i += c.ch.length;
      }
    }
  }
  return out;
}

export interface WordLineOptions {
  firstWidth: number; // pt: the block minus the first-line indent
  width: number;
  spacing: number; // pt added after every character (the DOCX's w:spacing)
}

/** The lines (their text) the word processor breaks the runs into. */
export function wordLines(runs: StyledRun[], m: Measure, opts: WordLineOptions): string[] {
  const size = runs[0]?.size ?? 16;
  const us = units(runs, m, opts.spacing);
  const autospace = AUTOSPACE_EM * size - AUTOSPACE_PER_SPACING * opts.spacing;
  // The extra space goes only between a Han ideograph and a letter or digit (not next to a mark or a %).
  const gap = (k: number) => (k > 0 && ((us[k - 1].han && us[k].alnumStart) || (us[k - 1].alnumEnd && us[k].han)) ? autospace : 0);
  // A closing or pause mark stays with a Latin word that follows it (。2023 is never broken).
  const noBreak = (b: number) => us[b].noStart || us[b - 1].noEnd || (us[b].latin && !us[b - 1].latin && us[b - 1].noStart);
  const lines: string[] = [];
  let start = 0;
  const EPS = 0.01;
  while (start < us.length) {
    const avail = lines.length === 0 ? opts.firstWidth : opts.width;
    let end = start;
    let w = 0;
    while (end < us.length && w + (end > start ? gap(end) : 0) + us[end].width <= avail + EPS) {
      w += (end > start ? gap(end) : 0) + us[end].width;
      end++;
    }
    let b = end;
    if (end < us.length) while (b > start + 1 && noBreak(b)) b--;
    if (b === start) b = start + 1; // a unit wider than the line
    lines.push(us.slice(start, b).map((u) => u.text).join(''));
    start = b;
  }
  return lines;
}

