// A county roll-up waits for this run's report jobs of its townships and then takes their reports as those
// jobs loaded them, instead of parsing forty YAML files a second time. A roll-up with none to wait for
// (only county.yaml changed, or its townships are up to date) starts at once.
import { dirname, resolve } from 'node:path';
import type { CountyJob, Job, JobResult, LoadedReport } from './jobs.ts';

interface Held {
  job: CountyJob;
  pending: number;
  loaded: LoadedReport[];
}

export class RollupGate {
  private readonly held = new Map<string, Held>(); // by the county's folder
  readonly initial: Job[];

  constructor(jobs: Job[]) {
    for (const j of jobs) if (j.kind === 'county') this.held.set(resolve(j.dir), { job: j, pending: 0, loaded: [] });
    for (const j of jobs) {
      const h = j.kind === 'report' ? this.countyOf(j.file) : undefined;
      if (h) h.pending += 1;
    }
    const ready = [...this.held.values()].filter((h) => h.pending === 0);
    for (const h of ready) this.held.delete(resolve(h.job.dir));
    // Ready roll-ups first: each is the biggest single job, so starting it early shortens the batch.
    this.initial = [...ready.map((h) => h.job), ...jobs.filter((j) => j.kind === 'report')];
  }

  private countyOf(file: string): Held | undefined {
    return this.held.get(dirname(resolve(file)));
  }

  /** Records a finished job; returns the roll-up it was the last to wait for, if any. */
  done(job: Job, result: JobResult): CountyJob[] {
    if (job.kind !== 'report') return [];
    const h = this.countyOf(job.file);
    if (!h) return [];
    if (result.ok && result.loaded) h.loaded.push(result.loaded);
    if (--h.pending > 0) return [];
    this.held.delete(resolve(h.job.dir));
    return [{ ...h.job, preloaded: h.loaded }];
  }
}
