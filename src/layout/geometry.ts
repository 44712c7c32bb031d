// Page geometry in points, derived once from the layout profile.
import type { Profile } from '../schema/profile.ts';
import { MM } from '../schema/profile.ts';

export interface Geometry {
  pageWidth: number;
  pageHeight: number;
  left: number; // block edges
  top: number;
  right: number;
  bottom: number;
  width: number;
  height: number;
  linePitch: number; // 225 mm / 22
  charPitch: number; // 156 mm / 28
  lines: number;
  chars: number;
}

export function geometry(p: Profile): Geometry {
  const left = p.margins.left * MM;
  const top = p.margins.top * MM;
  const width = p.block.width * MM;
  const height = p.block.height * MM;
  return {
    pageWidth: p.page.width * MM,
    pageHeight: p.page.height * MM,
    left,
    top,
    width,
    height,
    right: left + width,
    bottom: top + height,
    linePitch: height / p.grid.lines,
    charPitch: width / p.grid.chars,
    lines: p.grid.lines,
    chars: p.grid.chars,
  };
}

// CJK fonts centre their glyphs in an em box from −0.12 em to +0.88 em about the baseline.
export const EM_ASCENT = 0.88;
export const EM_DESCENT = 0.12;

/** Baseline of text of `size` centred vertically in a grid line whose top is `lineTop`. */
export function baselineInLine(lineTop: number, linePitch: number, size: number): number {
  return lineTop + (linePitch - size) / 2 + EM_ASCENT * size;
}
