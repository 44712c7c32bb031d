// The preview and the downloads of an edited report: the project's own compose → layout → PDF/DOCX, in-process,
// from the edited text (not the file), so what the clerk sees is exactly what `gongwen build` would make of it.
import { dirname } from 'node:path';
import { composeReport } from '../compose/report.ts';
import { GongwenError } from '../diagnostics.ts';
import { textFacts } from '../metrics/reportFacts.ts';
import { defaultWriterInputs } from '../render/inputs.ts';
import { renderGongwen, type Format } from '../render/index.ts';
import type { Report, Variant } from '../schema/report.ts';
import type { Checked } from './reports.ts';
import type { DiagView, FactView } from './protocol.ts';
import { diagViews } from './diagPaths.ts';
import { pageKeys } from './pageKeys.ts';
import { parseDocument } from 'yaml';

export interface Rendered {
  bytes?: Uint8Array;
  pageKeys?: string[]; // one per page: the same key, the same page (see pageKeys.ts)
  diagnostics: DiagView[]; // typesetting problems (a character no font has, an unreadable seal)
}

export async function renderEdited(checked: Checked, file: string, format: Format, variant?: Variant, draft = false): Promise<Rendered> {
  if (!checked.loaded.ok) return { diagnostics: [] };
  const doc = composeReport(checked.loaded.report, { baseDir: dirname(file), variant });
  try {
    const out = await renderGongwen(doc, { ...defaultWriterInputs(), formats: [format], draft });
    // Font substitutions are about this machine, not the report: `gongwen fonts` tells those; the clerk sees none.
    const warnings = out.warnings.filter((d) => !d.code.startsWith('font.'));
    return { bytes: out.files[0].bytes, pageKeys: pageKeys(out.pages, doc), diagnostics: diagViews(warnings, parseDocument(checked.text), checked.text) };
  } catch (e) {
    if (!(e instanceof GongwenError)) throw e;
    return { diagnostics: diagViews(e.diagnostics, parseDocument(checked.text), checked.text) };
  }
}

/** The numbers found in the running text, each with the phrase it came from, for the metrics table. */
export function factViews(report: Report): FactView[] {
  return textFacts(report).map((f) => ({ key: f.key, label: f.label, value: f.value, unit: f.unit, qualifier: f.qualifier ?? null, source: f.source }));
}
