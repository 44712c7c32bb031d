// Each command loads only what it needs (issue 13): `--help`, `validate` and a build with nothing to do load
// none of the renderer's libraries. Checked on the real command, recording every module it resolves.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { BIN, ROOT, SEEDS } from './build-helpers.ts';

const PRELOAD = join(ROOT, 'tests', 'fixtures', 'loads', 'preload.mjs');
const HEAVY = ['pdfkit', 'fontkit', 'docx', 'exceljs', 'mammoth', 'handlebars', 'zod', 'yaml', 'piscina'];
const out = mkdtempSync(join(tmpdir(), 'gongwen-lazy-'));

afterAll(() => rmSync(out, { recursive: true, force: true }));

/** The packages under node_modules that `gongwen args` resolved. */
function packagesLoaded(args: string[]): Set<string> {
  const r = spawnSync(process.execPath, ['--import', PRELOAD, BIN, ...args], { encoding: 'utf8', env: { ...process.env, CI: '1' } });
  expect(r.stderr).not.toMatch(/internal error/);
  const line = /loaded-modules=(.*)/.exec(r.stderr)?.[1];
  expect(line, r.stderr).toBeDefined();
  const urls = JSON.parse(line!) as string[];
  return new Set(urls.flatMap((u) => /\/node_modules\/((?:@[^/]+\/)?[^/.][^/]*)\//.exec(u)?.[1] ?? []));
}

it('loads no renderer library for --help, and only the data layer for validate', () => {
  const help = packagesLoaded(['--help']);
  expect(help.has('commander')).toBe(true); // the hook sees packages at all
  expect(HEAVY.filter((p) => help.has(p))).toEqual([]);
  // New bytes (a comment line with this run's time): the loader parses them. It may also find the font-coverage
  // cache stale and rebuild it (that loads fontkit).
  const seed = firstSight('validate.yaml');
  const first = packagesLoaded(['validate', seed]);
  expect(first.has('yaml') && first.has('zod')).toBe(true);
  // The same bytes again: the loader's memo has them (src/load/memo.ts), and the characters are checked against the
  // cached coverage of the resolved fonts, so neither the YAML parser, zod nor a font parser is loaded.
  const validate = packagesLoaded(['validate', seed]);
  expect(validate.has('commander')).toBe(true);
  expect(HEAVY.filter((p) => validate.has(p))).toEqual([]);
});

/** A copy of a seed whose bytes no run has seen: a comment line with this process and time appended. */
function firstSight(name: string): string {
  const file = join(out, name);
  writeFileSync(file, `${readFileSync(join(SEEDS, '岔河镇-2023.yaml'), 'utf8')}\n# ${process.pid} ${Date.now()}\n`);
  return file;
}

it('builds a report it has loaded before without yaml or zod', () => {
  const input = firstSight('build.yaml');
  const first = packagesLoaded(['build', input, '--out', join(out, 'memo'), '--format', 'pdf']);
  expect(first.has('yaml') && first.has('zod')).toBe(true);
  // Built again (--force): the report, the templates and the font manifest all come from the memo.
  const again = packagesLoaded(['build', input, '--out', join(out, 'memo'), '--format', 'pdf', '--force']);
  expect(again.has('pdfkit')).toBe(true);
  expect(['yaml', 'zod', 'handlebars', 'docx', 'exceljs', 'mammoth'].filter((p) => again.has(p))).toEqual([]);
});

it('plans a build with nothing to do without yaml, zod, fonts or the renderer', () => {
  const input = join(SEEDS, '岔河镇-2023.yaml');
  const first = packagesLoaded(['build', input, '--out', out, '--format', 'pdf']);
  expect(first.has('pdfkit')).toBe(true);
  expect(first.has('exceljs')).toBe(false); // no roll-up in this run: the workbook code is never loaded
  const again = packagesLoaded(['build', input, '--out', out, '--format', 'pdf']);
  expect(HEAVY.filter((p) => again.has(p))).toEqual([]);
});

/** The Node built-in modules `gongwen args` loaded. */
function builtinsLoaded(args: string[]): string[] {
  const r = spawnSync(process.execPath, ['--require', join(ROOT, 'tests', 'fixtures', 'loads', 'builtins.cjs'), BIN, ...args], { encoding: 'utf8', env: { ...process.env, CI: '1' } });
  expect(r.status, r.stderr).toBe(0);
  return JSON.parse(/builtins=(.*)/.exec(r.stderr)![1]) as string[];
}

it('plans a build with nothing to do without the promise file API or the performance timers', () => {
  // Each brings a dozen of Node's own modules into a run that needs neither (issue 13: the no-change rebuild).
  const input = join(SEEDS, '岔河镇-2023.yaml');
  builtinsLoaded(['build', input, '--out', out, '--format', 'pdf']);
  const again = builtinsLoaded(['build', input, '--out', out, '--format', 'pdf']);
  expect(again).toContain('fs'); // the hook sees built-ins at all
  expect(again.filter((m) => ['fs/promises', 'perf_hooks', 'internal/fs/promises', 'readline'].includes(m))).toEqual([]);
});
