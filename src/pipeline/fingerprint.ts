// Content hashes for the incremental build: what an output depends on, reduced to one key.
// Hashes, not timestamps: saving a file unchanged, or a fresh checkout, does not force a rebuild.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

export function sha256(...parts: (string | Uint8Array)[]): string {
  const h = createHash('sha256');
  for (const p of parts) {
    h.update(p);
    h.update('\0'); // separator: ('ab','c') and ('a','bc') must not collide
  }
  return h.digest('hex');
}

/** Largest dependency we hash by content; past it (a wrong path, /dev/zero) we hash its identity instead. */
const MAX_HASHED_BYTES = 64 * 1024 * 1024;

/**
 * The hash of one dependency file. A missing file, a folder or a device hashes to a marker, so the key
 * still changes when the file later appears; reading never follows a path into an endless device.
 * Read synchronously: a no-change build hashes every source, and a promise's round trips through the thread
 * pool (stat, open, read, close) cost more than reading a report's few kilobytes.
 */
export function hashFileSync(path: string): string {
  let st;
  try {
    st = statSync(path);
  } catch {
    return 'missing';
  }
  if (!st.isFile()) return 'not-a-file';
  if (st.size > MAX_HASHED_BYTES) return `large:${st.size}:${st.mtimeMs}`;
  try {
    return sha256(readFileSync(path));
  } catch {
    return 'unreadable';
  }
}

export async function hashFile(path: string): Promise<string> {
  return hashFileSync(path);
}

/** One hash over every file under `dir` (names and contents, in sorted order); '' when it does not exist. */
export async function hashTree(dir: string, accept: (name: string) => boolean = () => true): Promise<string> {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true, recursive: true });
  } catch {
    return 'missing';
  }
  const files = entries
    .filter((e) => e.isFile() && accept(e.name))
    .map((e) => join(e.parentPath, e.name))
    .sort();
  const parts: string[] = [];
  for (const f of files) parts.push(relative(dir, f).split(sep).join('/'), sha256(readFileSync(f)));
  return sha256(...parts);
}
