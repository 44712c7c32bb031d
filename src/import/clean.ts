// Clean-up of extracted text: Word bookmarks, page-number markers glued into sentences, indents, ASCII punctuation.
// Everything removed that is not whitespace is returned as an Artefact so the import report can list it.
import { normalisePunctuation } from './punct.ts';
import type { Artefact, SourceLine } from './types.ts';

const BOOKMARK = /\[bookmark:[^\]]*\]\s*/g;
const MARKER = /^(\d{1,3})、/;
// A line that ends a sentence or a heading-like unit; a page marker follows text that does not.
const TERMINAL = /[。！？；：!?;:…”’」』）)]$/;
// Whitespace the clerk's editor left: ASCII, U+3000 ideographic space, no-break space.
const EDGE_SPACE = /^[\s\u3000\u00a0]+|[\s\u3000\u00a0]+$/g;

export interface Cleaned {
  lines: SourceLine[]; // non-empty lines, trimmed, punctuation normalised
  blankAfter: Set<number>; // indexes into `lines` followed by a blank line in the source (ends the header block)
  artefacts: Artefact[];
}

/**
 * Page markers (seed 004): every line opens with `N、`, numbered 1, 2, 3 … without restarting, and the
 * lines after the first continue the sentence of the line before. Real level-3 headings restart under
 * each item and follow a finished sentence or heading, so they fail at least one of the two tests.
 */
function pageMarkerLines(lines: string[]): Set<number> {
  const withMarker: number[] = [];
  lines.forEach((l, i) => {
    if (MARKER.test(l)) withMarker.push(i);
  });
  if (withMarker.length < 2) return new Set();
  const numbers = withMarker.map((i) => Number(MARKER.exec(lines[i])![1]));
  if (!numbers.every((n, k) => n === k + 1)) return new Set();
  const midSentence = withMarker.slice(1).filter((i) => {
    const prev = lines.slice(0, i).reverse().find((l) => l.trim() !== '');
    return prev !== undefined && !TERMINAL.test(prev.trim());
  });
  // Most (not all: a page may happen to break after a full stop) must continue the previous sentence.
  return midSentence.length * 2 >= withMarker.length - 1 ? new Set(withMarker) : new Set();
}

export function cleanText(raw: string): Cleaned {
  const rawLines = raw.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  const artefacts: Artefact[] = [];
  const stripped = rawLines.map((line, i) => {
    return line.replace(BOOKMARK, (m, offset: number) => {
      artefacts.push({ line: i + 1, col: offset + 1, text: m, reason: 'Word 书签标记 / Word bookmark marker' });
      return '';
    });
  });
  const markers = pageMarkerLines(stripped.map((l) => l.replace(EDGE_SPACE, '')));
  const lines: SourceLine[] = [];
  const blankAfter = new Set<number>();
  let joinNext = false;
  stripped.forEach((line, i) => {
    let text = line.replace(EDGE_SPACE, '');
    if (markers.has(i)) {
      const m = MARKER.exec(text)!;
      artefacts.push({ line: i + 1, col: line.indexOf(m[0]) + 1, text: m[0], reason: '页码标记（粘在句中） / page marker glued into a sentence' });
      text = text.slice(m[0].length);
      // The marker split a sentence across a page break: glue the halves back together.
      joinNext = lines.length > 0;
    }
    if (text === '') {
      if (lines.length > 0) blankAfter.add(lines.length - 1);
      return;
    }
    const written = text;
    text = normalisePunctuation(text);
    if (joinNext) {
      const last = lines[lines.length - 1];
      last.text += text;
      delete last.raw; // no longer one source line
      joinNext = false;
    } else {
      lines.push({ text, line: i + 1, raw: written });
    }
  });
  return { lines, blankAfter, artefacts };
}
