// Saving loses nothing: the edited data is laid over the file's own YAML Document node by node, so every
// comment, the key order, the modeline and the quoting of untouched values stay exactly as they were.
// Only what changed is rewritten; a new key goes where the editor's data puts it among its neighbours.
import { isMap, isNode, isPair, isScalar, isSeq, Pair, type Document, type Node } from 'yaml';

type Plain = Record<string, unknown>;
const isPlainObject = (v: unknown): v is Plain => typeof v === 'object' && v !== null && !Array.isArray(v);

function keyOf(pair: Pair): string {
  return isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
}

/** A replacement node keeps the comments that stood on the node it replaces. */
function replace(doc: Document, old: unknown, value: unknown): Node {
  const fresh = doc.createNode(value);
  if (isNode(old)) {
    fresh.commentBefore = old.commentBefore;
    fresh.comment = old.comment;
    fresh.spaceBefore = old.spaceBefore;
  }
  return fresh;
}

function mergeNode(doc: Document, node: unknown, value: unknown): unknown {
  if (Array.isArray(value)) {
    if (!isSeq(node)) return replace(doc, node, value);
    value.forEach((v, i) => {
      node.items[i] = i < node.items.length ? mergeNode(doc, node.items[i], v) : doc.createNode(v);
    });
    node.items.length = value.length;
    return node;
  }
  if (isPlainObject(value)) {
    if (!isMap(node)) return replace(doc, node, value);
    mergeMap(doc, node.items as Pair[], value);
    return node;
  }
  if (isScalar(node)) {
    if (node.value === value) return node;
    if (value !== null && typeof node.value === typeof value) {
      node.value = value;
      return node;
    }
  }
  return replace(doc, node, value);
}

function mergeMap(doc: Document, items: Pair[], value: Plain, order?: readonly string[]): void {
  const keys = Object.keys(value).filter((k) => value[k] !== undefined);
  const wanted = new Set(keys);
  for (let i = items.length - 1; i >= 0; i--) if (!isPair(items[i]) || !wanted.has(keyOf(items[i]))) items.splice(i, 1);
  keys.forEach((k, j) => {
    const at = items.findIndex((p) => keyOf(p) === k);
    if (at >= 0) {
      items[at].value = mergeNode(doc, items[at].value, value[k]);
      return;
    }
    // A new key: before the first key already in the file that follows it in the schema's order (the
    // report's top level), else in the editor's order.
    const rank = order && order.includes(k) ? order.indexOf(k) : -1;
    const later = new Set(rank >= 0 ? order!.slice(rank + 1) : keys.slice(j + 1));
    const before = items.findIndex((p) => later.has(keyOf(p)));
    const pair = doc.createPair(k, value[k]) as Pair;
    if (before < 0) items.push(pair);
    else items.splice(before, 0, pair);
  });
}

/** Lays `data` over `doc` in place; `order` is the top level's key order for keys the file does not have yet. */
export function applyData(doc: Document, data: unknown, order?: readonly string[]): void {
  if (order && isMap(doc.contents) && isPlainObject(data)) mergeMap(doc, doc.contents.items as Pair[], data, order);
  else doc.contents = mergeNode(doc, doc.contents, data) as Document['contents'];
}

/** The YAML text of a document as the project writes it: long paragraphs stay on one line. */
export function yamlText(doc: Document): string {
  return doc.toString({ lineWidth: 0 });
}
