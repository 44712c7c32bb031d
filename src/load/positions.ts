// Source positions: from a path into the parsed data (["parts","measures","items",0]) back to the YAML node.
import type { Diagnostic } from '../diagnostics.ts';
import { isMap, isSeq, isScalar, isNode, type Document, type LineCounter, type Node, type Pair } from 'yaml';

export type DataPath = readonly (string | number)[];
export interface Position {
  line: number; // 1-based
  col: number; // 1-based
}

/** What a path points at: the key of the last mapping entry (if any) and its value node. */
interface Located {
  pair?: Pair; // the mapping entry holding the value, when the last step is a key
  node?: Node; // the value node, absent when the key is missing or its value empty
  parent: Node | null; // the deepest node that exists on the way
}

function keyText(pair: Pair): string | undefined {
  const k = pair.key;
  if (isScalar(k)) return String(k.value);
  return typeof k === 'string' || typeof k === 'number' ? String(k) : undefined;
}

export function locate(doc: Document, path: DataPath): Located {
  let node: Node | null = isNode(doc.contents) ? doc.contents : null;
  let pair: Pair | undefined;
  for (const step of path) {
    if (!node) break;
    if (isMap(node)) {
      const found = node.items.find((p) => keyText(p) === String(step));
      if (!found) return { parent: node };
      pair = found;
      const value = found.value;
      if (!isNode(value) || (isScalar(value) && value.value === null && value.range?.[0] === value.range?.[1])) {
        // `key:` with nothing after it: point at the key
        return { pair, parent: node };
      }
      node = value;
    } else if (isSeq(node) && typeof step === 'number') {
      const item = node.items[step];
      if (!isNode(item)) return { parent: node };
      pair = undefined;
      node = item;
    } else {
      return { parent: node };
    }
  }
  return { pair, node: node ?? undefined, parent: node };
}

export function offsetOf(node: Node | Pair['key'] | undefined): number | undefined {
  return isNode(node) && node.range ? node.range[0] : undefined;
}

/** Builds a `lineOf(path)` for one parsed document: the value's start, else its key, else the nearest existing parent. */
export function positionFinder(doc: Document, counter: LineCounter): (path: DataPath) => Position {
  const at = (offset: number): Position => {
    const { line, col } = counter.linePos(offset);
    return { line, col };
  };
  return (path) => {
    const hit = locate(doc, path);
    const offset = offsetOf(hit.node) ?? offsetOf(hit.pair?.key) ?? offsetOf(hit.parent ?? undefined) ?? 0;
    return at(offset);
  };
}

/** Position of the key itself (for unknown or misspelt keys). */
export function keyPosition(doc: Document, counter: LineCounter, path: DataPath): Position | undefined {
  const hit = locate(doc, path);
  const offset = offsetOf(hit.pair?.key);
  if (offset === undefined) return undefined;
  const { line, col } = counter.linePos(offset);
  return { line, col };
}

/**
 * The one place a diagnostic raised past the loader (by the typesetter or a writer, which know a block's data path
 * but not the file) gets its file:line:col: in the YAML file the data was loaded from.
 */
export function placeDiagnostics(ds: readonly Diagnostic[], file: string, lineOf: (path: DataPath) => Position): Diagnostic[] {
  return ds.map((d) => {
    if (d.line !== undefined || !d.path) return { ...d, file: d.file ?? file };
    const { path, ...rest } = d;
    return { ...rest, file, ...lineOf(path) };
  });
}
