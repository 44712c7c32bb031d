// Where jobs run. A small batch runs on the main thread: it starts at once, and a worker would take longer
// to load than the batch takes. A large batch runs on one worker thread per core while the main thread only
// hands out jobs and records results: a main thread that also rendered would keep a finished worker
// waiting for its next job until its own render ended. Each worker keeps two jobs in hand, so it starts
// the next as soon as one is done and renders one while the other's files are being written.
import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';
import type { Job, JobResult } from './jobs.ts';
import { runJob } from './runJob.ts';
import type { WorkerData, WorkerTask } from './workerTask.ts';
import { fontBytesForWorkers } from '../fonts/index.ts';
import { diag } from '../diagnostics.ts';

/** Below this many jobs no worker is started: the main thread finishes them before a worker is ready (see bench). */
export const WORKERS_FROM = 8;

/** Jobs in hand per thread. */
const IN_HAND = 2;

/**
 * A worker's heap. V8 sizes a heap's growth by its cap: under 2 GB it collects more often, which holds memory
 * down but costs time. Measured on the 2,000-report benchmark (medians of two runs, wall time / peak RSS):
 * young 24 MB, cap 1 GB: 46 s / 430 MB (chosen); young 48: 48 s / 455 MB; young 16: 51 s / 420 MB;
 * cap 512 MB: 53 s / 420 MB; cap 2 GB: 48 s / 655 MB. The cap is never reached (a worker's heap stays near
 * 100 MB); a runaway job hits it and fails alone (see `crashed`).
 */
export const WORKER_HEAP = { maxOldGenerationSizeMb: 1024, maxYoungGenerationSizeMb: 24 };

export function defaultLanes(): number {
  return Math.max(1, availableParallelism());
}

export interface RunOptions {
  outRoot: string;
  lanes: number; // jobs rendering at once (worker threads); 0 or 1 = on the main thread only
  workersFrom?: number;
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
  const workers = opts.lanes > 1 && jobs.length >= (opts.workersFrom ?? WORKERS_FROM) ? Math.min(opts.lanes, jobs.length) : 0;
  const pool =
    workers > 0
      ? new Piscina<WorkerTask, JobResult>({
          filename: new URL('./worker.mjs', import.meta.url).href,
          minThreads: workers,
          maxThreads: workers,
          concurrentTasksPerWorker: IN_HAND,
          idleTimeout: 1000,
          resourceLimits: WORKER_HEAP,
          workerData: { fonts: fontBytesForWorkers() } satisfies WorkerData,
        })
      : undefined;
  const run = pool ? (job: Job) => pool.run({ job, outRoot: opts.outRoot }) : (job: Job) => runJob(job, opts.outRoot);
  const lane = async () => {
    for (let job = queue.shift(); job; job = queue.shift()) {
      const result = await run(job).catch((e: unknown) => crashed(job!, e));
      queue.unshift(...(await onResult(job, result)));
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.max(1, workers) * IN_HAND }, lane));
  } finally {
    await pool?.destroy();
  }
  return workers;
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
