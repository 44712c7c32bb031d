// Where jobs run: lanes pulling from one queue. The main thread is always a lane (it starts at once, and
// shares its loaded fonts); extra lanes are piscina worker threads, each loading fonts once. On a 2-core
// machine this means the main thread plus one worker: two jobs at a time, one isolate fewer in memory.
import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';
import type { Job, JobResult } from './jobs.ts';
import { runJob } from './runJob.ts';
import { collectNowAndThen } from './gc.ts';
import type { WorkerTask } from './workerTask.ts';

/** Below this many jobs no worker is started: the main thread finishes them before a worker is ready (see bench). */
export const WORKERS_FROM = 8;

/** Old-generation cap per worker: a report's working set is a few MB, fonts and modules about 100 MB. */
export const WORKER_HEAP_MB = 256;

export function defaultLanes(): number {
  return Math.max(1, availableParallelism());
}

export interface RunOptions {
  outRoot: string;
  lanes: number; // total parallel jobs, main thread included; 1 = in process only
  workersFrom?: number;
}

/** Runs every job once, calling `onResult` as each finishes; returns how many worker threads were used. */
export async function runJobs(
  jobs: Job[],
  opts: RunOptions,
  onResult: (job: Job, result: JobResult) => Promise<void>,
): Promise<number> {
  const queue = [...jobs];
  const workers = jobs.length >= (opts.workersFrom ?? WORKERS_FROM) ? Math.max(0, Math.min(opts.lanes - 1, jobs.length - 1)) : 0;
  const pool =
    workers > 0
      ? new Piscina<WorkerTask, JobResult>({
          filename: new URL('./worker.mjs', import.meta.url).href,
          minThreads: workers,
          maxThreads: workers,
          idleTimeout: 1000,
          // A worker's heap otherwise grows lazily towards V8's default limit (GBs on a big machine) before it
          // collects; a cap keeps the whole batch near its working set (see the peak RSS in the bench).
          resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB },
        })
      : undefined;
  const lane = async (run: (job: Job) => Promise<JobResult>) => {
    for (let job = queue.shift(); job; job = queue.shift()) {
      const result = await run(job).catch((e: unknown) => crashed(job!, e));
      await onResult(job, result);
    }
  };
  const mainLane = async (job: Job) => {
    const r = await runJob(job, opts.outRoot);
    collectNowAndThen();
    return r;
  };
  try {
    await Promise.all([
      lane(mainLane),
      ...Array.from({ length: workers }, () => lane((job) => pool!.run({ job, outRoot: opts.outRoot }))),
    ]);
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
    diagnostics: [
      {
        code: 'build.workerCrashed',
        severity: 'error',
        zh: `构建线程异常退出：${msg}`,
        en: `the build worker failed: ${msg}`,
        file: job.kind === 'report' ? job.file : job.dir,
      },
    ],
    ms: 0,
  };
}
