// Gongwen → PDF: paint the typesetter's pages with the given fonts and profile.
import type { Gongwen } from '../../compose/model.ts';
import type { Diagnostic } from '../../diagnostics.ts';
import type { LaidOut } from '../../layout/types.ts';
import { geometry } from '../../layout/geometry.ts';
import type { FontRole } from '../../schema/profile.ts';
import { FONT_ROLES } from '../../schema/profile.ts';
import type { FontFace } from '../../fonts/face.ts';
import { layOut, type LaidInputs, type WriterInputs } from '../inputs.ts';
import { paintPdf } from './paint.ts';

/** The pages (and landings) the PDF paints. */
export function layoutDocument(doc: Gongwen, inputs: WriterInputs): LaidOut {
  return layOut(doc, inputs).laid;
}

/** Paints the laid-out document; lays it out first when only the inputs are given. */
export async function renderPdfDocument(doc: Gongwen, inputs: WriterInputs | LaidInputs): Promise<{ bytes: Uint8Array; warnings: Diagnostic[] }> {
  const { profile, fonts, laid } = 'laid' in inputs ? inputs : layOut(doc, inputs);
  const g = geometry(profile);
  const byRole = Object.fromEntries(FONT_ROLES.map((r) => [r, fonts.fonts[r].face])) as Record<FontRole, FontFace>;
  const images = new Map(doc.signatures.flatMap((s) => (s.seal ? [[s.seal.path, s.seal.data] as const] : [])));
  const bytes = await paintPdf(laid.pages, { fonts: byRole, colors: profile.colors, size: [g.pageWidth, g.pageHeight], meta: doc.meta, images });
  return { bytes, warnings: fonts.substitutions };
}
