// Reading the author's body (src/schema/body.ts) as text: every piece in reading order with its data
// path, and the content a statutory part has by the `covers` tags. Shared by the checks, the metrics
// and the roll-up, so that they all read the same document the same way.
import { coversOf, type BodyNode, type PartKey, type Section } from './body.ts';

export type BodyPath = (string | number)[];

export interface TextPiece {
  path: BodyPath; // e.g. ['body', 2, 'body', 0] for a paragraph, [..., 'heading'] for a heading
  text: string;
  kind: 'heading' | 'paragraph' | 'caption' | 'row';
}

export const isSection = (node: BodyNode): node is Section => typeof node !== 'string' && 'heading' in node;

/**
 * Every text of a body in reading order: headings, paragraphs, table captions, and each table row
 * read as one phrase (header-less cells glued, so `普法活动` `67场次` reads 普法活动67场次).
 */
export function bodyTexts(nodes: readonly BodyNode[] | undefined, path: BodyPath): TextPiece[] {
  const out: TextPiece[] = [];
  (nodes ?? []).forEach((node, i) => {
    const at = [...path, i];
    if (typeof node === 'string') out.push({ path: at, text: node, kind: 'paragraph' });
    else if (isSection(node)) {
      out.push({ path: [...at, 'heading'], text: node.heading, kind: 'heading' });
      out.push(...bodyTexts(node.body, [...at, 'body']));
    } else {
      const t = node.table;
      if (t.caption) out.push({ path: [...at, 'table', 'caption'], text: t.caption, kind: 'caption' });
      t.rows.forEach((row, r) => out.push({ path: [...at, 'table', 'rows', r], text: row.join(''), kind: 'row' }));
    }
  });
  return out;
}

export interface Covering {
  section: Section;
  path: BodyPath; // the section's data path
}

/** Whether a section or any section inside it carries a `covers` tag. */
export const tagged = (s: Section): boolean => coversOf(s).length > 0 || (s.body ?? []).some((n) => isSection(n) && tagged(n));

/**
 * The sections that carry a part's content, most specific tag first: a section that covers the part
 * counts whole unless sections inside it carry tags of their own (一、主要做法和存在问题 with
 * （一）主要做法 covering `measures` and （二）存在问题 covering `shortcomings`), then those decide.
 */
export function sectionsCovering(nodes: readonly BodyNode[] | undefined, key: PartKey, path: BodyPath = ['body']): Covering[] {
  const out: Covering[] = [];
  (nodes ?? []).forEach((node, i) => {
    if (!isSection(node)) return;
    const at = [...path, i];
    const inner = (node.body ?? []).some((n) => isSection(n) && tagged(n));
    if (coversOf(node).includes(key) && !inner) out.push({ section: node, path: at });
    else out.push(...sectionsCovering(node.body, key, [...at, 'body']));
  });
  return out;
}

/** The top-level sections, with their paths. */
export function topSections(nodes: readonly BodyNode[] | undefined): Covering[] {
  return (nodes ?? []).flatMap((node, i) => (isSection(node) ? [{ section: node, path: ['body', i] }] : []));
}
