// Where jobs run. Without worker threads the main thread renders, two jobs in hand (one renders while the other's
// files are flushed to disk). Worker threads are added only when the batch is long enough for them to pay back their
// start (see `workersFor`), and then every job runs on them and the main thread only hands out jobs and records
// results: it never loads the renderer or the fonts. (It used to render while the workers started: on two cores that
// took CPU from their start, and its heap of renderer, fonts and glyphs stayed for the rest of the batch, about 30 MB
// of the peak.) Each worker keeps two jobs in hand, so it starts the next as soon as one is done and renders one while
// the other's files are being written.
import { availableParallelism } from 'node:os';
import type { Job, JobResult } from './jobs.ts';
import type { WorkerData, WorkerTask } from './workerTask.ts';
import { diag } from '../diagnostics.ts';

/** Jobs in hand per worker thread. */
const IN_HAND = 2;

/**
 * Jobs the main thread has going at once when it renders: one renders while the other's files are flushed to disk
 * (two fsyncs of 4-8 ms each on this VM, as long as the render itself), so the thread does not sit idle in between.
 */
const MAIN_IN_HAND = 2;

/**
 * A worker's heap. V8 sizes a heap's growth by its cap: under 2 GB it collects more often, which holds memory
 * down but costs time. Measured on the 2,000-report benchmark (medians of two runs, wall time / peak RSS), when a
 * report's DOCX was built as the docx package's object tree: young 24 MB, cap 1 GB: 46 s / 430 MB; young 48: 48 s /
 * 455 MB; young 16: 51 s / 420 MB; cap 512 MB: 53 s / 420 MB; cap 2 GB: 48 s / 655 MB. Since the DOCX is written as
 * text a report leaves far less garbage, and a small young generation no longer costs time: 205 jobs on two workers,
 * four builds at once under a load average near 18 (peak RSS, CPU): young 24 MB 313, 283, 294 MB / 22.0, 21.7, 20.0 s;
 * young 8 MB 284, 266, 280 MB / 22.1, 21.0, 19.9 s; young 8 MB and the main thread not rendering (below) 248, 245 MB
 * / 19.9, 18.5 s (chosen). The cap is never reached (a worker's heap stays near 70 MB); a runaway job hits it and
 * fails alone (see `crashed`).
 */
export const WORKER_HEAP = { maxOldGenerationSizeMb: 1024, maxYoungGenerationSizeMb: 8 };

/**
 * The cost model behind the choice of threads, from `npm run bench` on the 2-vCPU development VM (its
 * "threads" rows): a worker's start (module load, fonts, its first slow report) costs about WORKER_START_MS
 * of a core, and a warm report about JOB_MS. Extra threads on C cores speed the steady rate up by at most
 * SPEEDUP(C). A worker is worth starting when the time it saves, n · JOB_MS · (1 − 1/SPEEDUP), exceeds its
 * start. On 2 vCPUs there is no gain left (V8's own background threads already use the second core, and the two
 * share caches and memory bandwidth). Earlier, when a report cost about 35 ms, 2,050 jobs took 75.2 s alone against
 * 57.0 s with two workers (SPEEDUP(2) was 1.08). Since the DOCX is written as text and a report costs about 16 ms,
 * quiet, on 2 December 2026 (npm run bench's "threads" rows, and the 2,050-job batch by hand, default against
 * --jobs 1, one pair after one run each): 41 jobs 2.98 s alone against 3.90 s with two workers, 205 jobs 5.76 s
 * against 6.32 s, 2,050 jobs 37.8 and 33.2 s alone (41 s and 35 s CPU, 273 and 263 MB) against 39.3 and 33.1 s (72 s
 * and 61 s CPU, 324 MB). Equal at best, for half as much CPU again and 60 MB more: so SPEEDUP(2) = 1, and on two
 * cores the main thread renders alone. Three cores and more are not measured here; 0.8 per core is a guess.
 */
export const WORKER_START_MS = 800;
export const JOB_MS = 16;
export function speedup(cores: number): number {
  return cores <= 2 ? 1 : 0.8 * cores;
}

/**
 * Worker threads to start for `jobs` jobs on `cores` cores: none, or one per core (the main thread then only
 * dispatches).
 */
export function workersFor(jobs: number, cores: number): number {
  if (cores <= 1) return 0;
  const saved = jobs * JOB_MS * (1 - 1 / speedup(cores));
  return saved > WORKER_START_MS ? Math.min(cores, jobs) : 0;
}

export function defaultCores(): number {
  return Math.max(1, availableParallelism());
}

export interface RunOptions {
  outRoot: string;
  /** Worker threads (`--jobs`; 0 or 1 = the main thread alone); undefined = chosen by `workersFor`. */
  threads?: number;
}

/**
 * Runs every job once, calling `onResult` as each finishes; jobs it returns (made ready by that result) run
 * next. Returns how many worker threads were used.
 */
export async function runJobs(
  jobs: Job[],
  opts: RunOptions,
  onResult: (job: Job, result: JobResult) => Promise<Job[]>,
): Promise<number> {
  const queue = [...jobs];
  const workers = opts.threads === undefined ? workersFor(jobs.length, defaultCores()) : opts.threads > 1 ? Math.min(opts.threads, jobs.length) : 0;
  // The renderer (or the pool) and the fonts are loaded only when a job runs (a no-change build loads none).
  const pool = workers > 0 ? await startPool(workers) : undefined;
  const lane: (job: Job) => Promise<JobResult> = pool
    ? (job) => pool.run({ job, outRoot: opts.outRoot })
    : await import('./runJob.ts').then(({ runJob }) => (job: Job) => runJob(job, opts.outRoot));
  const next = async () => {
    const job = queue.shift();
    if (!job) return false;
    const result = await lane(job).catch((e: unknown) => crashed(job, e));
    queue.unshift(...(await onResult(job, result)));
    return true;
  };
  const runLane = async () => {
    while (await next());
  };
  try {
    await Promise.all(Array.from({ length: pool ? workers * IN_HAND : MAIN_IN_HAND }, runLane));
    // Jobs released by the last results after every lane had stopped (a roll-up waiting for its townships).
    while (await next());
  } finally {
    await pool?.destroy();
  }
  return workers;
}

async function startPool(workers: number) {
  const [{ Piscina }, { fontBytesForWorkers }] = await Promise.all([import('piscina'), import('../fonts/index.ts')]);
  return new Piscina<WorkerTask, JobResult>({
    filename: new URL('./worker.mjs', import.meta.url).href,
    minThreads: workers,
    maxThreads: workers,
    concurrentTasksPerWorker: IN_HAND,
    idleTimeout: 1000,
    resourceLimits: WORKER_HEAP,
    workerData: { fonts: fontBytesForWorkers() } satisfies WorkerData,
  });
}

/** A worker that died (out of memory, a native crash) fails its job, not the batch. */
function crashed(job: Job, e: unknown): JobResult {
  const msg = e instanceof Error ? e.message : String(e);
  return {
    ok: false,
    id: job.id,
    diagnostics: [diag('build.workerCrashed', { msg }, { file: job.kind === 'report' ? job.file : job.dir })],
    ms: 0,
  };
}
