// Reading an imported body in tests: its sections, and an outline of numbers and headings by depth.
import type { BodyNode, Section } from '../../src/schema/body.ts';
import { isSection } from '../../src/schema/bodyWalk.ts';
import { Report } from '../../src/schema/report.ts';

/** The imported report's shape: the report schema, whose body is the author's (issue 10). */
export const ImportedShape = Report;


/** The sections directly in a body. */
export const sections = (body: readonly BodyNode[]): Section[] => body.filter(isSection);

/** `一、heading` lines, two spaces per depth, down to maxDepth levels. */
export function outline(body: readonly BodyNode[], maxDepth = 9, depth = 0): string[] {
  if (depth >= maxDepth) return [];
  return sections(body).flatMap((s) => [`${'  '.repeat(depth)}${s.number ?? ''}${s.heading}`, ...outline(s.body ?? [], maxDepth, depth + 1)]);
}
