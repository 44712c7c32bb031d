// Safe writes: every output goes to a temporary name beside its target, then is renamed over it.
// A rename within one folder is atomic, so a crash or kill -9 leaves either the old file or the new one,
// never a truncated file; a stale temporary file is swept away by the next build.
// fs.promises, not node:fs/promises: its getter loads that module (a dozen of Node's) on first use, so a build
// with nothing to write, which loads this module to sweep, does not pay for it.
import { promises as fsp, readdirSync } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { createHash } from 'node:crypto';
import { GongwenError, diag } from '../diagnostics.ts';

const TMP_MARK = '.gongwen-tmp';
let counter = 0;

/** Longest file name in bytes on the usual file systems (NAME_MAX). */
const NAME_MAX = 255;

/**
 * The temporary sibling of `target`: hidden, named after the process so a live writer's file is recognisable.
 * A long target name (80 CJK characters are 240 bytes) is shortened to a hash so the name still fits NAME_MAX.
 */
function tempName(target: string): string {
  counter += 1;
  const tail = `.${process.pid}-${counter}${TMP_MARK}`;
  const base = basename(target);
  const name = Buffer.byteLength(`.${base}${tail}`) <= NAME_MAX ? base : createHash('sha256').update(base).digest('hex').slice(0, 32);
  return join(dirname(target), `.${name}${tail}`);
}

/** What went wrong writing, in the user's terms: a full disk, a folder in the way, no permission. */
const WRITE_ERRORS: Record<string, readonly [string, string]> = {
  ENOSPC: ['磁盘空间不足', 'no space left on the device'],
  EDQUOT: ['超出磁盘配额', 'disk quota exceeded'],
  EISDIR: ['该位置已有同名文件夹', 'a folder of that name is in the way'],
  ENOTDIR: ['路径中有一段是文件而不是文件夹', 'part of the path is a file, not a folder'],
  EEXIST: ['路径中有一段是文件而不是文件夹', 'part of the path is a file, not a folder'],
  EACCES: ['没有写入权限', 'permission denied'],
  EPERM: ['没有写入权限', 'permission denied'],
  EROFS: ['文件系统是只读的', 'the file system is read-only'],
  ENAMETOOLONG: ['文件名过长', 'the file name is too long'],
  EIO: ['输入输出错误', 'an I/O error'],
};

function writeError(target: string, e: unknown): unknown {
  const code = (e as NodeJS.ErrnoException).code;
  const why = code ? WRITE_ERRORS[code] : undefined;
  return why ? new GongwenError(diag('build.write', { target, why }, { file: target })) : e;
}

export function isTempName(name: string): boolean {
  return name.endsWith(TMP_MARK);
}

/**
 * Writes `bytes` to `target` through a temporary file and a rename; creates the folder when needed.
 * Returns the file's modification time (the rename keeps it), which the build manifest records.
 */
export async function writeFileAtomic(target: string, bytes: Uint8Array | string): Promise<{ mtimeMs: number }> {
  try {
    return await writeThroughTemp(target, bytes);
  } catch (e) {
    throw writeError(target, e);
  }
}

/** Folders this process has made or found: a batch writes forty files into each, and a recursive mkdir is a round trip. */
const folders = new Set<string>();

/** Opens the temporary file, making its folder first the first time (or again, if it was removed since). */
async function openTemp(tmp: string): Promise<FileHandle> {
  const dir = dirname(tmp);
  if (folders.has(dir)) {
    try {
      return await fsp.open(tmp, 'w');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
    }
  }
  await fsp.mkdir(dir, { recursive: true });
  folders.add(dir);
  return fsp.open(tmp, 'w');
}

async function writeThroughTemp(target: string, bytes: Uint8Array | string): Promise<{ mtimeMs: number }> {
  const tmp = tempName(target);
  const handle = await openTemp(tmp);
  let mtimeMs: number;
  try {
    await handle.writeFile(bytes);
    // Flush before the rename: otherwise a power cut could leave the new name pointing at empty blocks.
    await handle.sync();
    mtimeMs = (await handle.stat()).mtimeMs;
  } catch (e) {
    await handle.close();
    await fsp.rm(tmp, { force: true });
    throw e;
  }
  await handle.close();
  try {
    await fsp.rename(tmp, target);
  } catch (e) {
    await fsp.rm(tmp, { force: true });
    throw e;
  }
  return { mtimeMs };
}

function processAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: the process exists but belongs to someone else.
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Removes temporary files left under `dir` by a writer that no longer runs (a build killed mid-write). */
export async function sweepStaleTemps(dir: string): Promise<number> {
  let removed = 0;
  let entries;
  try {
    // Synchronously: fs/promises walks a tree with a round trip through the thread pool per folder, which a
    // no-change build of a few folders pays for more than the listing itself.
    entries = readdirSync(dir, { withFileTypes: true, recursive: true });
  } catch {
    return 0; // no output folder yet
  }
  for (const e of entries) {
    if (!e.isFile() || !isTempName(e.name)) continue;
    const pid = Number(/\.(\d+)-\d+\.gongwen-tmp$/.exec(e.name)?.[1]);
    if (Number.isFinite(pid) && processAlive(pid)) continue;
    await fsp.rm(join(e.parentPath, e.name), { force: true });
    removed += 1;
  }
  return removed;
}
