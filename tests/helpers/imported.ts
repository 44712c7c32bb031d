// Reading an imported body in tests: its sections, and an outline of numbers and headings by depth.
import { z } from 'zod';
import { Attachment, Body, type BodyNode, type Section } from '../../src/schema/body.ts';
import { Report } from '../../src/schema/report.ts';

/** The imported report's shape: the report schema with the author's body (issue 10). */
export const ImportedShape = Report.omit({ parts: true, lead: true, closing: true, attachments: true }).extend({
  body: Body,
  attachments: z.array(Attachment).optional(),
});

export const isSection = (n: BodyNode): n is Section => typeof n === 'object' && 'heading' in n;

/** The sections directly in a body. */
export const sections = (body: readonly BodyNode[]): Section[] => body.filter(isSection);

/** `一、heading` lines, two spaces per depth, down to maxDepth levels. */
export function outline(body: readonly BodyNode[], maxDepth = 9, depth = 0): string[] {
  if (depth >= maxDepth) return [];
  return sections(body).flatMap((s) => [`${'  '.repeat(depth)}${s.number ?? ''}${s.heading}`, ...outline(s.body ?? [], maxDepth, depth + 1)]);
}
