// What `validate` checks in one file, apart from the command (validate.ts), which loads this only when it runs.
import { basename } from 'node:path';
import type { Diagnostic } from '../diagnostics.ts';
import { loadCountyFile, loadReportFile } from '../load/index.ts';
import { sortByPosition } from '../load/parse.ts';
import { preflightReport } from '../preflight.ts';
import { fontCoverage, type HasGlyph } from '../fonts/coverage.ts';

const COUNTY_FILE = 'county.yaml';

/**
 * Everything `build` would refuse, at its position: the schema, then the characters and seal images
 * (src/preflight.ts). `glyphs` defaults to the cached coverage of this run's fonts.
 */
export async function validateFile(file: string, glyphs?: HasGlyph): Promise<Diagnostic[]> {
  if (basename(file).toLowerCase() === COUNTY_FILE) {
    const county = loadCountyFile(file);
    return county.ok ? county.warnings : county.diagnostics;
  }
  const result = loadReportFile(file);
  if (!result.ok) return result.diagnostics;
  const pre = preflightReport(result, { glyphs: glyphs ?? (await fontCoverage()) });
  return sortByPosition([...pre.diagnostics, ...result.warnings]);
}
