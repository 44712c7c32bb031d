// Reads a data file as UTF-8 text, refusing what is not one: too large, missing, a folder, a device, another encoding.
import { diag, type Diagnostic } from '../diagnostics.ts';
import { megabytes, readRegularFile, type FileProblem } from '../readFile.ts';

/** A report is a few dozen KB; anything past this is a wrong file or an attack, not a report. */
export const MAX_FILE_BYTES = 2 * 1024 * 1024;

export type SourceText = { ok: true; text: string } | { ok: false; diagnostics: Diagnostic[] };
export type SourceBytes = { ok: true; bytes: Buffer } | { ok: false; diagnostics: Diagnostic[] };

/** A file that cannot be read, as a diagnostic on that file. */
export function fileProblemDiagnostic(p: FileProblem, file: string, what: readonly [string, string] = ['一份报告', 'a report']): Diagnostic {
  switch (p.kind) {
    case 'notFound': return diag('file.notFound', { file });
    case 'noPermission': return diag('file.noPermission', { file });
    case 'symlinkLoop': return diag('file.symlinkLoop', { file });
    case 'isDirectory': return diag('file.isDirectory', { file });
    case 'notRegular': return diag('file.notRegular', { kind: p.what[0], kindEn: p.what[1] }, { file });
    case 'tooLarge': return diag('file.tooLarge', { mb: megabytes(p.size), limitMb: p.limit / 1024 / 1024, what: what[0], whatEn: what[1] }, { file });
    case 'unreadable': return diag('file.unreadable', { why: p.why }, { file });
  }
}

/** The file's bytes, if it is a regular file within the limit (the memo is keyed on them, memo.ts). */
export function readSourceBytes(file: string): SourceBytes {
  const read = readRegularFile(file, MAX_FILE_BYTES);
  return read.ok ? read : fail(fileProblemDiagnostic(read.problem, file));
}

/** The bytes as UTF-8 text, without a byte-order mark; anything else is refused. */
export function decodeSource(bytes: Uint8Array, file: string): SourceText {
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return { ok: true, text: text.replace(/^\uFEFF/, '') };
  } catch {
    return fail(diag('file.encoding', { file }));
  }
}

export function readSourceFile(file: string): SourceText {
  const read = readSourceBytes(file);
  return read.ok ? decodeSource(read.bytes, file) : read;
}

const fail = (d: Diagnostic): { ok: false; diagnostics: Diagnostic[] } => ({ ok: false, diagnostics: [d] });
