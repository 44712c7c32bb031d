// The report (法治政府建设情况报告) as data: one YAML file per township and year.
import { z } from 'zod';
import { IsoDate, Text, DocNumber, issue } from './common.ts';
import { METRIC_KEYS } from './catalogue.ts';
import { Attachment, Body, type BodyNode } from './body.ts';

export { PART_KEYS, PartKey } from './body.ts';
import { MAX_YEAR } from './limits.ts';
import { VARIANTS } from './variants.ts';

export { VARIANTS };
export const Variant = z.enum(VARIANTS);
export type Variant = z.infer<typeof Variant>;

export const Organ = z.strictObject({
  name: Text, // full name, e.g. 如东县岔河镇人民政府 (used in the signature)
  short: Text.optional(), // the form in the red mark (发文机关标志); defaults to `name`
  seal: Text.optional(), // path to a user-supplied seal image (印章), relative to the YAML file
});
export type Organ = z.infer<typeof Organ>;

export const QUALIFIERS = ['余', '多', '近', '约'] as const;
export const MetricValue = z.strictObject({
  value: z.number().nonnegative().max(1e12), // printed as digits: no exponent notation
  unit: Text,
  qualifier: z.enum(QUALIFIERS).optional(), // 13500余份 → value 13500, qualifier 余
  source: Text.optional(), // the phrase in the text the figure comes from
});
export type MetricValue = z.infer<typeof MetricValue>;

export const Report = z
  .strictObject({
  township: Text, // 乡镇（街道）
  county: Text, // 县（市、区）
  city: Text.optional(),
  province: Text.optional(),
  year: z.number().int().min(2000).max(MAX_YEAR - 1), // the year reported on (its report is dated the next year at the latest)
  variant: Variant.default('file-up'),
  copyNo: Text.optional(), // 份号
  secrecy: Text.optional(), // 密级和保密期限
  urgency: Text.optional(), // 紧急程度
  issuingOrgans: z.array(Organ).min(1, { message: '至少需要一个发文机关 / at least one issuing organ' }),
  docNumber: DocNumber.optional(),
  signers: z.array(Text).optional(), // 签发人, in the organs' order
  addressee: Text.optional(), // 主送机关, e.g. 县委、县政府
  date: IsoDate.optional(), // 成文日期
  title: Text.optional(), // defaults to templates/title.hbs
  // The author's document in order (src/schema/body.ts). Absent: a new report, printed as the
  // template's skeleton of the five standard headings (templates/report.yaml) for the clerk to fill.
  body: Body.optional(),
  attachments: z.array(Attachment).optional(), // 附件: a name, or a title with content
  note: z.strictObject({ contact: Text.optional(), phone: Text.optional() }).optional(), // 附注
  cc: z.array(Text).optional(), // 抄送
  printer: z.strictObject({ organ: Text, date: IsoDate }).optional(), // 印发机关 and 印发日期
  metrics: z.partialRecord(z.enum(METRIC_KEYS), MetricValue).optional(),
  source: Text.optional(), // the file it was imported from, e.g. seeds/000_….txt
  })
  .superRefine((report, ctx) => {
    report.body?.forEach((node, i) => checkTables(node, ['body', i], ctx));
    report.attachments?.forEach((a, i) => {
      if (typeof a !== 'string') a.body?.forEach((node, j) => checkTables(node, ['attachments', i, 'body', j], ctx));
    });
  });
export type Report = z.infer<typeof Report>;
export type ReportInput = z.input<typeof Report>;

/** Every table row has as many cells as the table has columns: a short row would shift its cells. */
function checkTables(node: BodyNode, path: (string | number)[], ctx: z.RefinementCtx): void {
  if (typeof node === 'string') return;
  if ('table' in node) {
    const n = node.table.columns.length;
    node.table.rows.forEach((row, r) => {
      if (row.length !== n) {
        ctx.addIssue({ ...issue({ code: 'schema.tableRow', cells: row.length, columns: n }), path: [...path, 'table', 'rows', r] });
      }
    });
    const w = node.table.widths;
    if (w && w.length !== n) {
      ctx.addIssue({ ...issue({ code: 'schema.tableWidths', widths: w.length, columns: n }), path: [...path, 'table', 'widths'] });
    }
    return;
  }
  node.body?.forEach((child, i) => checkTables(child, [...path, 'body', i], ctx));
}
