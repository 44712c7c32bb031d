// rollupCounty(dir): county.yaml + every township report in the folder → CountySummary.
// Files that fail validation still appear (未通过校验, with the reason); everything else rolls up.
import { readdirSync } from 'node:fs';
import { readRegularFile } from '../readFile.ts';
import { MAX_FILE_BYTES } from '../load/index.ts';
import { basename, join, resolve } from 'node:path';
import { parse } from 'yaml';
import { GongwenError, diag, type Diagnostic } from '../diagnostics.ts';
import type { County } from '../schema/county.ts';
import type { Report } from '../schema/report.ts';
import { derivedRates, metricTotals } from './aggregate.ts';
import { countedMetrics } from '../metrics/reportFacts.ts';
import { completenessOf, REQUIRED_PARTS, KEY_METRICS } from './completeness.ts';
import { loadCounty, loadTownshipReport, type Loaded } from './load.ts';
import { groupByTheme, loadThemes, partPoints, type ThemeDictionary } from './themes.ts';
import type { CompletenessRow, CountySummary, RosterIssues, TownshipEntry } from './types.ts';

export type { CountySummary } from './types.ts';

export const COUNTY_FILE = 'county.yaml';

export interface LoadedFile {
  file: string; // as shown to the user (path given + file name)
  result: Loaded<Report>;
}

/** Best guess at whose file an invalid one is: its `township:` if readable, else the file name. */
function townshipOfInvalid(file: string): string {
  try {
    // Through the one file check: a FIFO or device named *.yaml in the folder must not block the roll-up.
    const read = readRegularFile(file, MAX_FILE_BYTES);
    const raw: unknown = read.ok ? parse(read.bytes.toString('utf8')) : undefined;
    if (raw && typeof raw === 'object' && 'township' in raw && typeof raw.township === 'string' && raw.township.trim()) {
      return raw.township.trim();
    }
  } catch {
    // unreadable or not YAML at all: the file name is all we have
  }
  return basename(file).replace(/\.ya?ml$/i, '');
}

function reasonOf(diags: Diagnostic[]): string {
  const first = diags[0];
  const where = first.line ? `第${first.line}行：` : '';
  return `${where}${first.zh}${diags.length > 1 ? `（另有${diags.length - 1}处）` : ''}`;
}

function invalidRow(township: string, file: string, listed: boolean, reason: string): CompletenessRow {
  return { township, file, listed, status: 'invalid', reason, missingParts: [], metricsReported: 0, metricsMissing: [...KEY_METRICS], flags: ['未通过校验'] };
}

/** Pure roll-up over already loaded files (the benchmark feeds it in-memory reports). */
export function rollupReports(county: County, files: LoadedFile[], dict: ThemeDictionary = loadThemes(), invalidName = townshipOfInvalid): CountySummary {
  const listed = new Set(county.townships);
  const diagnostics: Diagnostic[] = [];
  const rowsByTownship = new Map<string, CompletenessRow[]>();
  const addRow = (row: CompletenessRow) => {
    const list = rowsByTownship.get(row.township) ?? [];
    list.push(row);
    rowsByTownship.set(row.township, list);
  };
  const kept = new Map<string, TownshipEntry>();
  const roster: RosterIssues = { duplicates: [], unexpected: [], absent: [] };

  for (const { file, result } of files) {
    if (!result.ok) {
      diagnostics.push(...result.diagnostics);
      const township = invalidName(file);
      addRow(invalidRow(township, file, listed.has(township), reasonOf(result.diagnostics)));
      continue;
    }
    diagnostics.push(...result.warnings);
    const report = result.value;
    // A report of another county or year is well-formed but does not belong in this roll-up.
    if (report.county !== county.county || report.year !== county.year) {
      const reason = `报告为${report.county}${report.year}年度，与汇总（${county.county}${county.year}年度）不符`;
      diagnostics.push(diag('rollup.wrongCountyOrYear', { reason, county: report.county, year: report.year, wantCounty: county.county, wantYear: county.year }, { file }));
      addRow(invalidRow(report.township, file, listed.has(report.township), reason));
      continue;
    }
    const row = completenessOf(report, file, county.deadline, listed.has(report.township));
    const first = kept.get(report.township);
    if (first) {
      row.status = 'duplicate';
      row.reason = `与 ${first.file} 重复`;
      row.flags.unshift('重复报送');
      const dup = roster.duplicates.find((d) => d.township === report.township);
      if (dup) dup.files.push(file);
      else roster.duplicates.push({ township: report.township, files: [first.file, file] });
      diagnostics.push(diag('rollup.duplicate', { township: report.township, first: first.file }, { file }));
    } else if (!listed.has(report.township)) {
      row.status = 'unexpected';
      row.reason = '不在 county.yaml 的乡镇名单中';
      row.flags.unshift('不在名单中');
      roster.unexpected.push({ township: report.township, file });
      diagnostics.push(diag('rollup.unexpected', { township: report.township }, { file }));
      // Kept aside so a second copy of an unexpected township still counts as a duplicate.
      kept.set(report.township, { township: report.township, file, report, metrics: countedMetrics(report) });
    } else {
      kept.set(report.township, { township: report.township, file, report, metrics: countedMetrics(report) });
    }
    addRow(row);
  }

  // Rows and entries in the county's order; unexpected townships after, in file order.
  const completeness: CompletenessRow[] = [];
  const townships: TownshipEntry[] = [];
  for (const name of county.townships) {
    const rows = rowsByTownship.get(name);
    if (!rows) {
      roster.absent.push(name);
      completeness.push({ township: name, listed: true, status: 'absent', missingParts: [...REQUIRED_PARTS], metricsReported: 0, metricsMissing: [...KEY_METRICS], flags: ['未报送'] });
      diagnostics.push(diag('rollup.absent', { township: name }, { file: COUNTY_FILE }));
      continue;
    }
    completeness.push(...rows);
    const entry = kept.get(name);
    if (entry) townships.push(entry);
  }
  for (const [name, rows] of rowsByTownship) if (!listed.has(name)) completeness.push(...rows);

  // Each township's figures as `metrics --json` counts them: declared, else found in its text.
  const sources = townships.map((t) => ({ township: t.township, metrics: t.metrics }));
  return {
    county: county.county,
    year: county.year,
    countyInfo: county,
    townships,
    metrics: metricTotals(sources),
    rates: derivedRates(sources),
    completeness,
    themes: {
      shortcomings: groupByTheme(townships.map((t) => ({ township: t.township, points: partPoints(t.report.body, 'shortcomings') })), dict, 'shortcoming'),
      nextYear: groupByTheme(townships.map((t) => ({ township: t.township, points: partPoints(t.report.body, 'nextYear') })), dict, 'plan'),
    },
    roster,
    diagnostics,
  };
}

/**
 * Reads `<dir>/county.yaml` and every other `*.yaml` in `dir`; throws GongwenError only when county.yaml is unusable.
 * Reports in `preloaded` (by absolute path) were loaded by the caller already and are not read again.
 */
export function rollupCounty(dir: string, preloaded: ReadonlyMap<string, Loaded<Report>> = new Map()): CountySummary {
  const countyFile = join(dir, COUNTY_FILE);
  const county = loadCounty(countyFile);
  if (!county.ok) throw new GongwenError(county.diagnostics);
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    throw new GongwenError(diag('rollup.noDir', { dir }, { file: dir }));
  }
  // Code-point order, not locale order: the same folder rolls up the same way on every machine.
  const files = names
    .filter((n) => /\.ya?ml$/i.test(n) && n !== COUNTY_FILE)
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
    .map((n) => join(dir, n));
  const summary = rollupReports(county.value, files.map((file) => ({ file, result: preloaded.get(resolve(file)) ?? loadTownshipReport(file) })));
  summary.diagnostics.unshift(...county.warnings);
  return summary;
}
