// A FontSet seen as what the typesetter needs (widths and coverage), for the PDF and the DOCX alike.
import type { Measure } from '../layout/measure.ts';
import type { FontSet } from './fontSet.ts';

export function measureOf(fonts: FontSet): Measure {
  return {
    width: (role, text, size) => fonts.advance(role, text, size),
    has: (role, ch) => fonts.hasChar(role, ch),
    ink: (role, ch, size) => fonts.ink(role, ch, size),
  };
}
