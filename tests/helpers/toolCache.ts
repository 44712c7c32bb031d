// What an outside tool made of exact inputs, kept between test runs: LibreOffice's PDF of a DOCX and the OOXML
// validator's verdict on it depend only on the file's bytes and on the tool (and, for LibreOffice, the fonts it
// finds). Keyed on all of those, a rerun with nothing changed asks neither tool again; any change to the writer
// changes the bytes, so the tool runs. The results are the tools' own, never written by hand.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const CACHE = join(resolve(import.meta.dirname, '..', '..'), 'node_modules', '.cache', 'gongwen-tests');

/** sha256 of the parts, each length-prefixed so no two lists of parts run together the same way. */
export function keyOf(...parts: (string | Uint8Array)[]): string {
  const h = createHash('sha256');
  for (const p of parts) {
    const b = typeof p === 'string' ? Buffer.from(p) : p;
    h.update(`${b.length}:`).update(b);
  }
  return h.digest('hex');
}

/** A file's identity for a key: its path, size and modification time (a tool's binary, a version file). */
export function fileStamp(path: string): string {
  try {
    const st = statSync(path);
    return `${path} ${st.size} ${st.mtimeMs}`;
  } catch {
    return `${path} missing`;
  }
}

/** Output of a command, or '' when it fails: for keys (the fonts fontconfig lists). */
export function commandOutput(cmd: string, args: string[], env: NodeJS.ProcessEnv = process.env): string {
  try {
    return execFileSync(cmd, args, { env, encoding: 'utf8', maxBuffer: 64 << 20 });
  } catch {
    return '';
  }
}

/** The cached file for `key` in `kind`, copied to `target`; false when there is none. */
export function restoreFile(kind: string, key: string, target: string): boolean {
  const hit = join(CACHE, kind, key);
  if (!existsSync(hit)) return false;
  copyFileSync(hit, target);
  return true;
}

/** Keeps a copy of `source` under `key`, through a temporary name: a concurrent reader never sees half a file. */
export function storeFile(kind: string, key: string, source: string): void {
  try {
    mkdirSync(join(CACHE, kind), { recursive: true });
    const tmp = join(CACHE, kind, `.${key}.${process.pid}.tmp`);
    copyFileSync(source, tmp);
    renameSync(tmp, join(CACHE, kind, key));
  } catch {
    // a cache is only a shortcut: the tool runs again next time
  }
}

export function readJson<T>(kind: string, key: string): T | undefined {
  try {
    return JSON.parse(readFileSync(join(CACHE, kind, key), 'utf8')) as T;
  } catch {
    return undefined;
  }
}

export function storeJson(kind: string, key: string, value: unknown): void {
  try {
    mkdirSync(join(CACHE, kind), { recursive: true });
    const tmp = join(CACHE, kind, `.${key}.${process.pid}.tmp`);
    writeFileSync(tmp, JSON.stringify(value));
    renameSync(tmp, join(CACHE, kind, key));
  } catch {
    // as above
  }
}
