// Safe writes: every output goes to a temporary name beside its target, then is renamed over it.
// A rename within one folder is atomic, so a crash or kill -9 leaves either the old file or the new one,
// never a truncated file; a stale temporary file is swept away by the next build.
import { mkdir, open, readdir, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

const TMP_MARK = '.gongwen-tmp';
let counter = 0;

/** The temporary sibling of `target`: hidden, named after the process so a live writer's file is recognisable. */
function tempName(target: string): string {
  counter += 1;
  return join(dirname(target), `.${basename(target)}.${process.pid}-${counter}${TMP_MARK}`);
}

export function isTempName(name: string): boolean {
  return name.endsWith(TMP_MARK);
}

/** Writes `bytes` to `target` through a temporary file and a rename; creates the folder when needed. */
export async function writeFileAtomic(target: string, bytes: Uint8Array | string): Promise<void> {
  await mkdir(dirname(target), { recursive: true });
  const tmp = tempName(target);
  const handle = await open(tmp, 'w');
  try {
    await handle.writeFile(bytes);
    // Flush before the rename: otherwise a power cut could leave the new name pointing at empty blocks.
    await handle.sync();
  } catch (e) {
    await handle.close();
    await rm(tmp, { force: true });
    throw e;
  }
  await handle.close();
  try {
    await rename(tmp, target);
  } catch (e) {
    await rm(tmp, { force: true });
    throw e;
  }
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
    entries = await readdir(dir, { withFileTypes: true, recursive: true });
  } catch {
    return 0; // no output folder yet
  }
  for (const e of entries) {
    if (!e.isFile() || !isTempName(e.name)) continue;
    const pid = Number(/\.(\d+)-\d+\.gongwen-tmp$/.exec(e.name)?.[1]);
    if (Number.isFinite(pid) && processAlive(pid)) continue;
    await rm(join(e.parentPath, e.name), { force: true });
    removed += 1;
  }
  return removed;
}
