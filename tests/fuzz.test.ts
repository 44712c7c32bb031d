// Fuzzing (issue 12): deterministic mutations of the real report YAML files — line mutations (broken syntax, wrong
// types, huge strings, deep nesting, odd Unicode, __proto__ keys, seal paths outside the project) and semantic ones
// that keep the YAML valid but move values to their edges (dates, numbers, string lengths, characters no font has,
// words longer than a line) — each through `validate` and the build's job runner in one child process, and a sample
// through the full CLI build. validate and build must agree: no output for a file validate refuses, complete PDF
// and DOCX for every file it accepts; never an internal error, a hang, or memory past 500 MB.
import { readFileSync, rmSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import type { CaseResult } from './fuzz-runner.ts';
import { ROOT, gongwen, listFiles, looksComplete, makeWorkspace } from './build-helpers.ts';
import { SEEDS, mutate } from './fuzz-mutations.ts';

const CASES = 1000;
/** Past this much CPU time a case is too slow: the loader and compose take milliseconds on a real report. */
const PER_CASE_MS = 5000;
/**
 * Past this much wall-clock time with no case finished the child counts as hung and is killed. Wall time is what
 * a hang shows, but on a machine shared with other builds a case may wait for a core far longer than it computes;
 * slowness is judged on CPU time (PER_CASE_MS), so a busy machine neither hides a slow case nor fails a quick one.
 */
const HANG_MS = 30_000;

/** Runs cases [from, to) in a child process; a case still running after HANG_MS is killed and reported. */
function runCases(from: number, to: number): Promise<{ results: CaseResult[]; hung?: number; peakRss: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(ROOT, 'bin', 'run-ts.js'), join(ROOT, 'tests', 'fuzz-runner.ts'), String(from), String(to)], { cwd: ROOT });
    const results: CaseResult[] = [];
    let buf = '';
    let stderr = '';
    let hung: number | undefined;
    let peakRss = 0;
    let timer = setTimeout(() => onHang(), HANG_MS + 10_000); // start-up grace
    const onHang = () => {
      hung = (results.at(-1)?.i ?? from - 1) + 1;
      child.kill('SIGKILL');
    };
    child.stdout.on('data', (b: Buffer) => {
      buf += b.toString();
      const lines = buf.split('\n');
      buf = lines.pop() ?? '';
      for (const l of lines) {
        const parsed = JSON.parse(l) as CaseResult | { peakRss: number };
        if ('peakRss' in parsed) peakRss = parsed.peakRss;
        else results.push(parsed);
      }
      clearTimeout(timer);
      timer = setTimeout(onHang, HANG_MS);
    });
    child.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      if (hung === undefined && code !== 0) reject(new Error(`fuzz runner crashed (${code}) after case ${results.at(-1)?.i}: ${stderr.slice(-2000)}`));
      else resolve({ results, hung, peakRss });
    });
  });
}

describe('fuzz', () => {
  it(`${CASES} mutations through validate and build: they agree, with no internal error, hang or memory past 500 MB`, async () => {
    expect(SEEDS.length).toBeGreaterThan(0);
    const results: CaseResult[] = [];
    const hung: number[] = [];
    let peakRss = 0;
    // After a hang, carry on from the next case so one bug does not hide the others.
    for (let from = 0; from < CASES; ) {
      const r = await runCases(from, CASES);
      results.push(...r.results);
      peakRss = Math.max(peakRss, r.peakRss);
      if (r.hung === undefined) break;
      hung.push(r.hung);
      from = r.hung + 1;
    }
    const problems = results.filter((r) => r.problems.length > 0).map((r) => `case ${r.i}: ${r.problems.join('; ')}`);
    const slow = results.filter((r) => r.cpuMs > PER_CASE_MS).map((r) => `case ${r.i} took ${r.cpuMs} ms of CPU`);
    expect([...hung.map((i) => `case ${i} hung (> ${HANG_MS} ms)`), ...slow, ...problems]).toEqual([]);
    expect(results.length).toBe(CASES);
    // The mutations are a mix: many still valid documents, built; many refused.
    expect(results.filter((r) => r.outcome === 'built').length).toBeGreaterThan(CASES / 5);
    expect(results.filter((r) => r.outcome === 'refused').length).toBeGreaterThan(CASES / 3);
    expect(peakRss).toBeGreaterThan(0);
    expect(peakRss).toBeLessThan(500 * 1024 * 1024);
  }, 480_000); // about a minute on an idle machine; several when other suites share its two cores

  describe('through the full build', () => {
    const ws = makeWorkspace(1);
    afterAll(() => rmSync(ws.dir, { recursive: true, force: true }));

    it('30 mutated files: each a clean failure or a complete output, nothing written outside --out', async () => {
      const dir = join(ws.data, 'fuzz');
      mkdirSync(dir);
      // Every 7th case, so each mutation kind and seal path is represented; no huge string past 100 KB (build time).
      const picked: number[] = [];
      for (let i = 0; picked.length < 30; i += 7) if (mutate(i).length < 200_000) picked.push(i);
      for (const i of picked) writeFileSync(join(dir, `case-${i}.yaml`), mutate(i));
      // And seal paths outside the project, each in its own report: a device would be read forever if not refused.
      const seals = ['/dev/zero', '/etc/shadow', '../../../../../../../etc/passwd', '/proc/self/mem'];
      const base = readFileSync(ws.townships[0], 'utf8');
      seals.forEach((seal, k) => writeFileSync(join(dir, `case-seal${k}.yaml`), base.replace(/^( {4}short: .*)$/m, `$1\n    seal: ${JSON.stringify(seal)}`)));
      const before = listFiles(ws.dir);
      const r = await gongwen(['build', 'data', '--out', 'out'], ws.dir);
      expect([0, 1]).toContain(r.code);
      expect(r.stderr).not.toMatch(/internal error|build\.internal|build\.workerCrashed|\n\s+at /);
      const outFiles = listFiles(join(ws.dir, 'out'));
      for (const i of [...picked, 'seal0', 'seal1', 'seal2', 'seal3']) {
        const name = `fuzz/case-${i}`;
        const built = outFiles.includes(`${name}.pdf`);
        if (built) {
          for (const ext of ['.pdf', '.docx']) expect(looksComplete(ext, readFileSync(join(ws.dir, 'out', name + ext))), name + ext).toBe(true);
        } else {
          // Not built: it is listed as failed, and its error names its own file (at line:col) or the seal file it refers to.
          expect(r.stdout, name).toContain(`失败 failed data/${name}.yaml`);
          // Either its own error (file:line:col) or a related line (a seal image error pointing back at `seal:`).
          expect(r.stderr, name).toMatch(new RegExp(`(^|\\n) *data/fuzz/case-${i}\\.yaml:\\d+:\\d+: `));
        }
      }
      // Nothing appeared outside out/ (the inputs are as we wrote them).
      const after = listFiles(ws.dir).filter((f) => !f.startsWith('out/'));
      expect(after).toEqual(before.filter((f) => !f.startsWith('out/')));
      expect(outFiles.filter((f) => /tmp/i.test(f))).toEqual([]);
      // No single job hung: the plain progress lines carry each job's time.
      for (const m of r.stdout.matchAll(/\((\d+) ms\)/g)) expect(Number(m[1])).toBeLessThan(20_000);
    }, 120_000);
  });
});
