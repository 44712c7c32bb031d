// Report files through the memo (memo.ts): a file whose exact bytes this loader has loaded before is given back as
// it was loaded then (its data, warnings and positions), without the YAML parser or the schema. `loadReport` imports
// the loader itself only on a miss, so a run whose reports are all remembered never loads yaml or zod for them.
import type { Diagnostic } from '../diagnostics.ts';
import type { Report } from '../schema/report.ts';
import { recall, remember } from './memo.ts';
import { lineOfTree, type PositionTree } from './positions.ts';
import { readSourceBytes } from './readSource.ts';
import type { Loaded, LoadResult } from './report.ts';

const KIND = 'report';

interface Stored {
  report: Report;
  warnings: Diagnostic[];
  positions: PositionTree | null;
}

/** An entry passed the memo's checks (this loader wrote it, for these bytes, undamaged): its shape is ours. */
const isStored = (v: unknown): v is Stored =>
  typeof v === 'object' && v !== null && 'report' in v && 'warnings' in v && Array.isArray(v.warnings) && 'positions' in v;

/** The report these bytes of `file` loaded to before, if this loader remembers them. */
export function recallReport(file: string, bytes: Uint8Array): Loaded<'report', Report> | undefined {
  const v = recall(KIND, file, bytes);
  if (!isStored(v)) return undefined;
  return { ok: true, file, report: v.report, warnings: v.warnings, positions: v.positions, lineOf: lineOfTree(v.positions) };
}

/** Remembers a report that loaded (a file with errors is loaded afresh each time, to report them); returns it. */
export function rememberReport(file: string, bytes: Uint8Array, loaded: LoadResult): LoadResult {
  if (loaded.ok) remember(KIND, file, bytes, { report: loaded.report, warnings: loaded.warnings, positions: loaded.positions } satisfies Stored);
  return loaded;
}

/** loadReportFile (report.ts), with the loader loaded only when the memo does not have the file. */
export async function loadReport(file: string): Promise<LoadResult> {
  const source = readSourceBytes(file);
  if (!source.ok) return source;
  const hit = recallReport(file, source.bytes);
  if (hit) return hit;
  const { loadReportBytes } = await import('./report.ts');
  return rememberReport(file, source.bytes, loadReportBytes(source.bytes, file));
}
