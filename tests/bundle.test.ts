// bin/bundle.js: the command runs a bundle of the TypeScript sources, cached by their content, and
// rebuilt as soon as one of them changes, so an edit to the code needs no build step.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { createRequire } from 'node:module';
import { expect, it } from 'vitest';
import { BIN, ROOT } from './build-helpers.ts';

type Folder = { r: Record<string, string>; e: Record<string, [number, number, number]> };
const { writeCache } = createRequire(import.meta.url)('../bin/codeCache.js') as {
  writeCache(file: string, stamp: string, ms: number, folders: Map<string, Folder>, code: Buffer[]): void;
};

/** A code-cache file as bin/codeCache.js writes it: its index, each folder's part, and the code after them. */
function readCacheFile(file: string): { stamp: string; ms: number; folders: Map<string, Folder>; code: Buffer } {
  const raw = readFileSync(file);
  const n = raw.readUInt32LE(0);
  const index = JSON.parse(raw.toString('utf8', 4, 4 + n)) as { stamp: string; ms: number; blobs: number; dirs: Record<string, [number, number]> };
  const folders = new Map(Object.entries(index.dirs).map(([d, [at, len]]) => [d, JSON.parse(raw.toString('utf8', 4 + n + at, 4 + n + at + len)) as Folder]));
  return { stamp: index.stamp, ms: index.ms, folders, code: raw.subarray(4 + n + index.blobs) };
}

// A fixed path, so the cache holds one entry for this test however often it runs.
const dir = join(tmpdir(), 'gongwen-bundle-test');
const entry = join(dir, 'entry.ts');
const helper = join(dir, 'helper.ts');

function run(): string {
  const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'run-ts.js'), entry, 'arg1'], { encoding: 'utf8' });
  expect(r.status, r.stderr).toBe(0);
  return r.stdout.trim();
}

it('runs TypeScript through the cached bundle and rebuilds it when any file it imports changes', () => {
  mkdirSync(dir, { recursive: true });
  writeFileSync(entry, "import { word } from './helper.ts';\nconst n: number = 1;\nconsole.log(word, n, process.argv[2], import.meta.url.includes('.cache'));\n");
  writeFileSync(helper, "export const word: string = 'first';\n");
  expect(run()).toBe('first 1 arg1 true');
  expect(run()).toBe('first 1 arg1 true'); // from the cache
  writeFileSync(helper, "export const word: string = 'second';\n"); // an imported file, not the entry
  expect(run()).toBe('second 1 arg1 true');
});

it('names the file, line and column of a syntax error in the sources', () => {
  mkdirSync(dir, { recursive: true });
  const broken = join(dir, 'broken.ts');
  writeFileSync(broken, 'const x = ;\n');
  const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'run-ts.js'), broken], { encoding: 'utf8' });
  expect(r.status).not.toBe(0);
  expect(r.stderr).toMatch(/broken\.ts:1:10/);
});

it('runs the command from a V8 code cache, and a damaged cache file only costs a compile', () => {
  const file = join(ROOT, 'node_modules', '.cache', 'gongwen-report', 'code-cache.other.bin');
  const help = () => {
    const r = spawnSync(process.execPath, ['--require', join(ROOT, 'tests', 'fixtures', 'loads', 'count-code-cache.cjs'), BIN, '--help'], { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^Usage: gongwen/);
    return JSON.parse(/code-cache=(.*)/.exec(r.stderr)![1]) as { hit: number; rejected: number; none: number };
  };
  writeFileSync(file, 'not a cache');
  expect(help().rejected).toBe(0); // read as no cache at all: compiled, run, saved
  const names = [...readCacheFile(file).folders.values()].flatMap((f) => Object.keys(f.e));
  expect(names).toContain('main.cjs');
  const second = help();
  expect(second.hit).toBeGreaterThan(0);
  expect(second).toMatchObject({ rejected: 0, none: 0 });
});

it('remembers where requires led, and resolves again when a remembered file is gone', () => {
  const file = join(ROOT, 'node_modules', '.cache', 'gongwen-report', 'code-cache.other.bin');
  const help = () => {
    const r = spawnSync(process.execPath, [BIN, '--help'], { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^Usage: gongwen/);
  };
  help();
  const cache = readCacheFile(file);
  const from = [...cache.folders].find(([, f]) => 'commander' in f.r)?.[0];
  expect(from).toBeDefined();
  expect(existsSync(cache.folders.get(from!)!.r.commander)).toBe(true);
  // Point it at a file that does not exist: the run must resolve commander itself, and remember the right file.
  cache.folders.get(from!)!.r.commander = join(ROOT, 'node_modules', 'no-such-package', 'index.js');
  writeCache(file, cache.stamp, cache.ms, cache.folders, [cache.code]);
  help();
  const fixed = readCacheFile(file).folders.get(from!)!.r.commander;
  expect(fixed).toMatch(/node_modules\/commander\//);
  expect(existsSync(fixed)).toBe(true);
});

it('after a rebuild, removes bundles no entry names once superseded a day ago, of any entry', () => {
  const cache = join(ROOT, 'node_modules', '.cache', 'gongwen-report');
  const dayAgo = Date.now() / 1000 - 25 * 3600;
  const fake = (name: string, old: boolean) => {
    const d = join(cache, name);
    mkdirSync(d, { recursive: true });
    writeFileSync(join(d, 'main.mjs'), '');
    if (old) utimesSync(d, dayAgo, dayAgo);
    return d;
  };
  const oldUnnamed = fake('zz_sweep_test-0123456789abcdef0123', true);
  const newUnnamed = fake('zz_sweep_test-1123456789abcdef0123', false);
  const oldTemp = fake('.zz_sweep_test.12345.tmp', true);
  const oldGone = fake('zz_sweep_gone-2123456789abcdef0123', true); // named by a stamp whose sources are gone
  const gone = join(cache, 'zz_sweep_gone.json');
  writeFileSync(gone, JSON.stringify({ options: '2', hash: 'x', renderer: 'x', dir: 'zz_sweep_gone-2123456789abcdef0123', inputs: ['no/such/file.ts'], stats: [] }));
  utimesSync(gone, dayAgo, dayAgo);
  try {
    mkdirSync(dir, { recursive: true });
    writeFileSync(entry, "import { word } from './helper.ts';\nconsole.log(word);\n");
    writeFileSync(helper, `export const word: string = 'w${process.pid}${Date.now()}';\n`); // new code: a rebuild
    expect(run()).toMatch(/^w\d+$/);
    expect([oldUnnamed, oldTemp, oldGone, gone].filter((p) => existsSync(p))).toEqual([]);
    expect(existsSync(newUnnamed)).toBe(true);
    const name = relative(ROOT, entry).replace(/\.ts$/, '').replace(/[^\w-]+/g, '_'); // as bin/bundle.js names it
    const stamp = JSON.parse(readFileSync(join(cache, `${name}.json`), 'utf8')) as { dir: string };
    expect(existsSync(join(cache, stamp.dir))).toBe(true);
  } finally {
    for (const p of [oldUnnamed, newUnnamed, oldTemp, oldGone, gone]) rmSync(p, { recursive: true, force: true });
  }
});
