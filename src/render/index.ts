// One report or roll-up → the bytes of each requested format. The build pipeline and the CLI call this.
import type { Gongwen } from '../compose/model.ts';
import type { Diagnostic } from '../diagnostics.ts';
import { layOut, type WriterInputs } from './inputs.ts';

import { FORMATS, type Format } from './formats.ts';

export { FORMATS, type Format };

/** The formats wanted, and the writers' inputs (profile, fonts, draft), passed in: no writer loads them. */
export interface RenderOptions extends WriterInputs {
  formats: Format[];
}

export interface Rendered {
  files: { format: Format; bytes: Uint8Array }[];
  warnings: Diagnostic[];
}

/**
 * Renders a composed document; throws GongwenError on bad input (missing glyph, unreadable seal or font).
 * The typesetter runs once: the PDF paints its pages, the DOCX follows where it put each block.
 */
export async function renderGongwen(doc: Gongwen, opts: RenderOptions): Promise<Rendered> {
  const { formats, ...inputs } = opts;
  const laid = layOut(doc, inputs);
  const files: Rendered['files'] = [];
  const warnings: Diagnostic[] = [];
  for (const format of formats) {
    if (format === 'pdf') {
      const { renderPdfDocument } = await import('./pdf/index.ts');
      const out = await renderPdfDocument(doc, laid);
      files.push({ format, bytes: out.bytes });
      warnings.push(...out.warnings);
    } else {
      const { renderDocx } = await import('./docx/index.ts');
      files.push({ format, bytes: await renderDocx(doc, laid) });
    }
  }
  return { files, warnings };
}
