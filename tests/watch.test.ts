// `gongwen watch`: saving a YAML rebuilds its PDF/DOCX and its county roll-up; a broken save prints its
// position and watching goes on.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { BIN, makeWorkspace } from './build-helpers.ts';

const ws = makeWorkspace(2);
const out = join(ws.dir, 'out');
let child: ChildProcess | undefined;

afterAll(async () => {
  if (child && child.exitCode === null) {
    const gone = new Promise((r) => child!.once('exit', r));
    child.kill('SIGTERM');
    await gone;
  }
  rmSync(ws.dir, { recursive: true, force: true });
});

const mtime = (f: string) => {
  try {
    return statSync(f).mtimeMs;
  } catch {
    return 0;
  }
};

async function until(what: string, cond: () => boolean, ms = 20_000): Promise<void> {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

it('rebuilds on save, reports a broken save with its position, and keeps watching', async () => {
  let stdout = '';
  let stderr = '';
  child = spawn(process.execPath, [BIN, 'watch', 'data', '--out', 'out'], { cwd: ws.dir, env: { ...process.env, CI: '1' } });
  child.stdout!.on('data', (b: Buffer) => (stdout += b.toString()));
  child.stderr!.on('data', (b: Buffer) => (stderr += b.toString()));
  await until('the watcher to start', () => stdout.includes('watching'), 40_000);

  const target = ws.townships[0];
  const pdf = join(out, '示例县', '2023', basename(target).replace('.yaml', '.pdf'));
  const docx = pdf.replace(/\.pdf$/, '.docx');
  const rollup = join(out, '示例县', '2023', '示例县2023汇总.pdf');
  const before = { pdf: mtime(pdf), docx: mtime(docx), rollup: mtime(rollup) };
  expect(before.pdf).toBeGreaterThan(0); // the initial build brought outputs up to date

  const good = readFileSync(target, 'utf8');
  writeFileSync(target, good.replace('现将有关情况报告如下', '现将本年度有关情况报告如下'));
  await until('the PDF to be rewritten', () => mtime(pdf) > before.pdf && mtime(docx) > before.docx && mtime(rollup) > before.rollup);
  await until('the rebuild line', () => /save→written/.test(stdout));
  const ms = Number(/\((\d+) ms 保存→写出/.exec(stdout)?.[1]);
  expect(ms).toBeGreaterThan(0);

  // A broken save: the error names file:line:col, the old PDF stays, and the watcher lives on.
  const pdfBefore = mtime(pdf);
  writeFileSync(target, good.replace(/^year: .*$/m, 'year: [2023'));
  await until('the error', () => new RegExp(`${basename(target)}:\\d+:\\d+: `).test(stderr));
  expect(child.exitCode).toBeNull();
  expect(mtime(pdf)).toBe(pdfBefore);

  writeFileSync(target, good);
  await until('the rebuild after the fix', () => mtime(pdf) > pdfBefore);
}, 90_000);
