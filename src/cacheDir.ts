// A folder for the tool's own caches (the font manifest as JSON, fonts' glyph data): the one bin/bundle.js
// chose for the compiled code (it passes it as GONGWEN_CACHE_DIR), else one in the temp folder. A cache is
// only ever an optimisation: a read or write that fails is ignored and the work is done the slow way.
import { closeSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

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

/** Stores `value` as `name`, as JSON (see writeCacheFile). */
export function writeCache(name: string, value: unknown): void {
  try {
    writeCacheFile(join(cacheDir(), name), [Buffer.from(JSON.stringify(value))]);
  } catch {
    // read-only or full: the next run does the work again
  }
}

/**
 * Writes `parts` to `target` through a temporary file beside it and a rename, so a reader never sees half of it. A
 * write that fails (a full disk) removes its temporary file and throws. Threads and processes may store the same file
 * at once: the process's and the thread's ids keep their temporary files apart.
 */
export function writeCacheFile(target: string, parts: readonly Uint8Array[]): void {
  mkdirSync(dirname(target), { recursive: true });
  const { threadId } = createRequire(import.meta.url)('node:worker_threads') as typeof import('node:worker_threads');
  const tmp = `${target}.${process.pid}-${threadId}.tmp`;
  try {
    const fd = openSync(tmp, 'w');
    try {
      for (const p of parts) writeSync(fd, p);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, target);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
}

/** A temporary file this old was left by a process killed while writing it. */
const ABANDONED_MS = 3600 * 1000;

/** True when `file` is a temporary file of writeCacheFile's, which is removed if it was abandoned. */
export function sweepIfTemporary(file: string): boolean {
  if (!file.endsWith('.tmp')) return false;
  if (Date.now() - statSync(file).mtimeMs > ABANDONED_MS) rmSync(file, { force: true });
  return true;
}
