// Printed text that comes from the tool's own templates rather than from the data: a report's default title, part
// headings and 附注 (templates/report.yaml), the roll-up's title and narrative (templates/*.hbs) and its theme names
// (templates/themes.yaml). An office that edits a template and types a character no font has is told where, at the
// template's line:col, before anything is typeset (the typesetter would only know the finished line).
import { readFileSync } from 'node:fs';
import type { Node } from 'yaml';
import { REPORT_TEMPLATE, ROLLUP_BODY_TEMPLATE, ROLLUP_TITLE_TEMPLATE, THEMES_TEMPLATE } from '../compose/templates.ts';
import type { Diagnostic } from '../diagnostics.ts';
import { diag } from '../diagnostics.ts';
import type { HasGlyph } from '../fonts/coverage.ts';
import { LATIN } from '../layout/linebreak.ts';
import { yamlLibrary } from '../libraries.ts';
import { recall, remember } from './memo.ts';
import { linePosition } from './positions.ts';

/** A template file and which of its strings are printed (every string when `printed` is absent). */
interface Template {
  file: string;
  printed?: (key: string) => boolean;
}

const REPORT_TEMPLATES: readonly Template[] = [{ file: REPORT_TEMPLATE }];
const ROLLUP_TEMPLATES: readonly Template[] = [
  { file: ROLLUP_TITLE_TEMPLATE },
  { file: ROLLUP_BODY_TEMPLATE },
  // A theme's keywords are only matched, never printed; its headings are.
  { file: THEMES_TEMPLATE, printed: (key) => key === 'shortcoming' || key === 'plan' },
];

/** The first character in `text[from, to)` that no font has, with its offset; whitespace is never printed as ink. */
function firstMissing(text: string, from: number, to: number, has: HasGlyph): { ch: string; at: number } | undefined {
  for (let i = from; i < to; ) {
    const ch = String.fromCodePoint(text.codePointAt(i) ?? 0);
    if (!/\s/u.test(ch) && !has(ch, LATIN.test(ch))) return { ch, at: i };
    i += ch.length;
  }
  return undefined;
}

/** Handlebars text with its expressions and comments ({{…}}, {{!-- … --}}) blanked out, offsets kept. */
function literalText(source: string): string {
  return source.replace(/\{\{!--[\s\S]*?--\}\}|\{\{[\s\S]*?\}\}/g, (m) => m.replace(/[^\n]/g, ' '));
}

/** A printed string of a YAML template: its value, and where it is written in the file ([start, end) offsets). */
type Printed = [value: string, start: number, end: number];

/** The printed strings of a YAML template, parsed once per version of the file (kept in the memo, memo.ts). */
function printedStrings({ file, printed }: Template, bytes: Buffer): Printed[] {
  const known = recall('template-strings', file, bytes);
  if (Array.isArray(known)) return known as Printed[]; // stored below by this code, for these bytes
  const { isMap, isScalar, isSeq, parseDocument } = yamlLibrary();
  const out: Printed[] = [];
  const visit = (node: unknown, key: string | undefined) => {
    if (isMap(node)) for (const p of node.items) visit(p.value, isScalar(p.key) ? String(p.key.value) : key);
    else if (isSeq(node)) for (const item of node.items) visit(item, key);
    else if (isScalar(node) && typeof node.value === 'string' && node.range && (!printed || (key !== undefined && printed(key)))) {
      out.push([node.value, node.range[0], node.range[1]]);
    }
  };
  visit(parseDocument(bytes.toString('utf8')).contents as Node | null, undefined);
  remember('template-strings', file, bytes, out);
  return out;
}

/** One diagnostic per printed string of a YAML template (or per Handlebars file): its first character no font has. */
function checkTemplate(template: Template, has: HasGlyph): Diagnostic[] {
  const { file } = template;
  const bytes = readFileSync(file);
  const source = bytes.toString('utf8');
  const linePos = linePosition(source);
  const at = (ch: string, offset: number) => diag('template.missingGlyph', { ch }, { file, ...linePos(offset) });
  if (file.endsWith('.hbs')) {
    const hit = firstMissing(literalText(source), 0, source.length, has);
    return hit ? [at(hit.ch, hit.at)] : [];
  }
  const out: Diagnostic[] = [];
  for (const [value, start, end] of printedStrings(template, bytes)) {
    const hit = firstMissing(value, 0, value.length, has);
    if (!hit) continue;
    // The character where it is written, when it is written as itself (not as an escape): else the value's start.
    const written = source.indexOf(hit.ch, start);
    out.push(at(hit.ch, written !== -1 && written < end ? written : start));
  }
  return out;
}

const checked = new WeakMap<HasGlyph, Map<readonly Template[], Diagnostic[]>>();
/** The templates' problems for one set of fonts, found once per process (a build of many reports asks for each). */
function templateGlyphs(templates: readonly Template[], has: HasGlyph): Diagnostic[] {
  let byList = checked.get(has);
  if (!byList) checked.set(has, (byList = new Map()));
  let found = byList.get(templates);
  if (!found) byList.set(templates, (found = templates.flatMap((t) => checkTemplate(t, has))));
  return found;
}

/** Characters no font has in the templates a report prints from (its default title, headings and 附注). */
export const reportTemplateGlyphs = (has: HasGlyph): Diagnostic[] => templateGlyphs(REPORT_TEMPLATES, has);
/** Characters no font has in the templates the county roll-up prints from. */
export const rollupTemplateGlyphs = (has: HasGlyph): Diagnostic[] => templateGlyphs(ROLLUP_TEMPLATES, has);
