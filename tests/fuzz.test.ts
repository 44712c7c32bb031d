// Fuzzing: deterministic mutations of the real report YAML files (broken syntax, wrong types, huge strings,
// deep nesting, odd Unicode, __proto__ keys, seal paths outside the project) through the loader and compose
// in process, and a sample through the full build. Each must end in a clean diagnostic or a valid output:
// never an uncaught exception, a hang, or a file written outside --out.
import { readFileSync, rmSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { GongwenError } from '../src/diagnostics.ts';
import { loadReportText } from '../src/load/index.ts';
import { composeReport } from '../src/compose/report.ts';
import { ROOT, gongwen, listFiles, looksComplete, makeWorkspace } from './build-helpers.ts';
import { SEEDS, mutate } from './fuzz-mutations.ts';

const CASES = 1200;
const PER_CASE_MS = 3000;

describe('fuzz', () => {
  it(`${CASES} mutations through load and compose: a diagnostic or a document, never a throw or a hang`, () => {
    expect(SEEDS.length).toBeGreaterThan(0);
    let ok = 0;
    let refused = 0;
    for (let i = 0; i < CASES; i++) {
      const text = mutate(i);
      const file = `fuzz/case-${i}.yaml`;
      const t0 = performance.now();
      const res = loadReportText(text, file);
      if (res.ok) {
        try {
          const doc = composeReport(res.report, { baseDir: join(ROOT, 'data') });
          expect(doc.title.length, `case ${i}`).toBeGreaterThan(0);
          ok++;
        } catch (e) {
          if (!(e instanceof GongwenError)) throw new Error(`case ${i}: compose threw ${String(e)}`);
          refused++;
        }
      } else {
        refused++;
        expect(res.diagnostics.length, `case ${i}`).toBeGreaterThan(0);
        for (const d of res.diagnostics) {
          expect(d.code, `case ${i}`).toMatch(/^[a-z]+\.[A-Za-z]+/);
          expect(d.zh.length > 0 && d.en.length > 0, `case ${i}`).toBe(true);
          expect(d.file, `case ${i}`).toBe(file);
        }
        // Every error points somewhere in the file the user can go to.
        expect(res.diagnostics.some((d) => d.severity === 'error' && (d.line ?? 0) >= 1), `case ${i}: ${JSON.stringify(res.diagnostics[0])}`).toBe(true);
      }
      expect(performance.now() - t0, `case ${i} took too long`).toBeLessThan(PER_CASE_MS);
      // A __proto__ key must land as data, never on Object.prototype.
      expect(({} as Record<string, unknown>).polluted, `case ${i} polluted Object.prototype`).toBeUndefined();
    }
    // The mutations are a mix: some still valid, most refused.
    expect(ok).toBeGreaterThan(20);
    expect(refused).toBeGreaterThan(CASES / 3);
  }, 120_000);

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
      const before = listFiles(ws.dir);
      const r = await gongwen(['build', 'data', '--out', 'out'], ws.dir);
      expect([0, 1]).toContain(r.code);
      expect(r.stderr).not.toMatch(/internal error|build\.internal|build\.workerCrashed|\n\s+at /);
      const outFiles = listFiles(join(ws.dir, 'out'));
      for (const i of picked) {
        const name = `fuzz/case-${i}`;
        const built = outFiles.includes(`${name}.pdf`);
        if (built) {
          for (const ext of ['.pdf', '.docx']) expect(looksComplete(ext, readFileSync(join(ws.dir, 'out', name + ext))), name + ext).toBe(true);
        } else {
          // Not built: it is listed as failed, and its error names its own file (at line:col) or the seal file it refers to.
          expect(r.stdout, name).toContain(`失败 failed data/${name}.yaml`);
          expect(r.stderr, name).toMatch(new RegExp(`case-${i}\\.yaml(:\\d+:\\d+)?: (错误 error|.*\\n  data/fuzz/case-${i}\\.yaml)`));
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
