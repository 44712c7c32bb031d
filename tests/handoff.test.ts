// `gongwen build FILE` handed to a running watch over the same output folder, or to a running serve over a data
// folder holding the file (issue 13): it answers with the same files a fresh build would write; with other
// options, a file elsewhere, or with no one listening on a socket left behind, the command builds itself.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, copyFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { watchAndBuild } from '../src/pipeline/watch.ts';
import { silentReporter } from '../src/pipeline/pipeline.ts';
import { acceptBuildsUnder, dataSocketPath, socketPath } from '../src/pipeline/handoff.ts';
import { handOff, requestOf } from '../src/pipeline/handoffClient.ts';
import { gongwen, SEEDS } from './build-helpers.ts';

const dir = mkdtempSync(join(tmpdir(), 'gongwen-handoff-'));
const data = join(dir, 'data');
const out = join(dir, 'out');
mkdirSync(data);
const file = join(data, 'seed.yaml');
copyFileSync(join(SEEDS, '岔河镇-2023.yaml'), file);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

it('hands a build to the running watch, which writes what a fresh build writes', async () => {
  const w = watchAndBuild({ inputs: [data], outDir: out, formats: ['pdf'] }, { reporter: silentReporter, ready: () => {}, rebuilt: () => {} });
  try {
    await w.ready;
    const fresh = await gongwen(['build', file, '--out', join(dir, 'fresh'), '--format', 'pdf'], dir);
    expect(fresh.code, fresh.stderr).toBe(0);
    expect(fresh.stderr).not.toMatch(/running process/); // nobody serves that folder

    const current = await gongwen(['build', file, '--out', out, '--format', 'pdf'], dir);
    expect(current.stderr).toContain(`running process ${process.pid}`);
    expect(current.stdout).toMatch(/unchanged\s+1/); // the watch's first build made it already
    const taken = await gongwen(['build', file, '--out', out, '--format', 'pdf', '--force'], dir);
    expect(taken.code, taken.stderr).toBe(0);
    expect(taken.stderr).toContain(`running process ${process.pid}`);
    expect(taken.stdout).toMatch(/built\s+1/);
    expect(readFileSync(join(out, 'seed.pdf')).equals(readFileSync(join(dir, 'fresh', 'seed.pdf')))).toBe(true);

    // Options the command line would refuse are declined, so that the command's own run reports them.
    expect(await handOff([file, '--out', out, '--format', 'pdf,tiff'], dir)).toBeUndefined();
    expect(await handOff([file, '--out', out, '--format', 'pdf', '--variant', 'sideways'], dir)).toBeUndefined();
    expect((await handOff([file, '-o', out, '-f', 'PDF'], dir))?.err).toContain(`running process ${process.pid}`); // read as commander reads it

    const other = await gongwen(['build', file, '--out', out, '--format', 'docx'], dir);
    expect(other.code, other.stderr).toBe(0);
    expect(other.stderr).not.toMatch(/running process/); // other options: built by the command itself
    expect(existsSync(join(out, 'seed.docx'))).toBe(true);
  } finally {
    await w.close();
  }
  expect(existsSync(socketPath(out))).toBe(false);
}, 120_000);

it('builds itself when the socket left behind is dead, or its process does not answer', async () => {
  // A socket file whose process was killed: nothing listens on it any more.
  const dead = join(dir, 'out-dead');
  const killed = spawnSync(process.execPath, ['-e', `require('net').createServer().listen(${JSON.stringify(socketPath(dead))}, () => process.kill(process.pid, 'SIGKILL'))`]);
  expect(killed.signal).toBe('SIGKILL');
  expect(existsSync(socketPath(dead))).toBe(true);
  const r = await gongwen(['build', file, '--out', dead, '--format', 'pdf'], dir);
  expect(r.code, r.stderr).toBe(0);
  expect(r.stderr).not.toMatch(/running process/);
  expect(existsSync(join(dead, 'seed.pdf'))).toBe(true);
  rmSync(socketPath(dead)); // the command leaves another process's socket file alone; the test removes its own

  // A process that listens but never answers: the command waits a moment, then builds itself.
  const mute = join(dir, 'out-mute');
  const server = createServer(() => {});
  await new Promise<void>((done) => server.listen(socketPath(mute), () => done()));
  try {
    const m = await gongwen(['build', file, '--out', mute, '--format', 'pdf'], dir);
    expect(m.code, m.stderr).toBe(0);
    expect(existsSync(join(mute, 'seed.pdf'))).toBe(true);
  } finally {
    server.close();
  }
}, 60_000);

it('hands a build of a file under the data folder of a running serve to it', async () => {
  const fresh = await gongwen(['build', file, '--out', join(dir, 'fresh-serve'), '--format', 'pdf'], dir);
  expect(fresh.code, fresh.stderr).toBe(0);
  const host = await acceptBuildsUnder(data); // what `gongwen serve data` starts beside its HTTP server
  expect(host).toBeDefined();
  try {
    const taken = await gongwen(['build', file, '--out', join(dir, 'via-serve'), '--format', 'pdf'], dir);
    expect(taken.code, taken.stderr).toBe(0);
    expect(taken.stderr).toContain(`running process ${process.pid}`);
    expect(readFileSync(join(dir, 'via-serve', 'seed.pdf')).equals(readFileSync(join(dir, 'fresh-serve', 'seed.pdf')))).toBe(true);

    const outside = join(dir, 'outside.yaml'); // not under the served folder: built by the command itself
    copyFileSync(file, outside);
    const own = await gongwen(['build', outside, '--out', join(dir, 'via-serve'), '--format', 'pdf'], dir);
    expect(own.code, own.stderr).toBe(0);
    expect(own.stderr).not.toMatch(/running process/);
    expect(existsSync(join(dir, 'via-serve', 'outside.pdf'))).toBe(true);
  } finally {
    await host!.close();
  }
  expect(existsSync(dataSocketPath(data))).toBe(false);
}, 120_000);

it('offers only a plain build of report files, read as the command line reads it', () => {
  const cwd = '/data';
  expect(requestOf(['a.yaml', 'sub/b.YML', '--out', 'out', '--format=pdf', '--variant', 'plain', '--draft', '--force'], cwd)).toEqual({
    v: 2, inputs: ['/data/a.yaml', '/data/sub/b.YML'], outDir: '/data/out', format: 'pdf', variant: 'plain', draft: true, force: true,
  });
  expect(requestOf(['a.yaml', '-o', '/abs/out'], cwd)).toMatchObject({ outDir: '/abs/out', format: undefined, draft: false, force: false });
  // Left to the command: a folder, --jobs, help, an unknown or repeated option, a missing or empty --out.
  for (const args of [['dir', '-o', 'out'], ['a.yaml', '-o', 'out', '--jobs', '1'], ['a.yaml', '-o', 'out', '--help'], ['a.yaml', '-o', 'out', '-x'],
    ['a.yaml', '-o', 'out', '-o', 'other'], ['a.yaml'], ['a.yaml', '--out', ''], ['a.yaml', '--out', '--force'], ['-o', 'out']]) {
    expect(requestOf(args, cwd), args.join(' ')).toBeUndefined();
  }
});
