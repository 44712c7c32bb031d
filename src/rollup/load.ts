// Reading county.yaml and township reports for the roll-up: YAML + zod, errors as diagnostics with file:line:col.
// A small adapter: when src/load/ (loadReportFile, loadCountyFile) lands, these two functions delegate to it.
import { readFileSync } from 'node:fs';
import { LineCounter, isNode, parseDocument, type Document } from 'yaml';
import type { z } from 'zod';
import { diag, type Diagnostic } from '../diagnostics.ts';
import { Report } from '../schema/report.ts';
import { County } from '../schema/county.ts';

export type Loaded<T> = { ok: true; value: T; warnings: Diagnostic[] } | { ok: false; diagnostics: Diagnostic[] };

function positionOf(doc: Document, lc: LineCounter, path: PropertyKey[]): { line: number; col: number } {
  // Walk up the path until a node exists (a missing key points at its parent mapping).
  for (let n = path.length; n >= 0; n--) {
    const node = n === 0 ? doc.contents : doc.getIn(path.slice(0, n) as (string | number)[], true);
    if (isNode(node) && node.range) {
      const { line, col } = lc.linePos(node.range[0]);
      return { line, col };
    }
  }
  return { line: 1, col: 1 };
}

function loadYaml<S extends z.ZodType>(file: string, schema: S): Loaded<z.infer<S>> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    const code = e instanceof Error && 'code' in e ? String(e.code) : 'unknown';
    return { ok: false, diagnostics: [diag('file.unreadable', `无法读取文件（${code}）`, `cannot read file (${code})`, { file })] };
  }
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc, prettyErrors: false });
  if (doc.errors.length > 0) {
    return {
      ok: false,
      diagnostics: doc.errors.map((e) => {
        const { line, col } = lc.linePos(e.pos[0]);
        return diag('yaml.syntax', `YAML 语法错误：${e.code}`, `YAML syntax error: ${e.message.split('\n')[0]}`, { file, line, col });
      }),
    };
  }
  const parsed = schema.safeParse(doc.toJS());
  if (!parsed.success) {
    return {
      ok: false,
      diagnostics: parsed.error.issues.map((issue) => {
        const where = positionOf(doc, lc, issue.path);
        const at = issue.path.map(String).join('.') || '(root)';
        return diag('schema.invalid', `${at}：${issue.message}`, `${at}: ${issue.message}`, { file, ...where });
      }),
    };
  }
  return { ok: true, value: parsed.data, warnings: [] };
}

export const loadTownshipReport = (file: string): Loaded<Report> => loadYaml(file, Report);
export const loadCounty = (file: string): Loaded<County> => loadYaml(file, County);
