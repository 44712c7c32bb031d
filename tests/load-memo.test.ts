// The loader's memo (src/load/memo.ts, reportMemo.ts): a report file loaded before is given back exactly as a fresh
// load gives it (data, warnings with their file:line:col, every position), and nothing else is ever given back: an
// edited file, a damaged, truncated or foreign entry, a file that did not load. Real files on disk, in a memo folder
// of the test's own.
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadReportFile, loadReportText } from '../src/load/index.ts';
import { memoDir, recall, remember, sweepMemo } from '../src/load/memo.ts';
import type { DataPath } from '../src/load/positions.ts';
import { loadReport, recallReport } from '../src/load/reportMemo.ts';
import { ROOT } from './build-helpers.ts';

const dir = mkdtempSync(join(tmpdir(), 'gongwen-memo-'));
const saved = process.env.GONGWEN_CACHE_DIR;
beforeAll(() => {
  process.env.GONGWEN_CACHE_DIR = join(dir, 'cache');
});
afterAll(() => {
  if (saved === undefined) delete process.env.GONGWEN_CACHE_DIR;
  else process.env.GONGWEN_CACHE_DIR = saved;
  rmSync(dir, { recursive: true, force: true });
});

function yamlFiles(d: string, out: string[] = []): string[] {
  for (const e of readdirSync(d, { withFileTypes: true })) {
    const p = join(d, e.name);
    if (e.isDirectory()) yamlFiles(p, out);
    else if (e.name.endsWith('.yaml') && e.name !== 'county.yaml') out.push(p);
  }
  return out.sort();
}

/** Every path into the data, and next to each one that does not exist (a key, an index past the end). */
function paths(value: unknown, path: (string | number)[] = [], out: DataPath[] = []): DataPath[] {
  out.push(path, [...path, 'nokey'], [...path, 99]);
  if (Array.isArray(value)) value.forEach((v, i) => paths(v, [...path, i], out));
  else if (value !== null && typeof value === 'object') for (const [k, v] of Object.entries(value)) paths(v, [...path, k], out);
  return out;
}

// Every seed and demo report in data/, and every report fixture of the tests that loads.
const files = [...yamlFiles(join(ROOT, 'data')), ...yamlFiles(join(ROOT, 'tests', 'fixtures'))].filter(
  (f) => loadReportText(readFileSync(f, 'utf8').replace(/^\uFEFF/, ''), f).ok,
);

describe('a file loaded before', () => {
  it('covers the seeds and the fixtures', () => {
    expect(files.filter((f) => f.includes('/data/seeds/')).length).toBeGreaterThanOrEqual(5);
    expect(files.length).toBeGreaterThan(20);
  });

  it.each(files.map((f) => [relative(ROOT, f), f]))('%s: the memo gives what a fresh load gives', async (_, file) => {
    const bytes = readFileSync(file);
    expect(recallReport(file, bytes)).toBeUndefined(); // nothing remembered yet
    const fresh = loadReportText(bytes.toString('utf8').replace(/^\uFEFF/, ''), file);
    const first = loadReportFile(file); // a miss: loaded afresh and remembered
    const hit = recallReport(file, bytes);
    const viaAsync = await loadReport(file);
    expect(fresh.ok && first.ok && hit && viaAsync.ok).toBe(true);
    if (!fresh.ok || !first.ok || !hit || !viaAsync.ok) return;
    for (const other of [first, hit, viaAsync]) {
      expect(other.report).toStrictEqual(fresh.report);
      expect(other.warnings).toStrictEqual(fresh.warnings);
      expect(other.positions).toStrictEqual(fresh.positions);
      expect(other.file).toBe(file);
    }
    const all = paths(fresh.report);
    expect(all.map(hit.lineOf)).toStrictEqual(all.map(fresh.lineOf));
  });
});

describe('what the memo never gives back', () => {
  const write = (name: string, text: string | Buffer): string => {
    const f = join(dir, name);
    writeFileSync(f, text);
    return f;
  };
  const seed = readFileSync(join(ROOT, 'data', 'seeds', '岔河镇-2023.yaml'));
  const entries = () => readdirSync(memoDir()).filter((n) => n.endsWith('.memo'));
  const entryOf = (before: string[]) => join(memoDir(), entries().find((n) => !before.includes(n))!);

  it('an edited file: a miss, loaded afresh', () => {
    const file = write('edited.yaml', seed);
    expect(loadReportFile(file).ok).toBe(true);
    expect(recallReport(file, readFileSync(file))).toBeDefined();
    const edited = Buffer.from(seed.toString('utf8').replace('township: 岔河镇', 'township: 岔河'));
    writeFileSync(file, edited);
    expect(recallReport(file, edited)).toBeUndefined();
    const r = loadReportFile(file);
    expect(r.ok && r.report.township).toBe('岔河');
  });

  it('the same bytes under another name: its own entry, its warnings name their own file', () => {
    const a = write('a.yaml', seed);
    const b = write('b.yaml', seed);
    expect(loadReportFile(a).ok).toBe(true);
    expect(recallReport(b, seed)).toBeUndefined();
    expect(loadReportFile(b).ok).toBe(true);
    const fresh = loadReportText(seed.toString('utf8'), b);
    const hit = recallReport(b, seed);
    expect(hit?.file).toBe(b);
    expect(hit?.warnings).toStrictEqual(fresh.ok && fresh.warnings);
  });

  it('a file with errors is not remembered', () => {
    const before = entries();
    const file = write('bad.yaml', `${seed.toString('utf8')}\nunknownKey: 1\n`);
    expect(loadReportFile(file).ok).toBe(false);
    expect(entries()).toEqual(before);
    expect(recallReport(file, readFileSync(file))).toBeUndefined();
  });

  it.each([
    ['a byte of the stored data changed', (e: Buffer) => Buffer.from(e.toString('utf8').replace('"township":"岔河镇"', '"township":"岔河乡"'))],
    ['a byte of the stored source changed', (e: Buffer) => Buffer.from(e.toString('utf8').replace('township: 岔河镇', 'township: 岔河乡'))],
    ['truncated', (e: Buffer) => e.subarray(0, e.length - 100)],
    ['only its header', (e: Buffer) => e.subarray(0, e.indexOf(10) + 1)],
    ['empty', () => Buffer.alloc(0)],
    ['not ours at all', () => Buffer.from('{"format":"gongwen-memo 1"}\nhello')],
    ['written by another loader', (e: Buffer) => Buffer.from(e.toString('utf8').replace('"identity":"[', '"identity":"[\\"other\\",'))],
    ['of another format', (e: Buffer) => Buffer.from(e.toString('utf8').replace('gongwen-memo 1', 'gongwen-memo 0'))],
  ])('an entry %s is ignored, and the file loaded afresh and remembered again', (name, damage) => {
    const file = write(`damaged-${basename(name).replace(/\W+/g, '-')}.yaml`, seed);
    const before = entries();
    const fresh = loadReportFile(file);
    const entry = entryOf(before);
    const good = readFileSync(entry);
    const bad = damage(good);
    expect(bad.equals(good)).toBe(false);
    writeFileSync(entry, bad);
    expect(recallReport(file, seed)).toBeUndefined();
    const again = loadReportFile(file);
    expect(again.ok && fresh.ok && again.report).toStrictEqual(fresh.ok && fresh.report);
    expect(readFileSync(entry).equals(good)).toBe(true); // rewritten whole
    expect(recallReport(file, seed)).toBeDefined();
  });

  it.each([
    ['an undefined property', { a: 1, b: undefined }],
    ['-0', { a: [-0] }],
    ['a hole in an array', { a: [1, , 3] }], // eslint-disable-line no-sparse-arrays
    ['a date', { a: new Date(0) }],
    ['an infinite number', { a: Infinity }],
  ])('a value JSON would not give back whole (%s) is not kept', (_, value) => {
    const bytes = Buffer.from(`kept? ${JSON.stringify(value)}`);
    remember('test', 'x.yaml', bytes, value);
    expect(recall('test', 'x.yaml', bytes)).toBeUndefined();
    remember('test', 'x.yaml', bytes, { a: [1, 'two', null, true, { c: 0.5 }] });
    expect(recall('test', 'x.yaml', bytes)).toStrictEqual({ a: [1, 'two', null, true, { c: 0.5 }] });
  });

  it('the folder is kept under its cap: the oldest entries go, temporary files abandoned an hour ago go, others stay', () => {
    const d = memoDir();
    for (const n of entries()) rmSync(join(d, n));
    const old = Date.now() / 1000 - 7200;
    for (let i = 0; i < 4; i++) {
      writeFileSync(join(d, `report-${i}a.memo`), Buffer.alloc(1000));
      utimesSync(join(d, `report-${i}a.memo`), old + i, old + i);
    }
    writeFileSync(join(d, 'x.memo.1-a.tmp'), 'x');
    utimesSync(join(d, 'x.memo.1-a.tmp'), old, old);
    writeFileSync(join(d, 'y.memo.1-b.tmp'), 'y'); // being written now
    writeFileSync(join(d, 'README'), 'not ours');
    sweepMemo(3000); // down to three quarters: 2,250 bytes, so the two oldest go
    // 'swept' stamps the sweep's time: a run's first store sweeps only when no run has for ten minutes.
    expect(readdirSync(d).sort()).toEqual(['README', 'report-2a.memo', 'report-3a.memo', 'swept', 'y.memo.1-b.tmp']);
    expect(statSync(join(d, 'README')).size).toBe(8);
    expect(Date.now() - statSync(join(d, 'swept')).mtimeMs).toBeLessThan(60_000);
  });
});
