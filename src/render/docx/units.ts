// Unit conversions for OOXML: twips (1/20 pt), half-points, eighths of a point, EMU, and the docx package's pixels.
import { MM } from '../../schema/profile.ts';

export const twipsFromMm = (mm: number): number => Math.round(mm * MM * 20);
export const ptFromMm = (mm: number): number => mm * MM;
export const halfPoints = (pt: number): number => Math.round(pt * 2);
/** Border widths (w:sz) are in eighths of a point. */
export const eighths = (pt: number): number => Math.max(2, Math.round(pt * 8));
/** DrawingML lengths: 635 EMU a twip. */
export const emuFromTwips = (tw: number): number => Math.round(tw * 635);
/** The docx package sizes drawings in pixels at 96 dpi (15 twips); fractions are kept, it writes exact EMU. */
export const pxFromTwips = (tw: number): number => tw / 15;
