// exceljs stamps every zip entry with the current time, so two runs differ in bytes.
// Repacking with fflate and one fixed time per entry (the data's own date) makes the file reproducible.
import { unzipSync, zipSync, type Zippable } from 'fflate';

export function repackZip(bytes: Uint8Array, mtime: Date): Uint8Array {
  const entries = unzipSync(bytes);
  const out: Zippable = {};
  // Entry order is exceljs's own writing order, which is fixed; keep it ([Content_Types].xml first).
  for (const [name, data] of Object.entries(entries)) out[name] = [data, { mtime, level: 6 }];
  return zipSync(out, { mtime });
}
