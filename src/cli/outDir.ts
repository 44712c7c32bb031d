// The output folder a command is given: refused at once, with a message, when it cannot be one: empty, an
// existing file, or on a pseudo file system (/proc, /sys, /dev), where writes block or mean something else.
import { statSync, statfsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { GongwenError, diag } from '../diagnostics.ts';

// statfs magic numbers of Linux pseudo file systems (linux/magic.h).
const PSEUDO_FS: Record<number, string> = {
  0x9fa0: 'proc',
  0x62656572: 'sysfs',
  0x1cd1: 'devpts',
  0x64626720: 'debugfs',
  0x74726163: 'tracefs',
  0x27e0eb: 'cgroup',
  0x63677270: 'cgroup2',
  0x73636673: 'securityfs',
  0x6e736673: 'nsfs',
  0xcafe4a11: 'bpf',
};
const PSEUDO_ROOTS = ['/proc', '/sys', '/dev'];

/** The nearest existing folder at or above `p` (the output folder may not exist yet). */
function nearestExisting(p: string): string {
  for (let dir = p; ; dir = dirname(dir)) {
    try {
      statSync(dir);
      return dir;
    } catch {
      if (dirname(dir) === dir) return dir;
    }
  }
}

export function checkOutDir(out: string): string {
  if (out.trim() === '') throw new GongwenError(diag('build.outEmpty'));
  const abs = resolve(out);
  let st;
  try {
    st = statSync(abs);
  } catch {
    // does not exist yet: created by the build
  }
  if (st && !st.isDirectory()) throw new GongwenError(diag('build.outNotDir', { out }, { file: out }));
  const root = PSEUDO_ROOTS.find((r) => abs === r || abs.startsWith(r + '/'));
  let fs = root?.slice(1);
  if (!fs && process.platform === 'linux') {
    try {
      fs = PSEUDO_FS[statfsSync(nearestExisting(abs)).type];
    } catch {
      // statfs unavailable: the prefix check above is all there is
    }
  }
  // /dev/shm is an ordinary memory file system, fine to write to.
  if (fs && !abs.startsWith('/dev/shm/') && abs !== '/dev/shm') throw new GongwenError(diag('build.outPseudo', { out, fs }, { file: out }));
  return out;
}
