// Small shared zod types: ISO dates that must exist, document numbers (发文字号), trimmed text.
import { z } from 'zod';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A calendar date written `YYYY-MM-DD` in YAML; impossible dates (2023-02-30) are refused. */
export const IsoDate = z
  .string()
  .regex(ISO_DATE, { message: '日期应写作 YYYY-MM-DD / date must be written YYYY-MM-DD' })
  .refine(
    (s) => {
      // zod runs this check even when the regex failed; that failure is already reported
      const match = ISO_DATE.exec(s);
      if (!match) return true;
      const [, y, m, d] = match.map(Number);
      const t = new Date(Date.UTC(y, m - 1, d));
      return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
    },
    { message: '日期不存在 / no such calendar date' },
  );

export const Text = z.string().trim().min(1, { message: '不能为空 / must not be empty' });

/** 发文字号 as parts; `seq` may be left out while the number is not yet assigned (printed as a blank). */
export const DocNumberParts = z.strictObject({
  prefix: Text, // 机关代字, e.g. 岔政发
  year: z.number().int().min(1949).max(2100),
  seq: z.number().int().positive().optional(),
});

const DOC_NUMBER = /^(.+?)〔(\d{4})〕([1-9]\d*)?号$/;

/** Accepts the parts, or the printed form `岔政发〔2024〕5号` (hexagonal brackets, no leading zero, no 第). */
export const DocNumber = z.union([
  DocNumberParts,
  z
    .string()
    .regex(DOC_NUMBER, {
      message:
        '发文字号格式应为“机关代字〔年份〕序号号”，如 岔政发〔2024〕5号（用六角括号〔〕，序号不编虚位、不加“第”） / document number must look like 岔政发〔2024〕5号',
    })
    .transform((s) => {
      const [, prefix, year, seq] = DOC_NUMBER.exec(s)!;
      return { prefix, year: Number(year), seq: seq ? Number(seq) : undefined };
    }),
]);
export type DocNumber = z.infer<typeof DocNumberParts>;

export function formatDocNumber(n: DocNumber): string {
  // An unassigned number keeps its place with a full-width space, as clerks fill it in by hand.
  return `${n.prefix}〔${n.year}〕${n.seq ?? '　'}号`;
}

/** `2024-01-05` → `2024年1月5日` (Arabic numerals, no zero padding, per GB/T 9704). */
export function formatChineseDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}
