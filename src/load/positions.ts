// Source positions: from a path into the loaded data (["body",0,"heading"]) back to file:line:col. The parsed YAML
// document is summarised as a tree of positions (positionTree.ts builds it), plain data without the YAML parser's
// nodes, so that a report loaded from the memo (memo.ts) answers every lookup exactly as a fresh parse does.
import type { Diagnostic } from '../diagnostics.ts';

export type DataPath = readonly (string | number)[];
export interface Position {
  line: number; // 1-based
  col: number; // 1-based
}

/** Where a node starts; null for a node with no place in the file (one the old-form rewrite made). */
export type At = [line: number, col: number] | null;
/**
 * One YAML node: a scalar or alias is its start alone; a mapping lists its entries in order as [key text (null when
 * the key is not a scalar), the key's start, the value (null when the entry has no value node, or an empty one)];
 * a sequence lists its items (null where an item is not a node).
 */
export type PositionTree =
  | { at: At }
  | { at: At; map: [key: string | null, keyAt: At, value: PositionTree | null][] }
  | { at: At; seq: (PositionTree | null)[] };

/** What a path points at: the value node, the key of the mapping entry holding it, the deepest node on the way. */
interface Located {
  node?: PositionTree; // absent when the key is missing or its value empty
  key?: At; // present when the last step found a mapping entry (null: its key has no place)
  parent: PositionTree | null;
}

function locate(root: PositionTree | null, path: DataPath): Located {
  let node = root;
  let key: At | undefined;
  for (const step of path) {
    if (!node) break;
    if ('map' in node) {
      const entry = node.map.find(([k]) => k === String(step));
      if (!entry) return { parent: node };
      key = entry[1];
      if (!entry[2]) return { key, parent: node }; // `key:` with nothing after it: point at the key
      node = entry[2];
    } else if ('seq' in node && typeof step === 'number') {
      const item = node.seq[step];
      if (!item) return { parent: node };
      key = undefined;
      node = item;
    } else {
      return { parent: node };
    }
  }
  return { node: node ?? undefined, key, parent: node };
}

const position = (a: At): Position => (a ? { line: a[0], col: a[1] } : { line: 1, col: 1 });

/** `lineOf(path)` for one document: the value's start, else its key's, else the nearest existing parent's (else 1:1). */
export function lineOfTree(root: PositionTree | null): (path: DataPath) => Position {
  return (path) => {
    const hit = locate(root, path);
    return position(hit.node?.at ?? hit.key ?? hit.parent?.at ?? null);
  };
}

/** Where the key itself is (for unknown or misspelt keys), when the path ends at a mapping entry. */
export function keyPosition(root: PositionTree | null, path: DataPath): Position | undefined {
  const { key } = locate(root, path);
  return key ? position(key) : undefined;
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

/** Line and column (1-based) of an offset into `text`, as an editor shows them (a line ends at \n). */
export function linePosition(text: string): (offset: number) => Position {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, col: offset - starts[lo] + 1 };
  };
}

/** Reading order, so a user fixes a file top to bottom. */
export function sortByPosition(list: Diagnostic[]): Diagnostic[] {
  return [...list].sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.col ?? 0) - (b.col ?? 0));
}
