// What the build checks of a loaded report before it composes anything, and what `validate` checks the same
// way, so that validate refuses exactly what build would: every character printable by some resolved font,
// and every seal image usable. Each problem is reported at the YAML position of the value that causes it.
import type { Diagnostic } from './diagnostics.ts';
import { diag } from './diagnostics.ts';
import type { HasGlyph } from './fonts/coverage.ts';
import { LATIN } from './layout/linebreak.ts';
import type { DataPath, Loaded } from './load/index.ts';
import { loadSeals, type SealImage } from './load/seals.ts';
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
export function missingGlyphs(data: unknown, has: HasGlyph, file: string, lineOf: Loaded<'report', Report>['lineOf']): Diagnostic[] {
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
  return { seals, diagnostics: [...missingGlyphs(report, opts.glyphs, file, lineOf), ...diagnostics] };
}
