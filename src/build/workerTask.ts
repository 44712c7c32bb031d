// The task a pool worker runs: one job, written to disk by the worker itself so only a small result crosses threads.
import type { Job, JobResult } from './jobs.ts';
import { runJob } from './runJob.ts';

export interface WorkerTask {
  job: Job;
  outRoot: string;
}

export default function task({ job, outRoot }: WorkerTask): Promise<JobResult> {
  return runJob(job, outRoot);
}
