// The validated-source memo: what the loader made of a data file's exact bytes (the data, its warnings, its positions),
// kept in the tool's cache folder, so that loading a file already loaded by this same code parses no YAML and runs no
// schema (nor loads the libraries that do). An entry is found by checksums of the file's name and bytes, and used only
// when it holds those very bytes and was written by this same loader (the code, the tool's version, its installed
// packages, the templates the loader reads): no hash collision, no edit of the file or of the tool can ever give
// another file's data. Only files that loaded without error are kept. A memo is only an optimisation: an entry that
// is missing, damaged, truncated or foreign is ignored (the file is loaded afresh), and every failure to read or
// write one is ignored.
import { closeSync, fstatSync, openSync, readdirSync, readFileSync, readSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { crc32 } from 'node:zlib';
import { cacheDir, sweepIfTemporary, writeCacheFile } from '../cacheDir.ts';
import { TOOL_ROOT } from '../toolRoot.ts';

/** Bump when the layout of an entry, or of what a loader stores in it, changes. */
const FORMAT = 'gongwen-memo 1';
/** An entry holds the file and what was made of it: a report is a few dozen KB, the loader's limit is 2 MB. */
export const MAX_ENTRY_BYTES = 8 * 1024 * 1024;
/** The folder is swept down to three quarters of this when a store finds it larger (2,000 reports take about 120 MB). */
export const MAX_MEMO_BYTES = 256 * 1024 * 1024;

export const memoDir = (): string => join(cacheDir(), 'memo');

/**
 * A CRC-32 of the parts, as hex: to name an entry and to check its stored data, not for security (the bytes themselves
 * are compared). zlib's is native (a hash in JavaScript costs milliseconds while its code is cold, as it always is in
 * a short run), and node:crypto would cost more to load than the whole lookup.
 */
export function checksum(...parts: (string | Uint8Array)[]): string {
  let c = 0;
  for (const part of parts) c = crc32('\0', crc32(part, c)); // a separator, so ("ab", "c") and ("a", "bc") differ
  return (c >>> 0).toString(16).padStart(8, '0');
}

/** Sources of the loader when run from src/ (the tests): every .ts file, in a stable order. */
function sourceFiles(dir: string, out: string[] = []): string[] {
  for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const p = join(dir, e.name);
    if (e.isDirectory()) sourceFiles(p, out);
    else if (e.name.endsWith('.ts') || e.name.endsWith('.tsx')) out.push(p);
  }
  return out;
}

/** A stat as a stamp: a file edited, replaced or removed gives another. */
function stamp(file: string): string {
  const st = statSync(file, { throwIfNoEntry: false });
  return st ? `${st.size}:${st.mtimeMs}:${st.ctimeMs}:${st.ino}` : 'missing';
}

/**
 * Everything an entry's data depend on besides the file: the format, the tool's version, the loader's code (the
 * command names its renderer, which includes the loader, by a hash of its sources with Node's version, see
 * bin/bundle.js; from src/, the sources are hashed here), the installed packages (yaml and zod: npm rewrites its lock
 * on every install) and the templates the loader reads (the old form's part headings, the words of the parts).
 */
let identityOnce: string | undefined;
export function memoIdentity(): string {
  if (identityOnce !== undefined) return identityOnce;
  try {
    const named = process.env.GONGWEN_RENDERER_HASH;
    const code = named ? `bundle:${named}` : `src:${checksum(...sourceFiles(join(TOOL_ROOT, 'src')).flatMap((f) => [relative(TOOL_ROOT, f), readFileSync(f)]))}`;
    const pkg: unknown = JSON.parse(readFileSync(join(TOOL_ROOT, 'package.json'), 'utf8'));
    const version = typeof pkg === 'object' && pkg !== null && 'version' in pkg ? String(pkg.version) : '?';
    const stamps = ['node_modules/.package-lock.json', 'templates/report.yaml', 'templates/covers.yaml'].map((f) => stamp(join(TOOL_ROOT, f)));
    identityOnce = JSON.stringify([FORMAT, version, process.version, code, ...stamps]);
  } catch {
    identityOnce = ''; // nothing to name the code by: no entry is read or written
  }
  return identityOnce;
}

interface Header {
  format: string;
  identity: string;
  kind: string;
  name: string;
  source: number; // bytes of the file, stored right after the header line
  data: number; // bytes of the JSON after them
  check: string; // checksum of that JSON
}

const entryFile = (identity: string, kind: string, name: string, bytes: Uint8Array): string =>
  join(memoDir(), `${kind}-${checksum(identity, kind, name)}${checksum(bytes)}${bytes.length.toString(16)}.memo`);

/** Reads a whole file of at most MAX_ENTRY_BYTES; undefined if it is not a regular file of ours. */
function readEntry(file: string): Buffer | undefined {
  let fd: number | undefined;
  try {
    fd = openSync(file, 'r');
    const st = fstatSync(fd);
    if (!st.isFile() || st.size > MAX_ENTRY_BYTES) return undefined;
    const buf = Buffer.allocUnsafe(st.size);
    let at = 0;
    while (at < buf.length) {
      const n = readSync(fd, buf, at, buf.length - at, null);
      if (n === 0) return undefined; // shorter than it said: being replaced
      at += n;
    }
    return buf;
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/**
 * What this loader stored for `name` (the path as the user gave it: it is in the diagnostics) with exactly these
 * bytes, or undefined. `kind` names what was stored (a report, a county).
 */
export function recall(kind: string, name: string, bytes: Uint8Array): unknown {
  const identity = memoIdentity();
  if (!identity) return undefined;
  const entry = readEntry(entryFile(identity, kind, name, bytes));
  if (!entry) return undefined;
  try {
    const end = entry.indexOf(10); // the header line
    if (end < 0) return undefined;
    const h = JSON.parse(entry.toString('utf8', 0, end)) as Partial<Header>;
    if (h.format !== FORMAT || h.identity !== identity || h.kind !== kind || h.name !== name) return undefined;
    if (h.source !== bytes.length || typeof h.data !== 'number' || entry.length !== end + 1 + h.source + h.data) return undefined;
    const source = entry.subarray(end + 1, end + 1 + h.source);
    if (!source.equals(bytes)) return undefined;
    const data = entry.subarray(end + 1 + h.source);
    if (checksum(data) !== h.check) return undefined; // damaged
    return JSON.parse(data.toString('utf8'));
  } catch {
    return undefined;
  }
}

/**
 * Whether JSON gives `value` back exactly: plain objects and arrays of strings, booleans, null and finite numbers
 * other than -0, with no undefined property. (Checking a round trip with a deep comparison costs ten times more.)
 */
function jsonKeepsWhole(value: unknown): boolean {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return true;
    case 'number':
      return Number.isFinite(value) && !Object.is(value, -0);
    case 'object': {
      if (value === null) return true;
      if (Array.isArray(value)) {
        for (let i = 0; i < value.length; i++) if (!(i in value) || !jsonKeepsWhole(value[i])) return false;
        return true;
      }
      const proto: unknown = Object.getPrototypeOf(value);
      if (proto !== Object.prototype && proto !== null) return false;
      for (const key of Object.keys(value)) {
        if (key === '__proto__' || !jsonKeepsWhole((value as Record<string, unknown>)[key])) return false;
      }
      return Object.getOwnPropertySymbols(value).length === 0;
    }
    default:
      return false; // undefined, a function, a bigint, a symbol
  }
}

/**
 * Bytes this process stored since it last swept: it sweeps after every quarter of the cap, and at its first store
 * unless some process swept in the last SWEEP_EVERY_MS (the stamp file's time). A sweep stats every entry, about
 * 30 ms a thousand: done by every short run, it cost a report seen for the first time a fifth of its build.
 */
let unswept: number | undefined;
const SWEEP_EVERY_MS = 10 * 60 * 1000;
const sweptStamp = (): string => join(memoDir(), 'swept');
function sweptLately(): boolean {
  const st = statSync(sweptStamp(), { throwIfNoEntry: false });
  return st !== undefined && Math.abs(Date.now() - st.mtimeMs) < SWEEP_EVERY_MS;
}

/**
 * Keeps what the loader made of these bytes. Only data that JSON gives back exactly is kept (a value such as -0 or
 * an undefined property would come back changed), so a recalled value is always the one a fresh load gives.
 */
export function remember(kind: string, name: string, bytes: Uint8Array, value: unknown): void {
  const identity = memoIdentity();
  if (!identity) return;
  try {
    if (!jsonKeepsWhole(value)) return;
    const data = Buffer.from(JSON.stringify(value));
    const header: Header = { format: FORMAT, identity, kind, name, source: bytes.length, data: data.length, check: checksum(data) };
    const head = Buffer.from(`${JSON.stringify(header)}\n`);
    if (head.length + bytes.length + data.length > MAX_ENTRY_BYTES) return;
    writeCacheFile(entryFile(identity, kind, name, bytes), [head, bytes, data]);
    unswept = (unswept ?? (sweptLately() ? 0 : Infinity)) + head.length + bytes.length + data.length;
    if (unswept > MAX_MEMO_BYTES / 4) {
      unswept = 0;
      sweepMemo();
    }
  } catch {
    // read-only or full: the next run loads the file afresh
  }
}

/**
 * Bounds the folder (run as `unswept` says) and stamps the time it did: abandoned temporary files go, and when the entries together pass
 * `limit` the oldest go until three quarters remain. Files not named as ours are left alone.
 */
export function sweepMemo(limit = MAX_MEMO_BYTES): void {
  const dir = memoDir();
  writeFileSync(sweptStamp(), '');
  const entries: { file: string; size: number; mtime: number }[] = [];
  for (const name of readdirSync(dir)) {
    const file = join(dir, name);
    try {
      if (sweepIfTemporary(file)) continue;
      const st = statSync(file);
      if (/^[\w-]+-[0-9a-f]+\.memo$/.test(name)) entries.push({ file, size: st.size, mtime: st.mtimeMs });
    } catch {
      // removed by another process meanwhile
    }
  }
  let total = entries.reduce((n, e) => n + e.size, 0);
  if (total <= limit) return;
  entries.sort((a, b) => a.mtime - b.mtime);
  for (const e of entries) {
    if (total <= (limit * 3) / 4) break;
    rmSync(e.file, { force: true });
    total -= e.size;
  }
}
