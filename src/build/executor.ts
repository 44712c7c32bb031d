// Where jobs run: in this process (small batches, watch mode) or on a pool of worker threads (piscina).
import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';
import type { Job, JobResult } from './jobs.ts';
import { runJob } from './runJob.ts';
import type { WorkerTask } from './workerTask.ts';

export interface Executor {
  run(job: Job): Promise<JobResult>;
  close(): Promise<void>;
  readonly threads: number; // 0 for in-process
}

/** Runs jobs one after another in this thread: no start-up cost, fonts shared with the caller. */
export function inProcessExecutor(outRoot: string): Executor {
  let chain: Promise<unknown> = Promise.resolve();
  return {
    threads: 0,
    run(job) {
      // One at a time: the work is CPU-bound, interleaving would only raise memory.
      const next = chain.then(() => runJob(job, outRoot));
      chain = next.catch(() => undefined);
      return next;
    },
    close: async () => {},
  };
}

export function defaultThreads(): number {
  return Math.max(1, availableParallelism());
}

export function poolExecutor(outRoot: string, threads: number): Executor {
  const pool = new Piscina<WorkerTask, JobResult>({
    filename: new URL('./worker.mjs', import.meta.url).href,
    minThreads: threads,
    maxThreads: threads,
    idleTimeout: 60_000,
  });
  return {
    threads,
    run: (job) => pool.run({ job, outRoot }),
    close: () => pool.destroy(),
  };
}
