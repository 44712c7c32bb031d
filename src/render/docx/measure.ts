// Font measurements for the few decisions the DOCX takes from the PDF typesetter (the title's line breaks):
// the same resolved fonts, so both outputs break the title alike.
import { loadFontSet } from '../../fonts/index.ts';
import type { Measure } from '../../layout/measure.ts';

let cached: Measure | undefined;

export function fontMeasure(): Measure {
  if (cached) return cached;
  const fonts = loadFontSet();
  cached = { width: (role, text, size) => fonts.advance(role, text, size), has: (role, ch) => fonts.hasChar(role, ch) };
  return cached;
}
