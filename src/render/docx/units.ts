// Unit conversions for OOXML: twips (1/20 pt), half-points, eighths of a point, EMU.
import { MM } from '../../schema/profile.ts';

export const twipsFromPt = (pt: number): number => Math.round(pt * 20);
export const twipsFromMm = (mm: number): number => Math.round(mm * MM * 20);
export const ptFromMm = (mm: number): number => mm * MM;
export const halfPoints = (pt: number): number => Math.round(pt * 2);
/** Border widths (w:sz) are in eighths of a point. */
export const eighths = (pt: number): number => Math.max(2, Math.round(pt * 8));
/** DrawingML lengths: 12700 EMU a point. */
export const emuFromPt = (pt: number): number => Math.round(pt * 12700);
export const emuFromMm = (mm: number): number => Math.round((mm / 25.4) * 914400);
/** The docx package sizes images in pixels at 96 dpi. */
export const pxFromMm = (mm: number): number => Math.round((mm / 25.4) * 96);
export const emuFromTwips = (tw: number): number => Math.round(tw * 635);
