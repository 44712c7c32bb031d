// A copy that lost its line breaks (seed 004) runs headings into the text: "…报告如下:一、根本情况2023年,…".
// Such a document is cut back into lines before each heading marker that follows a finished sentence.
import type { SourceLine } from './types.ts';

const L1_AFTER_STOP = /(?<=[。：！？])(?=[一二三四五六七八九十]{1,3}、)/g;
const L2_AFTER_STOP = /(?<=[。：！？])(?=[（(][一二三四五六七八九十]{1,3}[）)])/g;

/** True when no line starts with a level-1 heading but some line holds two or more after full stops. */
export function isRunTogether(lines: SourceLine[]): boolean {
  if (lines.some((l) => /^[一二三四五六七八九十]{1,3}、/.test(l.text))) return false;
  return lines.some((l) => (l.text.match(L1_AFTER_STOP) ?? []).length >= 2);
}

export function splitRunTogether(lines: SourceLine[]): SourceLine[] {
  return lines.flatMap((l) =>
    l.text
      .split(L1_AFTER_STOP)
      .flatMap((piece) => piece.split(L2_AFTER_STOP))
      .filter((t) => t !== '')
      .map((text) => ({ text, line: l.line })),
  );
}
