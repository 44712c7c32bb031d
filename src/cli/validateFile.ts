// What `validate` checks in one file, apart from the command (validate.ts), which loads this only when it runs.
import { basename } from 'node:path';
import type { Diagnostic } from '../diagnostics.ts';
import { sortByPosition } from '../load/positions.ts';
import { loadReport } from '../load/reportMemo.ts';
import { preflightCounty, preflightReport, tableProblems } from '../preflight.ts';
import { fontCoverage, type HasGlyph } from '../fonts/coverage.ts';
import { loadProfile } from '../layout/profile.ts';

const COUNTY_FILE = 'county.yaml';

/** The typesetter's measure of the resolved fonts, loaded (with the font parser) only for a table that needs it. */
async function loadMeasure() {
  const [{ loadFontSet }, { measureOf }] = await Promise.all([import('../fonts/index.ts'), import('../fonts/measure.ts')]);
  return measureOf(loadFontSet());
}

/**
 * Everything `build` would refuse, at its position: the schema, then the characters, seal images and tables
 * (src/preflight.ts). `glyphs` defaults to the cached coverage of this run's fonts.
 */
export async function validateFile(file: string, glyphs?: HasGlyph): Promise<Diagnostic[]> {
  if (basename(file).toLowerCase() === COUNTY_FILE) {
    const { loadCountyFile } = await import('../load/report.ts');
    const county = loadCountyFile(file);
    return county.ok ? sortByPosition([...preflightCounty(county, glyphs ?? (await fontCoverage())), ...county.warnings]) : county.diagnostics;
  }
  const result = await loadReport(file); // through the memo: a file seen before needs no YAML parser or schema
  if (!result.ok) return result.diagnostics;
  const pre = preflightReport(result, { glyphs: glyphs ?? (await fontCoverage()) });
  const tables = await tableProblems(result.report, file, result.lineOf, { profile: loadProfile(), measure: loadMeasure });
  return sortByPosition([...pre.diagnostics, ...tables, ...result.warnings]);
}
