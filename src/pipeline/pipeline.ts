// The build: discover → plan against the manifest → run what changed (in process or on the pool) → record.
// One failing job never stops the others; the manifest is saved as results arrive, so a killed batch
// resumes where it stopped.
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { mkdirSync } from 'node:fs';
import { diag, formatDiagnostic, type Diagnostic } from '../diagnostics.ts';
import type { Variant } from '../schema/report.ts';
import type { Format } from '../render/index.ts';
import { COUNTY_FILE, discover, type Discovered } from './discover.ts';
import { envKey, envKeyParts, TEMPLATES_DIR } from './envKey.ts';
import { runJobs } from './executor.ts';
import type { Job, JobResult } from './jobs.ts';
import { Manifest, type ManifestState } from './manifest.ts';
import { makePlan, type PlannedJob } from './plan.ts';
import { RollupGate } from './rollupGate.ts';
import { sweepStaleTemps } from './safeWrite.ts';

export interface BuildOptions {
  inputs: string[];
  outDir: string;
  formats: Format[];
  variant?: Variant;
  draft?: boolean;
  force?: boolean;
  jobs?: number; // worker threads; 0 or 1 = the main thread only; default chosen per batch (executor.ts)
  /** Watch mode: build only these report files (absolute) and the roll-ups of their counties or county.yaml files. */
  only?: string[];
  /** Watch mode: a job that fails keeps its last good outputs (see Manifest.forget). */
  keepFailedOutputs?: boolean;
}

export interface Reporter {
  start(total: number, skipped: number): void;
  done(p: PlannedJob, r: JobResult): void;
  warn(d: Diagnostic): void;
}

export interface BuildSummary {
  built: string[];
  skipped: string[];
  failed: { label: string; diagnostics: Diagnostic[]; removed?: string[] }[];
  written: string[]; // absolute output paths
  /** Outputs deleted because they were stale: of a job that failed this time, or of a source that is gone. */
  removed: string[];
  manifest: ManifestState;
  threads: number; // worker threads used (0: all on the main thread)
  ms: number;
}

const SAVE_EVERY_MS = 1000;

export const silentReporter: Reporter = { start() {}, done() {}, warn() {} };

/**
 * Milliseconds for the summary and the saves' spacing. Not performance.now(): the global loads perf_hooks (about
 * 2 ms, a dozen of Node's modules) on first use, which a build with nothing to do would pay for this alone.
 */
const now = () => process.uptime() * 1000;

export async function runBuild(opts: BuildOptions, reporter: Reporter = silentReporter): Promise<BuildSummary> {
  const t0 = now();
  const outDir = resolve(opts.outDir);
  mkdirSync(outDir, { recursive: true });
  await sweepStaleTemps(outDir);
  const manifest = await Manifest.load(outDir);
  const [found, env] = await Promise.all([discover(opts.inputs, outDir), envKeyParts(TEMPLATES_DIR, (f) => manifest.hashOf(f))]);
  if (manifest.state === 'damaged') {
    reporter.warn(diag('build.manifestDamaged', { severity: 'warning' }));
  }
  if (opts.only) restrict(found, opts.only);
  const draft = opts.draft ?? false;
  const options = { formats: opts.formats.join(','), variant: opts.variant, draft };
  const keys = { report: envKey(env, 'report', options), county: envKey(env, 'county', options) };
  const plan = await makePlan(found, keys, manifest, { ...opts, outDir, draft, force: opts.force ?? false });
  const summary: BuildSummary = {
    built: [],
    skipped: plan.skipped.map((p) => p.label),
    failed: [...plan.problems],
    written: [],
    removed: [],
    manifest: manifest.state,
    threads: 0,
    ms: 0,
  };
  // The outputs of reports (and counties) deleted since they were built go too. Only what the manifest
  // owns, and only when the source is gone: building a subset of the inputs into a folder removes nothing.
  summary.removed.push(...(await manifest.dropOrphans(new Set([...plan.todo, ...plan.skipped].map((p) => p.job.id)))));
  reporter.start(plan.todo.length, plan.skipped.length);
  // Saves are chained so an older snapshot never renames over a newer one.
  let saving = Promise.resolve();
  const save = () => (saving = saving.then(() => manifest.save()));

  if (plan.todo.length > 0) {
    // Saved after the first job and then once a second: a killed batch resumes with little redone.
    let lastSave = -Infinity;
    const seenWarnings = new Set<string>();
    const byId = new Map(plan.todo.map((p) => [p.job.id, p]));
    // Roll-ups also run after their townships' reports (after a save in watch mode, the clerk's report first).
    const gate = new RollupGate(plan.todo.map((p) => p.job));
    summary.threads = await runJobs(
      gate.initial,
      { outRoot: outDir, threads: opts.jobs },
      async (job, r) => {
        const p = byId.get(job.id)!;
        if (r.ok) {
          manifest.record(job.id, {
            key: p.key,
            source: sourceOf(job),
            deps: Object.fromEntries(r.deps.map((d) => [d, manifest.hashOf(d)])),
            outputs: r.written.map((w) => ({ path: relative(outDir, w.path).split(sep).join('/'), size: w.size, mtimeMs: w.mtimeMs, hash: w.hash })),
          });
          summary.built.push(p.label);
          summary.written.push(...r.written.map((w) => w.path));
          for (const w of r.warnings) {
            // The same warning (a substituted font) for two thousand reports is said once.
            const text = formatDiagnostic({ ...w, file: w.line ? w.file : undefined });
            if (!seenWarnings.has(text)) {
              seenWarnings.add(text);
              reporter.warn(w);
            }
          }
        } else {
          // Its previous outputs would look current: they are deleted, and the summary says so.
          const removed = await manifest.forget(job.id, { keepFiles: opts.keepFailedOutputs });
          summary.removed.push(...removed);
          summary.failed.push({ label: p.label, diagnostics: r.diagnostics, removed });
        }
        reporter.done(p, r);
        if (now() - lastSave > SAVE_EVERY_MS) {
          lastSave = now();
          save();
        }
        return gate.done(job, r);
      },
    );
  }
  await save();
  summary.ms = now() - t0;
  return summary;
}

/** The file whose deletion makes a job's outputs stale. */
function sourceOf(job: Job): string {
  return job.kind === 'report' ? resolve(job.file) : join(resolve(job.dir), COUNTY_FILE);
}

/** Narrows a discovery to the changed files: their reports, and the roll-ups those changes feed. */
function restrict(found: Discovered, only: string[]): void {
  const files = new Set(only.map((f) => resolve(f)));
  const counties = new Set<string>();
  for (const f of files) if (basename(f) === COUNTY_FILE) counties.add(dirname(f));
  // A changed (or deleted) township file feeds the roll-up of the county folder it sits in.
  for (const f of files) counties.add(dirname(f));
  found.reports = found.reports.filter((r) => files.has(r.file));
  found.counties = found.counties.filter((c) => counties.has(c.dir));
}
