// Planning a build: discovered sources → jobs with their keys; those whose outputs are intact and current are skipped.
import { join, relative, resolve } from 'node:path';
import { diag, type Diagnostic } from '../diagnostics.ts';
import type { Variant } from '../schema/report.ts';
import type { Format } from '../render/index.ts';
import { COUNTY_FILE, countyReportFiles, type Discovered } from './discover.ts';
import { hashFile, sha256 } from './fingerprint.ts';
import type { CountyJob, Job, ReportJob } from './jobs.ts';
import type { Manifest } from './manifest.ts';

export interface PlanOptions {
  outDir: string;
  formats: Format[];
  variant?: Variant;
  draft: boolean;
  force: boolean;
}

export interface PlannedJob {
  job: Job;
  key: string;
  label: string; // what the user recognises: the source path as given
}

export interface Plan {
  todo: PlannedJob[];
  skipped: PlannedJob[];
  problems: { label: string; diagnostics: Diagnostic[] }[];
}

/** A path as the user would type it: relative to the working folder when below it. */
export function displayPath(abs: string): string {
  const rel = relative(process.cwd(), abs);
  return rel && !rel.startsWith('..') ? rel : abs;
}

export async function makePlan(found: Discovered, env: string, manifest: Manifest, opts: PlanOptions): Promise<Plan> {
  const out = resolve(opts.outDir);
  const planned: PlannedJob[] = [];
  // Counties first: a roll-up is the biggest single job, so starting it early shortens the batch.
  for (const c of found.counties) {
    const id = `county:${c.rel}`;
    const files = await countyReportFiles(c.dir);
    const parts = [env, id, await hashFile(join(c.dir, COUNTY_FILE))];
    // Every township's file, by its path within the county: adding, removing or editing one changes the key.
    for (const f of files) parts.push(relative(c.dir, f), await hashFile(f));
    const job: CountyJob = {
      kind: 'county',
      id,
      dir: c.dir,
      outDir: join(out, c.rel),
      formats: [...opts.formats, 'xlsx'],
      draft: opts.draft,
    };
    planned.push({ job, key: sha256(...parts), label: displayPath(join(c.dir, COUNTY_FILE)) });
  }
  for (const r of found.reports) {
    const id = `report:${r.rel}`;
    const job: ReportJob = {
      kind: 'report',
      id,
      file: displayPath(r.file),
      outBase: join(out, r.rel),
      formats: opts.formats,
      variant: opts.variant,
      draft: opts.draft,
    };
    planned.push({ job, key: sha256(env, id, await hashFile(r.file)), label: job.file });
  }

  const problems: Plan['problems'] = found.problems.map((d) => ({ label: d.file ?? '', diagnostics: [d] }));
  const todo: PlannedJob[] = [];
  const skipped: PlannedJob[] = [];
  const seen = new Map<string, string>();
  for (const p of planned) {
    // Two inputs mirrored onto the same output (data/a.yaml and other/a.yaml): build the first, refuse the second.
    const first = seen.get(p.job.id);
    if (first !== undefined) {
      problems.push({
        label: p.label,
        diagnostics: [
          diag('build.duplicateOutput', `与 ${first} 输出到同一位置，未生成`, `writes the same outputs as ${first}; not built`, { file: p.label }),
        ],
      });
      continue;
    }
    seen.set(p.job.id, p.label);
    if (!opts.force && (await manifest.upToDate(p.job.id, p.key))) skipped.push(p);
    else todo.push(p);
  }
  return { todo, skipped, problems };
}
