// Same input → same bytes: two builds into two folders, one in this process only and one with a worker
// thread, give byte-identical PDF, DOCX and XLSX files.
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { gongwen, listFiles, makeWorkspace } from './build-helpers.ts';

const ws = makeWorkspace(9); // 9 townships + 1 loose + the roll-up: enough jobs for a worker to start

afterAll(() => rmSync(ws.dir, { recursive: true, force: true }));

it('builds byte-identical files twice, in process and on the worker pool', async () => {
  const a = await gongwen(['build', 'data', '--out', 'out-a', '--jobs', '1'], ws.dir);
  const b = await gongwen(['build', 'data', '--out', 'out-b', '--jobs', '2'], ws.dir);
  expect(a.code, a.stderr).toBe(0);
  expect(b.code, b.stderr).toBe(0);
  expect(b.stdout).toMatch(/2 worker threads/); // the second build really used the pool
  const files = listFiles(join(ws.dir, 'out-a')).filter((f) => /\.(pdf|docx|xlsx)$/.test(f));
  expect(files.length).toBeGreaterThanOrEqual(22);
  expect(listFiles(join(ws.dir, 'out-b')).filter((f) => /\.(pdf|docx|xlsx)$/.test(f))).toEqual(files);
  for (const f of files) {
    const x = readFileSync(join(ws.dir, 'out-a', f));
    const y = readFileSync(join(ws.dir, 'out-b', f));
    expect(x.equals(y), `${f} differs between the two builds`).toBe(true);
  }
});
