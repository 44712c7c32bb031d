// Reads an old report: UTF-8 text, GB18030 (GBK) text as saved by older Windows tools, or a Word .docx.
import { readFile } from 'node:fs/promises';
import iconv from 'iconv-lite';
import mammoth from 'mammoth';
import { GongwenError, diag } from '../diagnostics.ts';

export type Encoding = 'utf-8' | 'gb18030' | 'docx';

export interface SourceDocument {
  text: string;
  encoding: Encoding;
}

/** A report is tens of KB; a Word file with pictures a few MB. Anything larger is the wrong file. */
const MAX_BYTES = 20 * 1024 * 1024;

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
export async function docxText(bytes: Uint8Array): Promise<string> {
  const { value: html } = await mammoth.convertToHtml({ buffer: Buffer.from(bytes) }, { ignoreEmptyParagraphs: false });
  const lines: string[] = [];
  // mammoth writes flat, well-formed HTML: paragraphs, headings, lists and tables at the top level.
  for (const m of html.matchAll(/<table>([\s\S]*?)<\/table>|<(p|h[1-6]|li)>([\s\S]*?)<\/\2>|<(p|h[1-6]|li)\s*\/>/g)) {
    if (m[1] !== undefined) {
      for (const row of m[1].matchAll(/<tr>([\s\S]*?)<\/tr>/g)) {
        const cells = [...row[1].matchAll(/<t[dh][^>]*>([\s\S]*?)<\/t[dh]>/g)].map((c) => htmlText(c[1]));
        lines.push(`| ${cells.join(' | ')} |`);
      }
    } else lines.push(htmlText(m[3] ?? ''));
  }
  return lines.join('\n');
}

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
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch {
    throw new GongwenError(diag('import.notFound', { file }));
  }
  if (bytes.length > MAX_BYTES) {
    throw new GongwenError(diag('import.tooLarge', { limitMb: MAX_BYTES / 1024 / 1024 }, { file }));
  }
  if (/\.docx$/i.test(file)) {
    try {
      return { text: await docxText(bytes), encoding: 'docx' };
    } catch (e) {
      const why = e instanceof Error ? e.message : String(e);
      throw new GongwenError(diag('import.docx', { why }, { file }));
    }
  }
  if (/\.doc$/i.test(file)) {
    throw new GongwenError(diag('import.doc', { file }));
  }
  return decodeText(bytes);
}
