// Content hashes for the incremental build: what an output depends on, reduced to one key.
// Hashes, not timestamps: saving a file unchanged, or a fresh checkout, does not force a rebuild.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync, type Stats } from 'node:fs';
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
  return hashOfStat(st) ?? hashContent(path);
}

/** The marker of a path that is not hashed by content (not a regular file, too large), or undefined. */
function hashOfStat(st: Stats): string | undefined {
  if (!st.isFile()) return 'not-a-file';
  if (st.size > MAX_HASHED_BYTES) return `large:${st.size}:${st.mtimeMs}`;
  return undefined;
}

function hashContent(path: string): string {
  try {
    return sha256(readFileSync(path));
  } catch {
    return 'unreadable';
  }
}

/** A file's stat when its content hashed to `hash`: size, modification and change times, inode. */
export type HashMemoEntry = [size: number, mtimeMs: number, ctimeMs: number, ino: number, hash: string];

/**
 * A file changed this close before the memo was written is hashed again (git's "racily clean" files): an edit in
 * the same tick of the file system's clock as the memo's reading (a jiffy; a second, or two on FAT) leaves its size
 * and times as they were. The change time (ctime) is used: unlike the modification time, no tool can set it back.
 */
export const RACY_MS = 3000;

/** True when `e` still tells the file's content: the same stat, and last changed well before the memo was written. */
export function memoHolds(e: HashMemoEntry | undefined, st: Pick<Stats, 'size' | 'mtimeMs' | 'ctimeMs' | 'ino'>, writtenMs: number): boolean {
  return e !== undefined && e[0] === st.size && e[1] === st.mtimeMs && e[2] === st.ctimeMs && e[3] === st.ino && st.ctimeMs < writtenMs - RACY_MS;
}

/**
 * Content hashes remembered by file stat (kept in the build manifest, written at `writtenMs`): a no-change build
 * stats its sources instead of reading and hashing them all. Anything the stat does not vouch for is hashed.
 */
export class HashMemo {
  private readonly seen = new Map<string, HashMemoEntry>();
  /** Whether saving would tell the next run something: a new or changed entry. */
  changed = false;

  constructor(
    private readonly old: ReadonlyMap<string, HashMemoEntry>,
    private readonly writtenMs: number,
  ) {}

  /** As hashFileSync, from the memo when the file's stat says it has not changed. */
  hash(path: string): string {
    const known = this.seen.get(path);
    if (known) return known[4];
    let st;
    try {
      st = statSync(path);
    } catch {
      return 'missing';
    }
    const marker = hashOfStat(st);
    if (marker) return marker;
    const old = this.old.get(path);
    if (old && memoHolds(old, st, this.writtenMs)) {
      this.seen.set(path, old);
      return old[4];
    }
    const hash = hashContent(path);
    if (hash === 'unreadable') return hash;
    const entry: HashMemoEntry = [st.size, st.mtimeMs, st.ctimeMs, st.ino, hash];
    this.seen.set(path, entry);
    // Only a new or changed entry is news. One too recent to trust, hashed again to the same entry, is not: a build
    // with nothing to do leaves the output folder as it was (the manifest too), and the entry becomes trusted when a
    // build next writes the manifest.
    if (!old || old.some((v, k) => v !== entry[k])) this.changed = true;
    return hash;
  }

  /** The entries to save: this run's, and the earlier ones `keep` still wants (the files of jobs not run this time). */
  entries(keep: (path: string) => boolean): Record<string, HashMemoEntry> {
    const out: Record<string, HashMemoEntry> = {};
    for (const [path, e] of this.old) if (keep(path)) out[path] = e;
    for (const [path, e] of this.seen) out[path] = e;
    return out;
  }
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
