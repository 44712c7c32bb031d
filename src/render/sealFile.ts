// Reading a user's seal image (印章), for both writers: only a regular file of sensible size is read,
// so a path such as /dev/zero or a directory fails at once with its name instead of hanging.
// Not cached: in watch mode the clerk may replace the image between two builds.
import { readFileSync, statSync } from 'node:fs';
import { diag, GongwenError } from '../diagnostics.ts';

/** A seal image is a few hundred KB; past this it is the wrong file. */
const MAX_SEAL_BYTES = 20 * 1024 * 1024;

export function readSealFile(path: string): Uint8Array {
  let size: number;
  let isFile: boolean;
  try {
    const st = statSync(path);
    size = st.size;
    isFile = st.isFile();
  } catch {
    throw new GongwenError(diag('seal.missing', { path }, { file: path }));
  }
  if (!isFile) throw new GongwenError(diag('seal.notAFile', { path, kind: '非普通文件', kindEn: 'not a regular file' }, { file: path }));
  if (size > MAX_SEAL_BYTES) {
    const mb = (size / 1048576).toFixed(0);
    throw new GongwenError(diag('seal.tooLarge', { path, mb, limitMb: MAX_SEAL_BYTES / 1048576 }, { file: path }));
  }
  let data: Uint8Array;
  try {
    data = new Uint8Array(readFileSync(path));
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    throw new GongwenError(diag('seal.unreadable', { path, why }, { file: path }));
  }
  return data;
}
