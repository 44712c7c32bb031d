// Child process for tests/fuzz.test.ts: each mutation case is written to a file, then checked by `validate` and
// built (PDF and DOCX) by the build's own job runner, in this process. One JSON line per case, so the parent can
// stop a case that hangs (a synchronous loop cannot be timed out in-process). The last line is the peak memory.
// Run: node bin/run-ts.js tests/fuzz-runner.ts <from> <to>
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { validateFile } from '../src/cli/validateFile.ts';
import { runJob } from '../src/pipeline/runJob.ts';
import { ROOT, looksComplete } from './build-helpers.ts';
import { mutate } from './fuzz-mutations.ts';

export interface CaseResult {
  i: number;
  outcome: 'built' | 'refused';
  ms: number; // wall-clock time
  cpuMs: number; // CPU time of this process during the case: what the input costs, whatever else the machine runs
  problems: string[]; // anything but agreement between validate and build, with clean diagnostics
}

const dir = mkdtempSync(join(tmpdir(), 'gongwen-fuzz-'));
const out = join(dir, 'out');
mkdirSync(out);

async function runCase(i: number): Promise<CaseResult> {
  const file = join(dir, `case-${i}.yaml`);
  writeFileSync(file, mutate(i));
  const outBase = join(out, `case-${i}`);
  const problems: string[] = [];
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  let accepted = false;
  try {
    const diags = await validateFile(file);
    accepted = !diags.some((d) => d.severity === 'error');
    for (const d of diags) {
      if (!d.zh || !d.en || /\p{Cc}/u.test(d.zh + d.en)) problems.push(`malformed diagnostic ${JSON.stringify(d).slice(0, 300)}`);
      if (d.file !== file) problems.push(`diagnostic names another file: ${d.file}`);
    }
    // Every refusal points somewhere in the file the user can go to.
    if (!accepted && !diags.some((d) => d.severity === 'error' && (d.line ?? 0) >= 1)) problems.push(`refused with no line: ${JSON.stringify(diags[0]).slice(0, 300)}`);
  } catch (e) {
    problems.push(`validate threw ${e instanceof Error ? `${e.name}: ${e.message}` : String(e)}`);
  }
  const r = await runJob({ kind: 'report', id: `report:case-${i}`, file, outBase, formats: ['pdf', 'docx'], draft: false }, out);
  const built = ['pdf', 'docx'].filter((ext) => existsSync(`${outBase}.${ext}`));
  if (!r.ok) {
    const internal = r.diagnostics.filter((d) => d.code === 'build.internal' || d.code === 'build.workerCrashed');
    if (internal.length) problems.push(`internal error: ${internal[0].en.slice(0, 300)}`);
  }
  if (accepted && !r.ok) problems.push(`validate accepted, build refused: ${r.diagnostics.map((d) => `${d.code} ${d.en}`).join('; ').slice(0, 300)}`);
  if (!accepted && r.ok) problems.push('validate refused, build built');
  if (!accepted && built.length) problems.push(`output written for a refused file: ${built.join(',')}`);
  if (accepted && r.ok) {
    for (const ext of ['pdf', 'docx']) {
      if (!built.includes(ext) || !looksComplete(`.${ext}`, readFileSync(`${outBase}.${ext}`))) problems.push(`no complete ${ext}`);
    }
  }
  for (const ext of built) rmSync(`${outBase}.${ext}`);
  rmSync(file);
  // A __proto__ key must land as data, never on Object.prototype.
  if (({} as Record<string, unknown>).polluted !== undefined) problems.push('Object.prototype polluted');
  const cpu = process.cpuUsage(cpu0);
  return { i, outcome: accepted ? 'built' : 'refused', ms: Math.round(performance.now() - t0), cpuMs: Math.round((cpu.user + cpu.system) / 1000), problems };
}

const [from, to] = process.argv.slice(2).map(Number);
// Warm up first (fonts opened, code compiled) on a real report, so no case's time includes the start-up's.
await runJob({ kind: 'report', id: 'report:warm-up', file: join(ROOT, 'data', 'seeds', '岔河镇-2023.yaml'), outBase: join(out, 'warm-up'), formats: ['pdf', 'docx'], draft: false }, out);
await validateFile(join(ROOT, 'data', 'seeds', '岔河镇-2023.yaml'));
for (let i = from; i < to; i++) process.stdout.write(JSON.stringify(await runCase(i)) + '\n');
// The kernel's high-water mark of this process's resident memory, in bytes: no spike inside a case is missed.
process.stdout.write(JSON.stringify({ peakRss: process.resourceUsage().maxRSS * 1024 }) + '\n');
rmSync(dir, { recursive: true, force: true });
