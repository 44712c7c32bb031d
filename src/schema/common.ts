// Small shared zod types: ISO dates that must exist, document numbers (发文字号), trimmed text of bounded length.
import { z } from 'zod';
import { MAX_LINE_CHARS, MAX_PARAGRAPH_CHARS, MAX_SEQ, MAX_YEAR, MIN_YEAR } from './limits.ts';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * The codes our refinements carry in `params`, read back by the loader (src/load/issues.ts) to render
 * the message from src/messages.ts. Extra fields are the message's parameters.
 */
export type RefinementParams =
  | { code: 'schema.date'; reason: 'format' | 'noSuchDate' | 'range' }
  | { code: 'schema.docNumber' }
  | { code: 'schema.controlChar'; ch: string }
  | { code: 'schema.tableRow'; cells: number; columns: number }
  | { code: 'schema.tableWidths'; widths: number; columns: number };

export const issue = (params: RefinementParams) => ({ code: 'custom' as const, params, message: params.code });

/**
 * A calendar date written `YYYY-MM-DD` in YAML: impossible dates (2023-02-30) and years outside
 * MIN_YEAR–MAX_YEAR are refused, so every later stage (the DOCX zip's dates among them) can trust it.
 */
export const IsoDate = z.string().meta({ pattern: ISO_DATE.source }).superRefine((s, ctx) => {
  const match = ISO_DATE.exec(s);
  if (!match) return void ctx.addIssue(issue({ code: 'schema.date', reason: 'format' }));
  const [, y, m, d] = match.map(Number);
  const t = new Date(Date.UTC(y, m - 1, d));
  if (t.getUTCFullYear() !== y || t.getUTCMonth() !== m - 1 || t.getUTCDate() !== d) return void ctx.addIssue(issue({ code: 'schema.date', reason: 'noSuchDate' }));
  if (y < MIN_YEAR || y > MAX_YEAR) ctx.addIssue(issue({ code: 'schema.date', reason: 'range' }));
});

/** Control characters (NUL, ESC, DEL, line breaks inside a value…) print as nothing or break a line: refused where written. */
const CONTROL = /\p{Cc}/u;
function noControl(s: string, ctx: z.core.$RefinementCtx<string>): void {
  const ch = CONTROL.exec(s)?.[0];
  if (ch !== undefined) ctx.addIssue(issue({ code: 'schema.controlChar', ch }));
}

/** A one-line value: a name, a title, a heading. */
export const Text = z.string().trim().min(1).max(MAX_LINE_CHARS).superRefine(noControl);
/** Running text: a paragraph. */
export const Paragraph = z.string().trim().min(1).max(MAX_PARAGRAPH_CHARS).superRefine(noControl);
/** A table cell: may be empty, one line of running text at most. */
export const Cell = z.string().trim().max(MAX_LINE_CHARS * 5).superRefine(noControl);

/** 发文字号 as parts; `seq` may be left out while the number is not yet assigned (printed as a blank). */
export const DocNumberParts = z.strictObject({
  prefix: Text, // 机关代字, e.g. 岔政发
  year: z.number().int().min(MIN_YEAR).max(MAX_YEAR),
  seq: z.number().int().positive().max(MAX_SEQ).optional(),
});

const DOC_NUMBER = /^(.+?)〔(\d{4})〕([1-9]\d{0,4})?号$/;

/** Accepts the parts, or the printed form `岔政发〔2024〕5号` (hexagonal brackets, no leading zero, no 第). */
export const DocNumber = z.union([
  DocNumberParts,
  z
    .string()
    .meta({ pattern: DOC_NUMBER.source })
    .refine((s) => DOC_NUMBER.test(s), { params: { code: 'schema.docNumber' } satisfies RefinementParams })
    .transform((s) => {
      const [, prefix, year, seq] = DOC_NUMBER.exec(s)!;
      return { prefix, year: Number(year), ...(seq ? { seq: Number(seq) } : {}) };
    })
    .pipe(DocNumberParts),
]);
export type DocNumber = z.infer<typeof DocNumberParts>;

// Printing them is not the schema's work, and the writers must not load zod for it: format.ts.
export { formatChineseDate, formatDocNumber } from './format.ts';
