// Loads templates/report.yaml once and renders its handlebars strings.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type HandlebarsLib from 'handlebars';
import { parse } from 'yaml';
import { z } from 'zod';
import { TOOL_ROOT } from '../toolRoot.ts';

export const TEMPLATES_DIR = join(TOOL_ROOT, 'templates');
/** The report's default wording; the county roll-up's title and narrative (compose/rollup.ts renders them). */
export const REPORT_TEMPLATE = join(TEMPLATES_DIR, 'report.yaml');
export const ROLLUP_TITLE_TEMPLATE = join(TEMPLATES_DIR, 'rollup-title.hbs');
export const ROLLUP_BODY_TEMPLATE = join(TEMPLATES_DIR, 'rollup.hbs');

const ReportTemplates = z.strictObject({
  title: z.string(),
  parts: z.strictObject({
    measures: z.string(),
    leadership: z.string(),
    shortcomings: z.string(),
    nextYear: z.string(),
    other: z.string(),
  }),
  note: z.string(),
});
type ReportTemplates = z.infer<typeof ReportTemplates>;

let cached: ReportTemplates | undefined;
export function reportTemplates(): ReportTemplates {
  cached ??= ReportTemplates.parse(parse(readFileSync(REPORT_TEMPLATE, 'utf8')));
  return cached;
}

// Handlebars is required on first use: the loader reaches this module for old-form reports only, and
// `validate` of a report in the body form should not pay for loading it (about 15 ms).
let handlebars: typeof HandlebarsLib | undefined;
const loadHandlebars = (): typeof HandlebarsLib =>
  (handlebars ??= createRequire(join(TOOL_ROOT, 'package.json'))('handlebars') as typeof HandlebarsLib);

const compiled = new Map<string, HandlebarsTemplateDelegate>();
/** Renders a template string; output is plain text, so nothing is HTML-escaped. */
export function render(template: string, vars: object): string {
  let fn = compiled.get(template);
  if (!fn) {
    fn = loadHandlebars().compile(template, { noEscape: true, strict: false });
    compiled.set(template, fn);
  }
  return fn(vars).trim();
}
