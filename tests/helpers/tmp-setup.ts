// Vitest global setup: every test run gets its own temporary folder, removed when the run ends, so the
// hundreds of folders the tests make (fonts, builds, LibreOffice profiles) do not pile up in /tmp. Test
// files and the processes they spawn find it through TMPDIR, which os.tmpdir() reads.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export default function setup(): () => void {
  // Vitest runs a global setup for the root and again for each project (vitest.config.ts): one folder serves them
  // all. A folder made inside another would lengthen every path under it, past what a Unix socket's may be
  // (chromium's SingletonSocket refused to start).
  if (process.env.GONGWEN_TESTS_TMP) return () => undefined;
  // The browser tests' screenshots are for people to look at: they stay outside.
  process.env.GONGWEN_SHOTS ??= join(tmpdir(), 'gongwen-serve-shots');
  const dir = mkdtempSync(join(tmpdir(), 'gongwen-tests-'));
  process.env.TMPDIR = dir;
  process.env.GONGWEN_TESTS_TMP = dir;
  return () => rmSync(dir, { recursive: true, force: true });
}
