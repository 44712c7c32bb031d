// Loading the two kinds of data file: a township report and a county's county.yaml.
import { isScalar, visit, type Document } from 'yaml';
import type { Diagnostic } from '../diagnostics.ts';
import { County } from '../schema/county.ts';
import { Report } from '../schema/report.ts';
import { checkReport } from './checks.ts';
import { upgradeDocument } from './legacy.ts';
import { parseYamlWithSchema, sortByPosition } from './parse.ts';
import type { DataPath, Position, PositionTree } from './positions.ts';
import { decodeSource, readSourceFile, readSourceBytes } from './readSource.ts';
import { recallReport, rememberReport } from './reportMemo.ts';

export type Loaded<K extends string, T> = {
  ok: true;
  file: string;
  warnings: Diagnostic[]; // severity 'warning'; the CLI promotes them with --strict
  lineOf: (path: DataPath) => Position; // where a value sits in the file, for later stages' messages
  positions: PositionTree | null; // what lineOf reads (positions.ts), kept with the data in the memo
} & { [P in K]: T };
export type LoadFailure = { ok: false; diagnostics: Diagnostic[] };

export type LoadResult = Loaded<'report', Report> | LoadFailure;
export type CountyLoadResult = Loaded<'county', County> | LoadFailure;

/**
 * A section number typed without quotes (`number: 1.`) is a YAML number, 1, and would lose its point:
 * the author's number is the text they typed, so it is read as written.
 */
function numbersAsWritten(doc: Document): void {
  visit(doc, {
    Pair(_, pair) {
      if (isScalar(pair.key) && pair.key.value === 'number' && isScalar(pair.value) && typeof pair.value.value === 'number') {
        pair.value.value = pair.value.source ?? String(pair.value.value);
      }
    },
  });
}

/** Parses report YAML already in memory (the importer checks its own output this way). */
export function loadReportText(text: string, file: string): LoadResult {
  // Files in the first data form (lead/parts/closing) load as they are, rewritten to `body` on the way in.
  const parsed = parseYamlWithSchema(text, file, Report, (doc) => {
    upgradeDocument(doc);
    numbersAsWritten(doc);
  });
  if (!parsed.ok) return parsed;
  const { data: report, lineOf, positions, warnings } = parsed;
  return { ok: true, file, report, lineOf, positions, warnings: sortByPosition([...warnings, ...checkReport(report, file, lineOf)]) };
}

/** A report file's bytes loaded afresh (the memo's miss, reportMemo.ts). */
export function loadReportBytes(bytes: Uint8Array, file: string): LoadResult {
  const source = decodeSource(bytes, file);
  return source.ok ? loadReportText(source.text, file) : source;
}

/** A report file, from the memo when these bytes were loaded before (reportMemo.ts), else afresh. */
export function loadReportFile(file: string): LoadResult {
  const source = readSourceBytes(file);
  if (!source.ok) return source;
  return recallReport(file, source.bytes) ?? rememberReport(file, source.bytes, loadReportBytes(source.bytes, file));
}

export function loadCountyText(text: string, file: string): CountyLoadResult {
  const parsed = parseYamlWithSchema(text, file, County);
  if (!parsed.ok) return parsed;
  return { ok: true, file, county: parsed.data, lineOf: parsed.lineOf, positions: parsed.positions, warnings: parsed.warnings };
}

export function loadCountyFile(file: string): CountyLoadResult {
  const source = readSourceFile(file);
  return source.ok ? loadCountyText(source.text, file) : source;
}
