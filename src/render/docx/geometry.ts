// Page geometry in twips, derived from the profile: the numbers every part of the DOCX writer shares.
import type { Profile } from '../../schema/profile.ts';
import { gridSpacingTwips } from '../../layout/wordLines.ts';
import { ptFromMm, twipsFromMm } from './units.ts';

export interface Geometry {
  profile: Profile;
  pageW: number;
  pageH: number;
  top: number;
  bottom: number;
  left: number;
  right: number;
  blockW: number; // 版心 width
  blockH: number;
  /** Grid line pitch: floored so that 22 lines fit the block (580 × 22 would overflow by a line in Word). */
  pitch: number;
  /** The exact pitch (225 mm / 22) in twips, unrounded: what the PDF typesetter counts grid lines with. */
  exactPitch: number;
  /** Character spacing (twips, negative) that brings 三号 characters down to the grid's character pitch. */
  bodySpacing: number;
  /** One body character on the grid, as Word counts 字 for indents: the body size. */
  bodyChar: number;
}

export function geometry(profile: Profile): Geometry {
  const pageW = twipsFromMm(profile.page.width);
  const pageH = twipsFromMm(profile.page.height);
  const top = twipsFromMm(profile.margins.top);
  const left = twipsFromMm(profile.margins.left);
  const blockW = twipsFromMm(profile.block.width);
  const blockH = twipsFromMm(profile.block.height);
  const bodySize = profile.roles.body.size;
  return {
    profile,
    pageW,
    pageH,
    top,
    left,
    blockW,
    blockH,
    right: pageW - left - blockW,
    bottom: pageH - top - blockH,
    pitch: Math.floor((ptFromMm(profile.block.height) / profile.grid.lines) * 20),
    exactPitch: (ptFromMm(profile.block.height) / profile.grid.lines) * 20,
    bodySpacing: gridSpacingTwips(profile),
    bodyChar: Math.round(bodySize * 20),
  };
}

/** Whether a character is set full width (CJK and full-width punctuation; “” and — too, with the eastAsia hint). */
export function isWide(ch: string): boolean {
  const c = ch.codePointAt(0) ?? 0;
  return c >= 0x2e80 || c === 0x2014 || c === 0x2026 || c === 0x201c || c === 0x201d || c === 0x2018 || c === 0x2019 || c === 0x3000;
}

/** Width in twips of a string set in a role's size with the given spacing: full width for CJK, half for Latin. */
export function textWidth(text: string, sizePt: number, spacingTwips = 0): number {
  let w = 0;
  for (const ch of text) w += (isWide(ch) ? sizePt * 20 : sizePt * 10) + spacingTwips;
  return Math.round(w);
}

/**
 * Where the em box of text sits in an exact-height line: LibreOffice puts the baseline at 80 % of a fixed line
 * height, and CJK faces draw their ideographic em box from 0.88 em above the baseline to 0.12 em below.
 */
export function emTopInLine(lineTwips: number, sizePt: number): number {
  return BASELINE_IN_EXACT_LINE * lineTwips - 0.88 * sizePt * 20;
}

/** Where LibreOffice puts the baseline in a line of exact height: this fraction of the height down from its top. */
export const BASELINE_IN_EXACT_LINE = 0.8;
