// A folder for the tool's own caches (the font manifest as JSON, fonts' glyph data): the one bin/bundle.js
// chose for the compiled code (it passes it as GONGWEN_CACHE_DIR), else one in the temp folder. A cache is
// only ever an optimisation: a read or write that fails is ignored and the work is done the slow way.
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export function cacheDir(): string {
  return process.env.GONGWEN_CACHE_DIR || join(tmpdir(), `gongwen-report-${process.getuid?.() ?? 'user'}`);
}

/** The cached JSON named `name`, if present and readable. */
export function readCache(name: string): unknown {
  try {
    return JSON.parse(readFileSync(join(cacheDir(), name), 'utf8'));
  } catch {
    return undefined;
  }
}

/** Stores `value` as `name`, through a temporary file and a rename so a reader never sees half of it. */
export function writeCache(name: string, value: unknown): void {
  try {
    const dir = cacheDir();
    mkdirSync(dir, { recursive: true });
    const tmp = join(dir, `.${name}.${process.pid}.tmp`);
    writeFileSync(tmp, JSON.stringify(value));
    renameSync(tmp, join(dir, name));
  } catch {
    // read-only or full: the next run does the work again
  }
}
