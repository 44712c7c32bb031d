// What the build checks of a loaded report before it composes anything, and what `validate` checks the same
// way, so that validate refuses exactly what build would: every character printable by some resolved font (in
// the data and in the tool's templates it prints from), and every seal image usable. Each problem is reported at the YAML position of the value that causes it.
import type { Diagnostic } from './diagnostics.ts';
import { atSource, diag, GongwenError } from './diagnostics.ts';
import type { HasGlyph } from './fonts/coverage.ts';
import { bodyBlocks } from './compose/report.ts';
import type { Block } from './compose/model.ts';
import { geometry } from './layout/geometry.ts';
import { LATIN } from './layout/linebreak.ts';
import type { Measure } from './layout/measure.ts';
import { checkTableColumns, layoutTable, tableMayOverflow } from './layout/table.ts';
import type { DataPath, Loaded, Position } from './load/index.ts';
import { placeDiagnostics } from './load/positions.ts';
import { loadSeals, type SealImage } from './load/seals.ts';
import { reportTemplateGlyphs, rollupTemplateGlyphs } from './load/templateGlyphs.ts';
import type { County } from './schema/county.ts';
import type { Profile } from './schema/profile.ts';
import type { Report, Variant } from './schema/report.ts';

/** Values that are never printed: file paths and the import's provenance. */
const NOT_PRINTED = new Set(['seal', 'source']);

/** Every printed string of the data with its path, in document order. */
function* strings(value: unknown, path: (string | number)[] = []): Generator<[string, DataPath]> {
  if (typeof value === 'string') yield [value, path];
  else if (Array.isArray(value)) for (let i = 0; i < value.length; i++) yield* strings(value[i], [...path, i]);
  else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) if (!NOT_PRINTED.has(k)) yield* strings(v, [...path, k]);
  }
}

/** One diagnostic per value: its first character that no font has. */
export function missingGlyphs(data: unknown, has: HasGlyph, file: string, lineOf: (path: DataPath) => Position): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const [text, path] of strings(data)) {
    for (const ch of text) {
      if (has(ch, LATIN.test(ch))) continue;
      out.push(diag('font.missingGlyph', { ch }, { file, ...lineOf(path) }));
      break;
    }
  }
  return out;
}

/** What `validate` needs to ask the typesetter whether each table fits: the profile, and fonts when a cell is long. */
export interface TableCheck {
  profile: Profile;
  measure: () => Promise<Measure>; // loaded only for a table whose rows might be taller than a page
}

/**
 * Tables the typesetter would refuse (src/layout/table.ts), at the data path of the column or row: a column too
 * narrow for one character (no fonts needed), and a row taller than a page, asked of the typesetter itself for
 * the tables whose cells are long enough for that to be possible. The build finds the same in its layout.
 */
export async function tableProblems(report: Report, file: string, lineOf: (path: DataPath) => Position, check: TableCheck): Promise<Diagnostic[]> {
  const g = geometry(check.profile);
  const blocks: Block[] = [
    ...bodyBlocks(report.body ?? [], ['body'], 1),
    ...(report.attachments ?? []).flatMap((a, i) => (typeof a === 'string' ? [] : bodyBlocks(a.body ?? [], ['attachments', i, 'body'], 1))),
  ];
  const out: Diagnostic[] = [];
  for (const b of blocks) {
    if (b.kind !== 'table') continue;
    const measure = tableMayOverflow(b.table, g.height, check.profile) ? await check.measure() : undefined;
    try {
      atSource(b.src, () => {
        checkTableColumns(b.table, g.width, check.profile);
        if (measure) layoutTable(b.table, { width: g.width, measure, profile: check.profile }, g.height);
      });
    } catch (e) {
      if (!(e instanceof GongwenError)) throw e;
      out.push(...placeDiagnostics(e.diagnostics, file, lineOf));
    }
  }
  return out;
}

/**
 * county.yaml: every printed value of the roll-up's header, signature and colophon has a glyph; so has every
 * character the roll-up prints from the tool's templates (reported in the template, at its line:col).
 */
export function preflightCounty(loaded: Loaded<'county', County>, glyphs: HasGlyph): Diagnostic[] {
  return [...missingGlyphs(loaded.county, glyphs, loaded.file, loaded.lineOf), ...rollupTemplateGlyphs(glyphs)];
}

export interface Preflight {
  seals: Map<string, SealImage>;
  diagnostics: Diagnostic[]; // errors only; empty when the report can be built
}

/** Characters and seal images of a loaded report, for the variant it will be built in. */
export function preflightReport(loaded: Loaded<'report', Report>, opts: { variant?: Variant; glyphs: HasGlyph }): Preflight {
  const { report, file, lineOf } = loaded;
  const variant = opts.variant ?? report.variant;
  // A plain document carries no seal, so its images are neither read nor required.
  const { seals, diagnostics } = variant === 'plain' ? { seals: new Map<string, SealImage>(), diagnostics: [] } : loadSeals(report.issuingOrgans, file, lineOf);
  // Tables are not checked here: the build leaves them to its typesetter, and validate asks tableProblems.
  return { seals, diagnostics: [...missingGlyphs(report, opts.glyphs, file, lineOf), ...reportTemplateGlyphs(opts.glyphs), ...diagnostics] };
}
