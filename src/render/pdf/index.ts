// Gongwen → PDF: lay out with the resolved fonts and the profile, then paint.
import type { Gongwen } from '../../compose/model.ts';
import type { Diagnostic } from '../../diagnostics.ts';
import { layout } from '../../layout/index.ts';
import type { Page } from '../../layout/types.ts';
import { geometry } from '../../layout/geometry.ts';
import { loadProfile } from '../../layout/profile.ts';
import { loadFontSet, type FontSet } from '../../fonts/index.ts';
import { measureOf } from '../../fonts/measure.ts';
import type { FontRole } from '../../schema/profile.ts';
import { FONT_ROLES } from '../../schema/profile.ts';
import type { Font } from 'fontkit';
import { paintPdf } from './paint.ts';

export interface PdfOptions {
  draft?: boolean;
}

export function layoutDocument(doc: Gongwen, opts: PdfOptions = {}): { pages: Page[]; fonts: FontSet } {
  const fonts = loadFontSet();
  return { pages: layout(doc, loadProfile(), measureOf(fonts), { draft: opts.draft }), fonts };
}

export async function renderPdfDocument(doc: Gongwen, opts: PdfOptions = {}): Promise<{ bytes: Uint8Array; warnings: Diagnostic[] }> {
  const { pages, fonts } = layoutDocument(doc, opts);
  const profile = loadProfile();
  const g = geometry(profile);
  const byRole = Object.fromEntries(FONT_ROLES.map((r) => [r, fonts.fonts[r].font])) as Record<FontRole, Font>;
  const bytes = await paintPdf(pages, { fonts: byRole, colors: profile.colors, size: [g.pageWidth, g.pageHeight], meta: doc.meta });
  return { bytes, warnings: fonts.substitutions };
}
