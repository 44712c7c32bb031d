// The file access guard: every path a browser names is relative to the data folder and must stay inside it.
// Checked twice: by the name (no `..`, no absolute path, no backslash, no percent sign left after decoding)
// and by the real path on disk (a symlink inside the folder that points out of it is refused).
import { lstat, realpath } from 'node:fs/promises';
import { dirname, isAbsolute, join, relative, sep } from 'node:path';

export class FileAccessError extends Error {
  constructor(
    readonly status: 400 | 403 | 404,
    readonly zh: string,
    readonly en: string,
  ) {
    super(en);
  }
}

const refuse = (why: string) => new FileAccessError(403, `拒绝访问：${why}`, `access refused: ${why}`);

/**
 * Checks the name alone. `rel` is what the client sent, already URL-decoded once; a `%` still in it means a
 * second encoding (`..%252F`), and a backslash is a Windows separator: both are refused rather than guessed at.
 */
export function checkRelativeName(rel: string): string[] {
  if (typeof rel !== 'string' || rel.length === 0 || rel.length > 1024) throw refuse('empty or overlong path');
  if (/[\u0000-\u001f\\%]/.test(rel)) throw refuse('control character, backslash or encoded character in the path');
  if (rel.startsWith('/') || isAbsolute(rel) || /^[a-zA-Z]:/.test(rel)) throw refuse('absolute path');
  const parts = rel.split('/');
  for (const p of parts) {
    if (p === '' || p === '.' || p === '..') throw refuse('`..`, `.` or an empty step in the path');
    if (p.startsWith('.')) throw refuse('hidden file or folder');
  }
  return parts;
}

function inside(root: string, target: string): boolean {
  const rel = relative(root, target);
  return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel));
}

/** The data folder, resolved once to its real path. */
export class DataRoot {
  private constructor(readonly dir: string) {}

  static async open(dir: string): Promise<DataRoot> {
    return new DataRoot(await realpath(dir));
  }

  /** An existing file under the folder, by its relative name: its real absolute path. */
  async existing(rel: string, ext: RegExp): Promise<string> {
    const parts = checkRelativeName(rel);
    if (!ext.test(rel)) throw refuse('file type not served');
    let real: string;
    try {
      real = await realpath(join(this.dir, ...parts));
    } catch {
      throw new FileAccessError(404, `找不到文件：${rel}`, `file not found: ${rel}`);
    }
    if (!inside(this.dir, real)) throw refuse('the path leads out of the data folder (symlink)');
    if (!ext.test(real)) throw refuse('file type not served');
    return real;
  }

  /** A folder under the folder (or the folder itself for ''): its real absolute path. */
  async folder(rel: string): Promise<string> {
    if (rel === '') return this.dir;
    const parts = checkRelativeName(rel);
    let real: string;
    try {
      real = await realpath(join(this.dir, ...parts));
    } catch {
      throw new FileAccessError(404, `找不到文件夹：${rel}`, `folder not found: ${rel}`);
    }
    if (!inside(this.dir, real)) throw refuse('the path leads out of the data folder (symlink)');
    return real;
  }

  /** A file to create in an existing folder under the root; refused if the name exists as a symlink. */
  async creatable(folderRel: string, name: string): Promise<string> {
    const dir = await this.folder(folderRel);
    checkRelativeName(name);
    if (name.includes('/')) throw refuse('a file name, not a path, is expected');
    const target = join(dir, name);
    const st = await lstat(target).catch(() => undefined);
    if (st?.isSymbolicLink()) throw refuse('the target is a symlink');
    if (!inside(this.dir, dirname(target))) throw refuse('outside the data folder');
    return target;
  }

  /** The name a browser uses for an absolute path under the root ('/'-separated). */
  relName(abs: string): string {
    return relative(this.dir, abs).split(sep).join('/');
  }
}
