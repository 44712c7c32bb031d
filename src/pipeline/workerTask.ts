// The task a pool worker runs: one job, written to disk by the worker itself so only a small result crosses threads.
import { workerData } from 'node:worker_threads';
import { adoptFontBytes, type SharedFontBytes } from '../fonts/index.ts';
import { saveFontCaches } from '../fonts/open.ts';
import type { Job, JobResult } from './jobs.ts';
import { runJob } from './runJob.ts';

export interface WorkerTask {
  job: Job;
  outRoot: string;
}

/** What the main thread gives each worker at start: the font files it has read, in shared memory. */
export interface WorkerData {
  fonts: SharedFontBytes[];
}

function isWorkerData(x: unknown): x is WorkerData {
  return typeof x === 'object' && x !== null && Array.isArray(Reflect.get(x, 'fonts'));
}

const data: unknown = workerData;
if (isWorkerData(data)) adoptFontBytes(data.fonts);

export default async function task({ job, outRoot }: WorkerTask): Promise<JobResult> {
  const result = await runJob(job, outRoot);
  saveFontCaches(); // glyphs this job prepared (nothing to do once the faces' cache files hold them)
  return result;
}
