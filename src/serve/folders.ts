// The county page's data: every folder of the data directory that holds reports, a county folder with its
// roll-up (townships' status, totals, charts), others as a plain list of reports with their validation status.
import { readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { GongwenError } from '../diagnostics.ts';
import { loadReportFile } from '../load/index.ts';
import { rollupCounty, type CountySummary } from '../rollup/index.ts';
import { KEY_METRICS } from '../rollup/completeness.ts';
import { metricDef } from '../schema/catalogue.ts';
import type { CompletenessRow } from '../rollup/types.ts';
import type { DataRoot } from './files.ts';
import type { ChartView, FolderView, ReportRow, TreeResponse } from './protocol.ts';
import { REPORT_FILE } from './reports.ts';

const COUNTY_FILE = 'county.yaml';
const MAX_DEPTH = 6;

/** Folders under the root, hidden ones, node_modules and symlinks left out (the guard would refuse them anyway). */
function folders(dir: string, depth: number, out: string[]): void {
  out.push(dir);
  if (depth >= MAX_DEPTH) return;
  const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    if (e.isDirectory() && !e.name.startsWith('.') && e.name !== 'node_modules') folders(join(dir, e.name), depth + 1, out);
  }
}

function reportFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isFile() && REPORT_FILE.test(e.name) && e.name !== COUNTY_FILE && !e.name.startsWith('.'))
    .map((e) => join(dir, e.name))
    .sort();
}

function counts(file: string): { errors: number; warnings: number; township?: string; date?: string } {
  const r = loadReportFile(file);
  if (!r.ok) return { errors: r.diagnostics.filter((d) => d.severity === 'error').length, warnings: 0 };
  return { errors: 0, warnings: r.warnings.length, township: r.report.township, date: r.report.date };
}

function statusOf(row: CompletenessRow, warnings: number): ReportRow['status'] {
  if (row.status !== 'ok') return row.status;
  if (row.missingParts.length > 0) return 'missingParts';
  if (row.late) return 'late';
  return warnings > 0 ? 'warnings' : 'ok';
}

function chartsOf(s: CountySummary): ChartView[] {
  return KEY_METRICS.slice(0, 4).map((k) => ({
    label: metricDef(k)?.label ?? k,
    unit: metricDef(k)?.unit ?? '',
    bars: s.townships.flatMap((t) => {
      const m = t.report.metrics?.[k];
      return m ? [{ township: t.township, value: m.value }] : [];
    }),
  }));
}

function countyFolder(root: DataRoot, dir: string): FolderView {
  const folder = root.relName(dir);
  let s: CountySummary;
  try {
    s = rollupCounty(dir);
  } catch (e) {
    if (!(e instanceof GongwenError)) throw e;
    return { folder, countyError: e.diagnostics.map((d) => `${d.zh} / ${d.en}`).join('；'), reports: plainRows(root, dir) };
  }
  const reports: ReportRow[] = s.completeness.map((row) => {
    const c = row.file ? counts(row.file) : { errors: 0, warnings: 0 };
    return {
      path: row.file ? root.relName(row.file) : '',
      township: row.township,
      status: statusOf(row, c.warnings),
      reason: row.reason,
      warnings: c.warnings,
      errors: c.errors,
      flags: row.flags,
      date: row.date,
    };
  });
  const totals = Object.values(s.metrics).map((t) => ({ label: t.label, unit: t.unit, value: t.value, qualifier: t.qualifier, reported: t.reported }));
  const rates = s.rates.map((r) => ({ label: r.label, unit: '%', value: r.value, qualifier: r.qualifier, reported: r.reported }));
  const c = s.countyInfo;
  return { folder, county: { name: s.county, year: s.year, demo: c.demo ?? false, deadline: c.deadline, totals, rates, charts: chartsOf(s) }, reports };
}

function plainRows(root: DataRoot, dir: string): ReportRow[] {
  return reportFiles(dir).map((file) => {
    const c = counts(file);
    return {
      path: root.relName(file),
      township: c.township ?? basename(file),
      status: c.errors > 0 ? 'invalid' : c.warnings > 0 ? 'warnings' : 'ok',
      warnings: c.warnings,
      errors: c.errors,
      flags: [],
      date: c.date,
    };
  });
}

export function tree(root: DataRoot): TreeResponse {
  const all: string[] = [];
  folders(root.dir, 0, all);
  const out: FolderView[] = [];
  for (const dir of all) {
    const names = readdirSync(dir);
    if (names.includes(COUNTY_FILE)) out.push(countyFolder(root, dir));
    else if (names.some((n) => REPORT_FILE.test(n) && !n.startsWith('.'))) out.push({ folder: root.relName(dir), reports: plainRows(root, dir) });
  }
  return { root: basename(root.dir), folders: out };
}
