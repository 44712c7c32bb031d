// bin/bundle.js: the command runs a bundle of the TypeScript sources, cached by their content, and
// rebuilt as soon as one of them changes, so an edit to the code needs no build step.
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { ROOT } from './build-helpers.ts';

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
