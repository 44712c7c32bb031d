// The layout profile kept as JSON by the command (src/layout/profile.ts): it round-trips whole, it is used only
// under its stamp (the file's identity and the code's), and it is not used when the code has no name.
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseProfile } from '../src/layout/profile.ts';
import { TEMPLATES_DIR } from '../src/compose/templates.ts';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'profile-cache-'));
  process.env.GONGWEN_CACHE_DIR = dir;
});
afterAll(() => {
  delete process.env.GONGWEN_CACHE_DIR;
  delete process.env.GONGWEN_RENDERER_HASH;
  rmSync(dir, { recursive: true, force: true });
});

async function freshLoad() {
  vi.resetModules();
  return (await import('../src/layout/profile.ts')).loadProfile();
}

it('keeps the profile whole through JSON', () => {
  const p = parseProfile(join(TEMPLATES_DIR, 'gbt9704.yaml'));
  expect(JSON.parse(JSON.stringify(p))).toStrictEqual(p);
});

it('reads the stored profile only under its stamp, and only for named code', async () => {
  const file = join(dir, 'profile.json');
  delete process.env.GONGWEN_RENDERER_HASH;
  const parsed = await freshLoad();
  expect(() => readFileSync(file)).toThrow(); // unnamed code: nothing stored
  process.env.GONGWEN_RENDERER_HASH = 'code-a';
  expect(await freshLoad()).toStrictEqual(parsed); // stored now
  const stored = JSON.parse(readFileSync(file, 'utf8')) as { stamp: string; profile: { page: { width: number } } };
  stored.profile.page.width += 1;
  writeFileSync(file, JSON.stringify(stored));
  expect((await freshLoad()).page.width).toBe(parsed.page.width + 1); // the stored one is what a run uses
  process.env.GONGWEN_RENDERER_HASH = 'code-b';
  expect(await freshLoad()).toStrictEqual(parsed); // other code: parsed again
  writeFileSync(file, 'not json');
  expect(await freshLoad()).toStrictEqual(parsed);
});
