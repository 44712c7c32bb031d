// Reads a data file as UTF-8 text, refusing what is not one: too large, missing, a folder, another encoding.
import { readFileSync, statSync } from 'node:fs';
import { diag, type Diagnostic } from '../diagnostics.ts';

/** A report is a few dozen KB; anything past this is a wrong file or an attack, not a report. */
export const MAX_FILE_BYTES = 2 * 1024 * 1024;

export type SourceText = { ok: true; text: string } | { ok: false; diagnostics: Diagnostic[] };

export function readSourceFile(file: string): SourceText {
  let size: number;
  try {
    const st = statSync(file);
    if (st.isDirectory()) return fail(diag('file.isDirectory', '这是一个文件夹，不是 YAML 文件', 'this is a folder, not a YAML file', { file }));
    size = st.size;
  } catch {
    return fail(diag('file.notFound', '找不到文件', 'file not found', { file }));
  }
  if (size > MAX_FILE_BYTES) {
    const mb = (size / 1024 / 1024).toFixed(1);
    return fail(diag('file.tooLarge', `文件过大（${mb} MB，上限 2 MB），不像是一份报告`, `file too large (${mb} MB, limit 2 MB); this is not a report`, { file }));
  }
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    return fail(diag('file.unreadable', '无法读取文件', `cannot read file: ${why}`, { file }));
  }
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return { ok: true, text: text.replace(/^\uFEFF/, '') };
  } catch {
    return fail(diag('file.encoding', '文件不是 UTF-8 编码（可能是 GBK/GB18030），请另存为 UTF-8', 'file is not UTF-8 (perhaps GBK/GB18030); save it as UTF-8', { file }));
  }
}

const fail = (d: Diagnostic): SourceText => ({ ok: false, diagnostics: [d] });
