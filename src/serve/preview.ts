// The preview and the downloads of an edited report: the project's own compose → layout → PDF/DOCX, in-process,
// from the edited text (not the file), so what the clerk sees is exactly what `gongwen build` would make of it.
import { dirname } from 'node:path';
import type { Gongwen } from '../compose/model.ts';
import { composeReport } from '../compose/report.ts';
import { GongwenError, type Diagnostic } from '../diagnostics.ts';
import { textFacts } from '../metrics/reportFacts.ts';
import { defaultWriterInputs, layOut } from '../render/inputs.ts';
import { renderGongwen, type Format } from '../render/index.ts';
import { renderPdfDocument } from '../render/pdf/index.ts';
import type { Report, Variant } from '../schema/report.ts';
import type { Checked } from './reports.ts';
import type { DiagView, FactView } from './protocol.ts';
import { diagViews } from './diagPaths.ts';
import { pageKeys } from './pageKeys.ts';

export interface Rendered {
  bytes?: Uint8Array;
  diagnostics: DiagView[]; // typesetting problems (a character no font has, an unreadable seal)
}

export interface Previewed {
  diagnostics: DiagView[];
  pages?: {
    keys: string[]; // one per page: the same key, the same page (pageKeys.ts)
    sent: number[]; // the pages (0-based) the PDF holds, in its order: those the editor did not have
    bytes?: Uint8Array; // absent when the page has every page already
  };
}

/** Composes the edited report and typesets it with `run`; a typesetting problem becomes diagnostics at the YAML's lines. */
async function typeset<T>(checked: Checked, file: string, variant: Variant | undefined, run: (doc: Gongwen) => Promise<{ value: T; warnings: Diagnostic[] }>): Promise<{ value?: T; diagnostics: DiagView[] }> {
  if (!checked.loaded.ok) return { diagnostics: [] };
  const doc = composeReport(checked.loaded.report, { baseDir: dirname(file), variant });
  try {
    const { value, warnings } = await run(doc);
    // Font substitutions are about this machine, not the report: `gongwen fonts` tells those; the clerk sees none.
    return { value, diagnostics: diagViews(warnings.filter((d) => !d.code.startsWith('font.')), checked.text) };
  } catch (e) {
    if (!(e instanceof GongwenError)) throw e;
    return { diagnostics: diagViews(e.diagnostics, checked.text) };
  }
}

export async function renderEdited(checked: Checked, file: string, format: Format, variant?: Variant, draft = false): Promise<Rendered> {
  const r = await typeset(checked, file, variant, async (doc) => {
    const out = await renderGongwen(doc, { ...defaultWriterInputs(), formats: [format], draft });
    return { value: out.files[0].bytes, warnings: out.warnings };
  });
  return { bytes: r.value, diagnostics: r.diagnostics };
}

/**
 * The live preview: every page's key, and a PDF of only the pages whose key is not the one `have` gives at
 * their place (the key of each page the editor shows already, '' where none). The same typesetter and painter as the downloads, on fewer pages: less to paint and
 * send, and smaller font subsets for pdf.js to read.
 */
export async function renderPreview(checked: Checked, file: string, have: readonly string[], variant?: Variant, draft = false): Promise<Previewed> {
  const r = await typeset<NonNullable<Previewed['pages']>>(checked, file, variant, async (doc) => {
    const inputs = layOut(doc, { ...defaultWriterInputs(), draft });
    const keys = pageKeys(inputs.laid.pages, doc);
    const sent = keys.flatMap((k, i) => (have[i] === k ? [] : [i]));
    if (sent.length === 0) return { value: { keys, sent }, warnings: inputs.fonts.substitutions };
    const pages = sent.map((i) => inputs.laid.pages[i]);
    const out = await renderPdfDocument(doc, { ...inputs, laid: { ...inputs.laid, pages } });
    return { value: { keys, sent, bytes: out.bytes }, warnings: out.warnings };
  });
  return { pages: r.value, diagnostics: r.diagnostics };
}

/** The numbers found in the running text, each with the phrase it came from, for the metrics table. */
export function factViews(report: Report): FactView[] {
  return textFacts(report).map((f) => ({ key: f.key, label: f.label, value: f.value, unit: f.unit, qualifier: f.qualifier ?? null, source: f.source }));
}
