// A county roll-up in a build waits for its townships' report jobs and takes their reports as loaded
// (src/pipeline/rollupGate.ts), instead of parsing the YAML again: same files, less work.
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildCountyOutputs } from '../src/pipeline/county.ts';
import type { CountyJob, Job, JobResult, LoadedReport, ReportJob } from '../src/pipeline/jobs.ts';
import { RollupGate } from '../src/pipeline/rollupGate.ts';
import { loadReportFile } from '../src/load/index.ts';
import { rollupCounty } from '../src/rollup/index.ts';
import { DEMO, SEEDS } from './build-helpers.ts';

const townships = readdirSync(DEMO)
  .filter((f) => f.endsWith('.yaml') && f !== 'county.yaml')
  .sort()
  .map((f) => join(DEMO, f));

function loaded(file: string): LoadedReport {
  const r = loadReportFile(file);
  if (!r.ok) throw new Error(`${file} does not load`);
  return { file: resolve(file), report: r.report, warnings: r.warnings };
}

const reportJob = (file: string): ReportJob => ({ kind: 'report', id: `report:${file}`, file, outBase: '/nowhere', formats: ['pdf'], draft: false });
const countyJob: CountyJob = { kind: 'county', id: 'county:demo', dir: DEMO, outDir: '/nowhere', formats: ['pdf'], draft: false };
const ok = (job: ReportJob): JobResult => ({ ok: true, id: job.id, written: [], deps: [], warnings: [], loaded: loaded(job.file), ms: 1 });
const failed = (job: ReportJob): JobResult => ({ ok: false, id: job.id, diagnostics: [], ms: 1 });

describe('RollupGate', () => {
  it('holds a roll-up until the last of its townships is done, then hands it their loaded reports', () => {
    const [a, b] = townships.slice(0, 2).map(reportJob);
    const loose = reportJob(join(SEEDS, '岔河镇-2023.yaml'));
    const gate = new RollupGate([countyJob, a, loose, b]);
    expect(gate.initial.map((j) => j.id)).toEqual([a.id, loose.id, b.id]);
    expect(gate.done(a, ok(a))).toEqual([]);
    expect(gate.done(loose, ok(loose))).toEqual([]); // not one of the county's townships
    const [released] = gate.done(b, failed(b)); // a failed township still counts as done; its file is read again
    expect(released.id).toBe(countyJob.id);
    expect(released.preloaded?.map((l) => l.file)).toEqual([resolve(a.file)]);
    expect(gate.done(b, failed(b))).toEqual([]); // released once
  });

  it('starts a roll-up with no township to wait for first', () => {
    const loose = reportJob(join(SEEDS, '岔河镇-2023.yaml'));
    const gate = new RollupGate([loose, countyJob] as Job[]);
    expect(gate.initial.map((j) => j.id)).toEqual([countyJob.id, loose.id]);
  });
});

describe('a roll-up from preloaded reports', () => {
  const formats = ['pdf', 'docx', 'xlsx'] as const;

  it('gives the same bytes as one that reads every file itself', async () => {
    const fromDisk = await buildCountyOutputs(DEMO, { formats: [...formats], draft: false });
    const fromJobs = await buildCountyOutputs(DEMO, { formats: [...formats], draft: false, preloaded: townships.map(loaded) });
    expect(fromJobs.files.map((f) => f.format)).toEqual([...formats]);
    fromJobs.files.forEach((f, i) => expect(Buffer.from(f.bytes).equals(Buffer.from(fromDisk.files[i].bytes)), f.format).toBe(true));
  });

  it('really uses them: a preloaded figure shows in the totals instead of the file’s', () => {
    const key = 'decision.majorDecisions';
    const first = loaded(townships[0]);
    const own = first.report.metrics?.[key]?.value ?? 0;
    const changed: LoadedReport = { ...first, report: { ...first.report, metrics: { ...first.report.metrics, [key]: { value: own + 1000, unit: '件' } } } };
    const plain = rollupCounty(DEMO).metrics[key].value ?? 0;
    const withPreloaded = rollupCounty(DEMO, new Map([[changed.file, { ok: true as const, value: changed.report, warnings: [] }]])).metrics[key].value;
    expect(withPreloaded).toBe(plain + 1000);
  });
});
