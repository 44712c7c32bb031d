// Which field a diagnostic is about: its line:col, found in the YAML Document it was computed from, gives
// the data path of the smallest node there, so the editor can show the message beside that field.
import { isMap, isNode, isScalar, isSeq, LineCounter, parseDocument, type Document } from 'yaml';
import { formatDiagnostic, type Diagnostic } from '../diagnostics.ts';
import type { DiagView } from './protocol.ts';

type Span = { from: number; to: number; path: (string | number)[]; map?: boolean };

function spans(node: unknown, path: (string | number)[], out: Span[]): void {
  if (!isNode(node)) return;
  if (node.range) out.push({ from: node.range[0], to: Math.max(node.range[1], node.range[0] + 1), path, map: isMap(node) });
  if (isMap(node)) {
    for (const pair of node.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
      const k = pair.key;
      // The key itself (an unknown or misspelt key is reported there) belongs to the field it names.
      if (isNode(k) && k.range) out.push({ from: k.range[0], to: Math.max(k.range[1], k.range[0] + 1), path: [...path, key] });
      spans(pair.value, [...path, key], out);
    }
  } else if (isSeq(node)) {
    node.items.forEach((item, i) => spans(item, [...path, i], out));
  }
}

export function diagPathFinder(doc: Document, text: string): (d: Diagnostic) => (string | number)[] {
  const all: Span[] = [];
  spans(doc.contents, [], all);
  const counter = new LineCounter();
  let at = 0;
  for (const line of text.split('\n')) {
    counter.addNewLine(at);
    at += line.length + 1;
  }
  return (d) => {
    if (!d.line) return [];
    const start = counter.lineStarts[d.line - 1];
    if (start === undefined) return [];
    const offset = start + (d.col ?? 1) - 1;
    let best: Span | undefined;
    for (const s of all) {
      if (s.from <= offset && offset < s.to && (!best || s.to - s.from <= best.to - best.from)) best = s;
    }
    // A mapping and its first key start at the same place: a message there (a missing field) is the mapping's.
    const map = best && all.find((s) => s.map && s.from === best!.from && s.path.length === best!.path.length - 1);
    return (map ?? best)?.path ?? [];
  };
}

/** The diagnostics of `text` as the editor shows them; the YAML is parsed for their fields only when there are any. */
export function diagViews(list: Diagnostic[], text: string): DiagView[] {
  if (list.length === 0) return [];
  const pathOf = diagPathFinder(parseDocument(text), text);
  return list.map((d) => ({
    code: d.code,
    severity: d.severity,
    zh: d.zh,
    en: d.en,
    line: d.line,
    col: d.col,
    path: pathOf(d),
    text: formatDiagnostic(d),
  }));
}
