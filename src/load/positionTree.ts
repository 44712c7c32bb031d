// The positions of a parsed YAML document as plain data (positions.ts reads them): what `lineOf` needs of the
// document, without the parser's nodes, so that it can be stored with the loaded data (memo.ts).
import { isMap, isNode, isScalar, isSeq, type Document, type LineCounter, type Node, type Pair } from 'yaml';
import type { At, PositionTree } from './positions.ts';

function keyText(pair: Pair): string | null {
  const k = pair.key;
  if (isScalar(k)) return String(k.value);
  return typeof k === 'string' || typeof k === 'number' ? String(k) : null;
}

/** A value that is no node, or `key:` with nothing after it: the entry's place is its key's. */
const isEmpty = (value: unknown): boolean => !isNode(value) || (isScalar(value) && value.value === null && value.range?.[0] === value.range?.[1]);

export function positionTree(doc: Document, counter: LineCounter): PositionTree | null {
  const at = (node: unknown): At => {
    if (!isNode(node) || !node.range) return null;
    const { line, col } = counter.linePos(node.range[0]);
    return [line, col];
  };
  const tree = (node: Node): PositionTree => {
    if (isMap(node)) return { at: at(node), map: node.items.map((p) => [keyText(p), at(p.key), isEmpty(p.value) ? null : tree(p.value as Node)]) };
    if (isSeq(node)) return { at: at(node), seq: node.items.map((item) => (isNode(item) ? tree(item) : null)) };
    return { at: at(node) };
  };
  return isNode(doc.contents) ? tree(doc.contents) : null;
}
