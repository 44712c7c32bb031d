// The pipeline's one call into the loader: a report YAML → Report or diagnostics with file:line:col.
import type { Diagnostic } from '../diagnostics.ts';
import { parseYamlWithSchema } from '../load/parse.ts';
import { readSourceFile } from '../load/readSource.ts';
import { Report } from '../schema/report.ts';

export type LoadedReport = { ok: true; report: Report; warnings: Diagnostic[] } | { ok: false; diagnostics: Diagnostic[] };

export function loadReport(file: string): LoadedReport {
  const src = readSourceFile(file);
  if (!src.ok) return src;
  const parsed = parseYamlWithSchema(src.text, file, Report);
  return parsed.ok ? { ok: true, report: parsed.data, warnings: parsed.warnings } : parsed;
}

/** The font files the PDF writer embeds, for the cache key. Until src/fonts/ resolves them, every file under fonts/. */
export async function fontFiles(): Promise<string[]> {
  const { readdir } = await import('node:fs/promises');
  const { join } = await import('node:path');
  const { fileURLToPath } = await import('node:url');
  const root = fileURLToPath(new URL('../../fonts/', import.meta.url));
  const entries = await readdir(root, { withFileTypes: true, recursive: true }).catch(() => []);
  return entries
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name))
    .sort();
}
