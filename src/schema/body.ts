// The author's document as data (issue 10): an ordered body of paragraphs, headed sections and tables,
// kept exactly as written. The five statutory parts are tags (`covers`) on the author's sections,
// not the shape of the document. Agreed schema: the importer, compose, the roll-up and the editor
// (`gongwen serve`) all read and write this form.
//
//   body:
//     - 2023年，我们坚持……现将有关情况报告如下。          # a paragraph: a plain string
//     - heading: 强化法治思维，筑牢法治建设根基          # a section: heading text without its number
//       number: 一、                                   # the author's number, verbatim
//       covers: measures                               # or [measures, shortcomings]; absent = unknown
//       body:
//         - heading: 加强组织领导。
//           number: （一）
//           inline: true                               # run-in: opens its first paragraph
//           body: [一是……二是……]
//     - table:                                         # a table in the body
//         caption: 2023年法治建设主要数据
//         columns: [项目, 数量]
//         rows: [[普法活动, 67场次]]
import { z } from 'zod';
import { Cell, Paragraph, Text } from './common.ts';
import { PART_KEYS } from './parts.ts';

export { PART_KEYS };
export const PartKey = z.enum(PART_KEYS);
export type PartKey = z.infer<typeof PartKey>;

/** A table block: header cells, then rows of cells (strings, as written). */
export const TableBlock = z.strictObject({
  table: z.strictObject({
    caption: Text.optional(),
    columns: z.array(Text).min(1), // header cells, one per column
    widths: z.array(z.number().positive()).optional(), // relative column widths; equal when absent
    rows: z.array(z.array(Cell)), // each row as many cells as columns (checked in the loader)
  }),
});
export type TableBlock = z.infer<typeof TableBlock>;

/**
 * A heading with what stands under it, in order.
 * `number` is printed exactly as given ('一、', '（一）', '1.', '（1）', or a typo the author made);
 * `''` means an unnumbered heading; absent means "number me": the standard style of the section's
 * depth (一、 （一） 1. （1）), counted among its siblings that are numbered automatically too.
 * The heading's font follows the number's style (一、 黑体, （一） 楷体, 1. and （1） 仿宋), else its depth.
 */
export interface Section {
  heading: string;
  number?: string;
  covers?: PartKey | PartKey[]; // meaningful on top-level sections
  inline?: boolean; // run-in heading: 「（一）加强组织领导。」 opens the first paragraph
  body?: BodyNode[];
}
export type BodyNode = string | Section | TableBlock;

export const Section: z.ZodType<Section, Section> = z.lazy(() =>
  z.strictObject({
    heading: Text,
    number: z.string().trim().optional(),
    covers: z.union([PartKey, z.array(PartKey).min(1)]).optional(),
    inline: z.boolean().optional(),
    body: z.array(BodyNode).optional(),
  }),
);
export const BodyNode: z.ZodType<BodyNode, BodyNode> = z.lazy(() => z.union([Paragraph, Section, TableBlock]));
export const Body = z.array(BodyNode);

/** 附件: a title (as in the 附件说明) and, optionally, its content laid out on its own pages (7.3.7). */
export const Attachment = z.union([
  Text, // the old form: the name only
  z.strictObject({
    title: Text,
    body: Body.optional(),
  }),
]);
export type Attachment = z.infer<typeof Attachment>;

/** The parts a section covers, as a list. */
export function coversOf(section: Section): PartKey[] {
  if (!section.covers) return [];
  return Array.isArray(section.covers) ? section.covers : [section.covers];
}
