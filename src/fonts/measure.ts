// A FontSet seen as what the typesetter needs (widths and coverage), for the PDF and the DOCX alike.
import type { Measure } from '../layout/measure.ts';
import type { FontSet } from './fontSet.ts';

const measures = new WeakMap<FontSet, Measure>();

/** One Measure per FontSet, so that what is computed from it can be recognised and reused (layoutTable, the line breaker's character classes). */
export function measureOf(fonts: FontSet): Measure {
  let m = measures.get(fonts);
  if (!m) {
    m = {
      width: (role, text, size) => fonts.advance(role, text, size),
      has: (role, ch) => fonts.hasChar(role, ch),
      ink: (role, ch, size) => fonts.ink(role, ch, size),
    };
    measures.set(fonts, m);
  }
  return m;
}
