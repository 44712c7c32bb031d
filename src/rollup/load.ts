// Reading county.yaml and township reports for the roll-up, through the project's loader (src/load/),
// reduced to the one shape the roll-up needs: a value with warnings, or diagnostics with file:line:col.
import type { Diagnostic } from '../diagnostics.ts';
import type { County } from '../schema/county.ts';
import type { Report } from '../schema/report.ts';
import { loadCountyFile, loadReportFile } from '../load/index.ts';

export type Loaded<T> = { ok: true; value: T; warnings: Diagnostic[] } | { ok: false; diagnostics: Diagnostic[] };

export function loadTownshipReport(file: string): Loaded<Report> {
  const r = loadReportFile(file);
  return r.ok ? { ok: true, value: r.report, warnings: r.warnings } : r;
}

export function loadCounty(file: string): Loaded<County> {
  const r = loadCountyFile(file);
  return r.ok ? { ok: true, value: r.county, warnings: r.warnings } : r;
}
