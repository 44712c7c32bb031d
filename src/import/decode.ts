// Reads an old report: UTF-8 text, GB18030 (GBK) text as saved by older Windows tools, or a Word .docx.
import { readRegularFile } from '../readFile.ts';
import { fileProblemDiagnostic } from '../load/readSource.ts';
import iconv from 'iconv-lite';
import mammoth from 'mammoth';
import { GongwenError, diag } from '../diagnostics.ts';
import type { Msg } from '../messages.ts';
import { unzipSync } from 'fflate';

export type Encoding = 'utf-8' | 'gb18030' | 'docx';

export interface SourceDocument {
  text: string;
  encoding: Encoding;
  listItems?: number; // Word paragraphs numbered by the list feature: their numbers are not in the text
}

/** A report is tens of KB; a Word file with pictures a few MB. Anything larger is the wrong file. */
const MAX_BYTES = 20 * 1024 * 1024;
/** Characters of text in a report to import (a long real one has 30,000). */
const MAX_TEXT_CHARS = 1_000_000;

export function decodeText(bytes: Uint8Array): SourceDocument {
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return { text: text.replace(/^\uFEFF/, ''), encoding: 'utf-8' };
  } catch {
    // Not valid UTF-8: Chinese Windows saves "ANSI" text as GBK, which GB18030 contains.
    return { text: iconv.decode(Buffer.from(bytes), 'gb18030'), encoding: 'gb18030' };
  }
}

/**
 * A Word file as lines: one per paragraph (an empty paragraph a blank line, which ends the head), and each
 * table row as a pipe row `| 项目 | 数量 |`, which the importer reads back as a table block.
 */
export async function docxSource(bytes: Uint8Array): Promise<{ text: string; listItems: number }> {
  const { value: html } = await mammoth.convertToHtml({ buffer: Buffer.from(bytes) }, { ignoreEmptyParagraphs: false });
  const lines: string[] = [];
  let listItems = 0;
  // mammoth writes flat, well-formed HTML: paragraphs, headings, lists and tables at the top level.
  for (const m of html.matchAll(/<table>([\s\S]*?)<\/table>|<(p|h[1-6]|li)>([\s\S]*?)<\/\2>|<(p|h[1-6]|li)\s*\/>/g)) {
    if (m[1] !== undefined) {
      for (const row of m[1].matchAll(/<tr>([\s\S]*?)<\/tr>/g)) {
        const cells = [...row[1].matchAll(/<t[dh][^>]*>([\s\S]*?)<\/t[dh]>/g)].map((c) => htmlText(c[1]));
        lines.push(`| ${cells.join(' | ')} |`);
      }
    } else {
      if (m[2] === 'li') listItems++;
      lines.push(htmlText(m[3] ?? ''));
    }
  }
  return { text: lines.join('\n'), listItems };
}

/** The text of a Word file (see docxSource). */
export const docxText = async (bytes: Uint8Array): Promise<string> => (await docxSource(bytes)).text;

/** The text of an HTML fragment: tags dropped (paragraphs inside a cell run together), entities decoded. */
function htmlText(fragment: string): string {
  return fragment
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}

export async function readSourceDocument(file: string): Promise<SourceDocument> {
  const read = readRegularFile(file, MAX_BYTES);
  if (!read.ok) {
    if (read.problem.kind === 'tooLarge') throw new GongwenError(diag('import.tooLarge', { limitMb: MAX_BYTES / 1024 / 1024 }, { file }));
    if (read.problem.kind === 'notFound') throw new GongwenError(diag('import.notFound', { file }));
    throw new GongwenError(fileProblemDiagnostic(read.problem, file, ['一份报告', 'a report']));
  }
  const bytes = read.bytes;
  if (/\.docx$/i.test(file)) {
    const bomb = docxBomb(bytes);
    if (bomb) throw new GongwenError(diag('import.docxBomb', { why: bomb }, { file }));
    try {
      const { text, listItems } = await docxSource(bytes);
      // A report is tens of KB of text: more is a generated file, and its YAML would be as large.
      if (text.length > MAX_TEXT_CHARS) throw new GongwenError(diag('import.docxBomb', { why: [`正文超过 ${MAX_TEXT_CHARS} 字`, `more than ${MAX_TEXT_CHARS} characters of text`] }, { file }));
      const why = notText(text);
      if (why) throw new GongwenError(diag('import.notText', { why }, { file }));
      return { text, encoding: 'docx', ...(listItems > 0 ? { listItems } : {}) };
    } catch (e) {
      if (e instanceof GongwenError) throw e;
      const why = e instanceof Error ? e.message : String(e);
      throw new GongwenError(diag('import.docx', { why }, { file }));
    }
  }
  if (/\.doc$/i.test(file)) {
    throw new GongwenError(diag('import.doc', { file }));
  }
  const doc = decodeText(bytes);
  const why = notText(doc.text);
  if (why) throw new GongwenError(diag('import.notText', { why }, { file }));
  return doc;
}

/** A Word file's parts, as its zip directory declares them, before anything is inflated. */
const MAX_DOCX_ENTRIES = 1000;
const MAX_DOCX_UNZIPPED = 64 * 1024 * 1024;
function docxBomb(bytes: Uint8Array): Msg | undefined {
  let entries = 0;
  let total = 0;
  try {
    // The filter sees each entry's declared sizes and refuses them all: nothing is inflated here.
    unzipSync(bytes, {
      filter: (f) => {
        entries++;
        total += f.originalSize;
        return false;
      },
    });
  } catch {
    return undefined; // not a zip at all: mammoth says so in its own words
  }
  if (entries > MAX_DOCX_ENTRIES) return [`压缩包内有 ${entries} 个条目（上限 ${MAX_DOCX_ENTRIES}）`, `${entries} entries in the zip (limit ${MAX_DOCX_ENTRIES})`];
  if (total > MAX_DOCX_UNZIPPED) return [`解压后 ${(total / 1048576).toFixed(0)} MB（上限 ${MAX_DOCX_UNZIPPED / 1048576} MB）`, `${(total / 1048576).toFixed(0)} MB unzipped (limit ${MAX_DOCX_UNZIPPED / 1048576} MB)`];
  return undefined;
}

/** Why decoded bytes are not the text of a report, if they are not: nothing, binary, or no Chinese at all. */
export function notText(text: string): Msg | undefined {
  const chars = [...text];
  if (text.trim() === '') return ['文件是空的', 'the file is empty'];
  const control = chars.filter((c) => /[\p{Cc}\uFFFD]/u.test(c) && !/[\t\n\r\f]/.test(c)).length;
  if (control > chars.length / 100) return ['含有大量控制字符或无法解码的字节，像是二进制文件', 'many control characters or undecodable bytes: this looks like a binary file'];
  if (!/[\u4e00-\u9fff]/.test(text)) return ['没有任何汉字', 'no Chinese text at all'];
  return undefined;
}
