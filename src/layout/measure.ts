// What layout needs to know of fonts: widths and coverage. FontSet implements it; layout stays pure.
import type { FontRole } from '../schema/profile.ts';

export interface Measure {
  /** Natural advance width of `text` in points. */
  width(font: FontRole, text: string, size: number): number;
  /** Whether the resolved font for `font` has a glyph for the character. */
  has(font: FontRole, ch: string): boolean;
  /** The ink of one character's glyph, in points above the baseline (bottom may be negative). */
  ink(font: FontRole, ch: string, size: number): { top: number; bottom: number };
}
