// The first data form (`lead`, five fixed `parts`, `closing`; src/schema/legacy.ts) rewritten to the
// author's `body` (src/schema/body.ts) on the parsed YAML document itself. Working on the document,
// not on plain data, keeps every original node with its source range and comments: errors found after
// the rewrite still point at the line the clerk wrote, and `gongwen migrate` writes the file back with
// its comments and modeline. Nothing is dropped: each part becomes a top-level section that `covers`
// its statutory part, its heading the one the old form printed (the template's when none was written),
// its number left to the standard automatic numbering, exactly as the old form was printed.
import { isMap, isScalar, isSeq, Pair, Scalar, YAMLMap, YAMLSeq, type Document, type Node } from 'yaml';
import { reportTemplates, render } from '../compose/templates.ts';
import { PART_KEYS, type PartKey } from '../schema/body.ts';
import { LEGACY_BODY_KEYS } from '../schema/legacy.ts';

type Range = [number, number, number];

const keyOf = (pair: Pair): string | undefined => (isScalar(pair.key) ? String(pair.key.value) : typeof pair.key === 'string' ? pair.key : undefined);

function rangeOf(node: unknown): Range | undefined {
  return node && typeof node === 'object' && 'range' in node && Array.isArray(node.range) ? (node.range as Range) : undefined;
}

function scalarAt<T>(value: T, range: Range | undefined): Scalar<T> {
  const s = new Scalar(value);
  if (range) s.range = range;
  return s;
}

function seqAt(range: Range | undefined): YAMLSeq {
  const seq = new YAMLSeq();
  if (range) seq.range = range;
  return seq;
}

/** Joins the comments above keys that disappear, so they move with what replaces them. */
function joinComments(...comments: (string | undefined | null)[]): string | undefined {
  const kept = comments.filter((c): c is string => !!c);
  return kept.length ? kept.join('\n') : undefined;
}

type Commented = { commentBefore?: string | null; comment?: string | null };
const commentable = (n: unknown): n is Commented => !!n && typeof n === 'object' && ('commentBefore' in n || 'comment' in n || 'items' in n || 'value' in n);

/**
 * A container that disappears (a `paragraphs:` list merged into `body`, the `parts:` mapping) hands
 * its comments on: the one above it to `above`, the one after it to the last element that moved.
 */
function handOnComments(from: unknown, above: Commented, moved: unknown[]): void {
  if (!commentable(from)) return;
  const before = joinComments(above.commentBefore, from.commentBefore);
  if (before) above.commentBefore = before;
  if (from.comment) {
    const last = moved.at(-1);
    const target = commentable(last) ? last : above;
    if (target === above) above.commentBefore = joinComments(above.commentBefore, from.comment);
    else target.comment = joinComments(target.comment, from.comment);
  }
}

/** The nodes of a sequence, or the value itself when the author wrote a single one. */
function elements(value: unknown): unknown[] {
  if (isSeq(value)) return value.items;
  if (value === null || value === undefined || (isScalar(value) && value.value === null)) return [];
  return [value];
}

/** An old item ({heading, inline, paragraphs, items}) → a section, in place: `paragraphs` and `items` become one `body`. */
function upgradeItem(node: unknown): unknown {
  if (!isMap(node)) return node;
  const paragraphs = node.items.find((p) => keyOf(p) === 'paragraphs');
  const items = node.items.find((p) => keyOf(p) === 'items');
  if (!paragraphs && !items) return node;
  const first = paragraphs ?? items!;
  const body = seqAt(rangeOf(paragraphs?.value) ?? rangeOf(items?.value));
  const texts = elements(paragraphs?.value);
  const subs = elements(items?.value).map(upgradeItem);
  body.items.push(...texts, ...subs);
  const key = scalarAt('body', rangeOf(first.key));
  const comment = joinComments(isScalar(paragraphs?.key) ? paragraphs.key.commentBefore : undefined, isScalar(items?.key) ? items.key.commentBefore : undefined);
  if (comment) key.commentBefore = comment;
  if (isSeq(paragraphs?.value)) handOnComments(paragraphs.value, key, texts);
  if (isSeq(items?.value)) handOnComments(items.value, key, subs);
  const at = node.items.indexOf(first);
  node.items = node.items.filter((p) => p !== paragraphs && p !== items);
  node.items.splice(at, 0, new Pair(key, body));
  return node;
}

/** One old part → a top-level section covering it. */
function partSection(pair: Pair, standardHeading: (key: PartKey) => string | undefined): YAMLMap {
  const name = keyOf(pair) ?? '';
  const value = pair.value;
  const section = new YAMLMap();
  const keyRange = rangeOf(pair.key);
  section.range = rangeOf(value) ?? keyRange;
  if (isScalar(pair.key) && pair.key.commentBefore) section.commentBefore = pair.key.commentBefore;
  if (isMap(value)) handOnComments(value, section, [section]);
  const own = isMap(value) ? value.items : [];
  const heading = own.find((p) => keyOf(p) === 'heading');
  const template = (PART_KEYS as readonly string[]).includes(name) ? standardHeading(name as PartKey) : undefined;
  section.items.push(heading ?? new Pair(scalarAt('heading', keyRange), scalarAt(template ?? name, keyRange)));
  // An unknown part name stays as the tag, so the schema reports it where it was written.
  section.items.push(new Pair(scalarAt('covers', keyRange), scalarAt(name, keyRange)));
  const rest = new YAMLMap();
  rest.items = own.filter((p) => p !== heading);
  upgradeItem(rest);
  section.items.push(...rest.items);
  return section;
}

/** Whether a parsed report is in the old form (and not also in the new one). */
export function isLegacyDocument(doc: Document): boolean {
  const root = doc.contents;
  if (!isMap(root)) return false;
  const keys = root.items.map(keyOf);
  return !keys.includes('body') && keys.some((k) => (LEGACY_BODY_KEYS as readonly (string | undefined)[]).includes(k));
}

/**
 * Rewrites an old-form report document to the `body` form in place; false when it is not in the old form.
 * Order as the old form printed: lead, the parts in statutory order (unknown names after), closing.
 */
export function upgradeDocument(doc: Document): boolean {
  if (!isLegacyDocument(doc)) return false;
  const root = doc.contents as YAMLMap;
  const pairOf = (k: string) => root.items.find((p) => keyOf(p) === k);
  const [lead, parts, closing] = LEGACY_BODY_KEYS.map(pairOf);
  const yearNode = pairOf('year')?.value;
  const year = isScalar(yearNode) && typeof yearNode.value === 'number' ? yearNode.value : undefined;
  const templates = reportTemplates();
  const standardHeading = (k: PartKey) => render(templates.parts[k], { year, nextYear: year === undefined ? undefined : year + 1 });

  const present = [lead, parts, closing].filter((p): p is Pair => !!p);
  const body = seqAt(rangeOf(present[0].value) ?? rangeOf(present[0].key));
  body.items.push(...elements(lead?.value));
  if (parts) {
    const partPairs = isMap(parts.value) ? (parts.value.items as Pair[]) : [];
    const rank = (p: Pair) => {
      const i = (PART_KEYS as readonly (string | undefined)[]).indexOf(keyOf(p));
      return i < 0 ? PART_KEYS.length : i;
    };
    const ordered = [...partPairs].sort((a, b) => rank(a) - rank(b));
    const sections = ordered.map((p) => partSection(p, standardHeading));
    // The comment above the first part is held by the `parts:` mapping: it goes to the first section.
    if (sections.length > 0) handOnComments(parts.value, sections[0], sections);
    body.items.push(...sections);
    if (!isMap(parts.value) && parts.value !== null && !(isScalar(parts.value) && parts.value.value === null)) body.items.push(parts.value as Node);
  }
  body.items.push(...elements(closing?.value));

  const key = scalarAt('body', rangeOf(present[0].key));
  const comment = joinComments(...present.map((p) => (isScalar(p.key) ? p.key.commentBefore : undefined)));
  if (comment) key.commentBefore = comment;
  for (const list of [lead, closing]) if (isSeq(list?.value)) handOnComments(list.value, key, list.value.items);
  const at = root.items.indexOf(present[0]);
  root.items = root.items.filter((p) => !present.includes(p));
  root.items.splice(at, 0, new Pair(key, body));
  return true;
}
