// What `validate` checks in one file, apart from the command (validate.ts), which loads this only when it runs.
import { basename } from 'node:path';
import type { Diagnostic } from '../diagnostics.ts';
import { loadCountyFile, loadReportFile } from '../load/index.ts';
import { sortByPosition } from '../load/parse.ts';
import { preflightReport } from '../preflight.ts';
import { cachedGlyphs } from '../fonts/coverage.ts';

const COUNTY_FILE = 'county.yaml';

/** Everything `build` would refuse, at its position: the schema, then the characters and seal images (src/preflight.ts). */
export function validateFile(file: string): Diagnostic[] {
  if (basename(file).toLowerCase() === COUNTY_FILE) {
    const county = loadCountyFile(file);
    return county.ok ? county.warnings : county.diagnostics;
  }
  const result = loadReportFile(file);
  if (!result.ok) return result.diagnostics;
  const pre = preflightReport(result, { glyphs: cachedGlyphs() });
  return sortByPosition([...pre.diagnostics, ...result.warnings]);
}
