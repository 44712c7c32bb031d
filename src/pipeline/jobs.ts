// The unit of work, shared by the worker pool and the in-process path: one report or one county roll-up,
// from its source files to its output files on disk. A job never throws for bad input: it returns diagnostics.
import type { Diagnostic } from '../diagnostics.ts';
import type { Report, Variant } from '../schema/report.ts';
import type { Format } from '../render/index.ts';

export type CountyFormat = Format | 'xlsx';

export interface ReportJob {
  kind: 'report';
  id: string; // manifest key of the job, e.g. report:seeds/岔河镇-2023
  file: string; // absolute path of the YAML
  outBase: string; // absolute output path without extension
  formats: Format[];
  variant?: Variant;
  draft: boolean;
}

export interface CountyJob {
  kind: 'county';
  id: string; // county:示例县/2023
  dir: string; // absolute folder holding county.yaml
  outDir: string; // absolute folder the roll-up files go to
  formats: CountyFormat[];
  draft: boolean;
  /** Townships this run has loaded already (as their report jobs did), by absolute path: not read again. */
  preloaded?: LoadedReport[];
}

/** A report as its job loaded it: what the county roll-up needs of it, passed on instead of parsing the YAML twice. */
export interface LoadedReport {
  file: string; // absolute
  report: Report;
  warnings: Diagnostic[];
}

export type Job = ReportJob | CountyJob;

/** An output as written: what the manifest needs to recognise it later without reading it. */
export interface WrittenFile {
  path: string; // absolute
  size: number;
  mtimeMs: number;
  hash: string; // sha256 of the bytes
}

export type JobResult =
  | {
      ok: true;
      id: string;
      written: WrittenFile[];
      deps: string[]; // files read beyond those in the job's key (seal images), absolute
      warnings: Diagnostic[];
      loaded?: LoadedReport; // report jobs: the data they rendered
      ms: number;
    }
  | { ok: false; id: string; diagnostics: Diagnostic[]; ms: number };
