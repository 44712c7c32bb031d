// The one way the tool reads a user's file (report YAML, county.yaml, seal images, import sources):
// only a regular file under a size limit is read. The file is opened without blocking and checked
// through its open descriptor, so a FIFO, /dev/zero, a folder or a file swapped in between the check
// and the read is refused at once instead of blocking or filling memory.
import { closeSync, constants, fstatSync, openSync, readSync, type Stats } from 'node:fs';
import type { Msg } from './messages.ts';

export type FileProblem =
  | { kind: 'notFound' }
  | { kind: 'noPermission' }
  | { kind: 'symlinkLoop' }
  | { kind: 'isDirectory' }
  | { kind: 'notRegular'; what: Msg }
  | { kind: 'tooLarge'; size: number; limit: number }
  | { kind: 'unreadable'; why: string };

export type ReadResult = { ok: true; bytes: Buffer } | { ok: false; problem: FileProblem };

function nodeKind(st: Stats): Msg {
  if (st.isFIFO()) return ['命名管道 FIFO', 'a FIFO'];
  if (st.isCharacterDevice()) return ['字符设备', 'a character device'];
  if (st.isBlockDevice()) return ['块设备', 'a block device'];
  if (st.isSocket()) return ['套接字', 'a socket'];
  return ['特殊文件', 'a special file'];
}

function openProblem(e: unknown): FileProblem {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ENOENT' || code === 'ENOTDIR') return { kind: 'notFound' };
  if (code === 'EACCES' || code === 'EPERM') return { kind: 'noPermission' };
  if (code === 'ELOOP') return { kind: 'symlinkLoop' };
  if (code === 'EISDIR') return { kind: 'isDirectory' };
  return { kind: 'unreadable', why: e instanceof Error ? e.message : String(e) };
}

/** Reads `path` whole if it is a regular file of at most `maxBytes`. Symbolic links are followed (a link to a regular file is fine). */
export function readRegularFile(path: string, maxBytes: number): ReadResult {
  let fd: number;
  try {
    // O_NONBLOCK: opening a FIFO for reading would otherwise wait for a writer.
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (e) {
    return { ok: false, problem: openProblem(e) };
  }
  try {
    const st = fstatSync(fd);
    if (st.isDirectory()) return { ok: false, problem: { kind: 'isDirectory' } };
    if (!st.isFile()) return { ok: false, problem: { kind: 'notRegular', what: nodeKind(st) } };
    if (st.size > maxBytes) return { ok: false, problem: { kind: 'tooLarge', size: st.size, limit: maxBytes } };
    // Read at most one byte past the limit: a file growing while it is read is still refused.
    const buf = Buffer.allocUnsafe(Math.min(st.size, maxBytes) + 1);
    let at = 0;
    for (;;) {
      const n = readSync(fd, buf, at, buf.length - at, null);
      if (n === 0) break;
      at += n;
      if (at === buf.length) break;
    }
    if (at > maxBytes) return { ok: false, problem: { kind: 'tooLarge', size: at, limit: maxBytes } };
    return { ok: true, bytes: buf.subarray(0, at) };
  } catch (e) {
    return { ok: false, problem: openProblem(e) };
  } finally {
    closeSync(fd);
  }
}

export const megabytes = (n: number): string => (n / 1024 / 1024).toFixed(1);
