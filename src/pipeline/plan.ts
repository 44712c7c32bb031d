// Planning a build: discovered sources → jobs with their keys; those whose outputs are intact and current are skipped.
import { join, relative, resolve } from 'node:path';
import { diag, type Diagnostic } from '../diagnostics.ts';
import type { Variant } from '../schema/report.ts';
import type { Format } from '../render/index.ts';
import { COUNTY_FILE, countyReportFiles, type Discovered } from './discover.ts';
import { sha256 } from './fingerprint.ts';
import type { CountyJob, Job, ReportJob } from './jobs.ts';
import type { Manifest } from './manifest.ts';
import type { OutputKind } from './envKey.ts';

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

export async function makePlan(found: Discovered, env: Record<OutputKind, string>, manifest: Manifest, opts: PlanOptions): Promise<Plan> {
  const out = resolve(opts.outDir);
  // Each source's content hash, from the manifest's memo when its stat has not changed (a township file feeds its
  // own job and its county's: hashed once).
  const hash = (f: string) => manifest.hashOf(f);
  // (The order jobs run in is decided by RollupGate, not here.)
  const counties = found.counties.map(async (c): Promise<PlannedJob> => {
    const id = `county:${c.rel}`;
    const files = await countyReportFiles(c.dir);
    const parts = [env.county, id, hash(join(c.dir, COUNTY_FILE))];
    // Every township's file, by its path within the county: adding, removing or editing one changes the key.
    for (const f of files) parts.push(relative(c.dir, f), hash(f));
    const job: CountyJob = {
      kind: 'county',
      id,
      dir: c.dir,
      outDir: join(out, c.rel),
      formats: [...opts.formats, 'xlsx'],
      draft: opts.draft,
    };
    return { job, key: sha256(...parts), label: displayPath(join(c.dir, COUNTY_FILE)) };
  });
  const reports = found.reports.map(async (r): Promise<PlannedJob> => {
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
    return { job, key: sha256(env.report, id, hash(r.file)), label: job.file };
  });
  const planned = await Promise.all([...counties, ...reports]);

  const problems: Plan['problems'] = found.problems.map((d) => ({ label: d.file ?? '', diagnostics: [d] }));
  const todo: PlannedJob[] = [];
  const skipped: PlannedJob[] = [];
  const seen = new Map<string, string>();
  const unique: PlannedJob[] = [];
  for (const p of planned) {
    // Two inputs mirrored onto the same output (data/a.yaml and other/a.yaml): build the first, refuse the second.
    const first = seen.get(p.job.id);
    if (first !== undefined) {
      problems.push({
        label: p.label,
        diagnostics: [
          diag('build.duplicateOutput', { first }, { file: p.label }),
        ],
      });
      continue;
    }
    seen.set(p.job.id, p.label);
    unique.push(p);
  }
  const current = await Promise.all(unique.map((p) => !opts.force && manifest.upToDate(p.job.id, p.key)));
  unique.forEach((p, k) => (current[k] ? skipped : todo).push(p));
  return { todo, skipped, problems };
}
