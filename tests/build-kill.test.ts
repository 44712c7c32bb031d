// kill -9 in the middle of a batch: no truncated file is left behind, and the next run finishes the job.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { BIN, counts, gongwen, listFiles, looksComplete, makeWorkspace } from './build-helpers.ts';

const ws = makeWorkspace(12);
const out = join(ws.dir, 'out');

afterAll(() => rmSync(ws.dir, { recursive: true, force: true }));

/** Starts a build and kills it with SIGKILL as soon as it has saved its manifest (after its first job). */
function buildAndKill(): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, 'build', 'data', '--out', 'out', '--jobs', '1'], { cwd: ws.dir, env: { ...process.env, CI: '1' }, stdio: 'ignore' });
    const deadline = Date.now() + 30_000;
    const poll = setInterval(() => {
      if (existsSync(join(out, '.gongwen-manifest.json')) || Date.now() > deadline) {
        clearInterval(poll);
        child.kill('SIGKILL');
      }
    }, 5);
    child.on('error', reject);
    child.on('exit', (_code, signal) => (signal === 'SIGKILL' ? resolve() : reject(new Error(`build ended before it was killed (${signal})`))));
  });
}

it('leaves no truncated output after kill -9, and the next run completes what is missing', async () => {
  await buildAndKill();
  const partial = listFiles(out).filter((f) => /\.(pdf|docx|xlsx)$/.test(f));
  expect(partial.length).toBeGreaterThan(0);
  // Written through temp name + rename: whatever carries a final name is complete.
  for (const f of partial) expect(looksComplete(f, readFileSync(join(out, f))), f).toBe(true);

  const r = await gongwen(['build', 'data', '--out', 'out'], ws.dir);
  expect(r.code, r.stderr).toBe(0);
  const c = counts(r.stdout);
  expect(c.failed).toBe(0);
  expect(c.built + c.unchanged).toBe(14); // 12 townships, 1 loose report, 1 roll-up
  expect(c.unchanged).toBeGreaterThan(0); // what the killed run had finished and recorded is not redone
  expect(c.built).toBeGreaterThan(0);
  const files = listFiles(out);
  expect(files.filter((f) => f.endsWith('.pdf'))).toHaveLength(14);
  expect(files.filter((f) => f.endsWith('.docx'))).toHaveLength(14);
  for (const f of files.filter((x) => /\.(pdf|docx|xlsx)$/.test(x))) expect(looksComplete(f, readFileSync(join(out, f))), f).toBe(true);
  expect(files.filter((f) => /tmp/i.test(f))).toEqual([]); // the killed run's temp file was swept
});
