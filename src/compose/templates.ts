// Loads templates/report.yaml once and renders its handlebars strings.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type HandlebarsLib from 'handlebars';
import type * as Zod from 'zod';
import { yamlLibrary, zodLibrary } from '../libraries.ts';
import { recall, remember } from '../load/memo.ts';
import { TOOL_ROOT } from '../toolRoot.ts';

export const TEMPLATES_DIR = join(TOOL_ROOT, 'templates');
/** The report's default wording; the county roll-up's title and narrative (compose/rollup.ts renders them). */
export const REPORT_TEMPLATE = join(TEMPLATES_DIR, 'report.yaml');
export const ROLLUP_TITLE_TEMPLATE = join(TEMPLATES_DIR, 'rollup-title.hbs');
export const ROLLUP_BODY_TEMPLATE = join(TEMPLATES_DIR, 'rollup.hbs');
/** The roll-up's themes (src/rollup/themes.ts reads them). */
export const THEMES_TEMPLATE = join(TEMPLATES_DIR, 'themes.yaml');

const templatesSchema = ({ z }: typeof Zod) =>
  z.strictObject({
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
type ReportTemplates = Zod.infer<ReturnType<typeof templatesSchema>>;

let cached: ReportTemplates | undefined;
/** The templates, validated once per version of the file and kept in the memo (src/load/memo.ts): no yaml or zod then. */
export function reportTemplates(): ReportTemplates {
  if (cached) return cached;
  const bytes = readFileSync(REPORT_TEMPLATE);
  const known = recall('templates', REPORT_TEMPLATE, bytes);
  if (known) return (cached = known as ReportTemplates); // stored below by this code, for these bytes
  cached = templatesSchema(zodLibrary()).parse(yamlLibrary().parse(bytes.toString('utf8')));
  remember('templates', REPORT_TEMPLATE, bytes, cached);
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
