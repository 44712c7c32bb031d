// One report or roll-up → the bytes of each requested format. The build pipeline and the CLI call this.
import type { Gongwen } from '../compose/model.ts';
import type { Diagnostic } from '../diagnostics.ts';

export const FORMATS = ['pdf', 'docx'] as const;
export type Format = (typeof FORMATS)[number];

export interface RenderOptions {
  formats: Format[];
  draft?: boolean; // PDF: dashed circle where the seal goes
}

export interface Rendered {
  files: { format: Format; bytes: Uint8Array }[];
  warnings: Diagnostic[];
}

/** Renders a composed document; throws GongwenError on bad input (missing glyph, unreadable seal or font). */
export async function renderGongwen(doc: Gongwen, opts: RenderOptions): Promise<Rendered> {
  const files: Rendered['files'] = [];
  const warnings: Diagnostic[] = [];
  for (const format of opts.formats) {
    if (format === 'pdf') {
      const { renderPdfDocument } = await import('./pdf/index.ts');
      const out = await renderPdfDocument(doc, { draft: opts.draft });
      files.push({ format, bytes: out.bytes });
      warnings.push(...out.warnings);
    } else {
      const { renderDocx } = await import('./docx/index.ts');
      files.push({ format, bytes: await renderDocx(doc) });
    }
  }
  return { files, warnings };
}
