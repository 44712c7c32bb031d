// The task a pool worker runs: one job, written to disk by the worker itself so only a small result crosses threads.
import type { Job, JobResult } from './jobs.ts';
import { runJob } from './runJob.ts';
import { collectNowAndThen } from './gc.ts';

export interface WorkerTask {
  job: Job;
  outRoot: string;
}

export default async function task({ job, outRoot }: WorkerTask): Promise<JobResult> {
  const result = await runJob(job, outRoot);
  collectNowAndThen();
  return result;
}
