// Paints laid-out pages with pdfkit. No layout decisions here: every position comes from layout().
import PDFDocument from 'pdfkit';
import type { Font } from 'fontkit';
import type { FontRole } from '../../schema/profile.ts';
import type { Page, PageItem, Color } from '../../layout/types.ts';
import { GongwenError, diag } from '../../diagnostics.ts';
import { embeddableFont, fontStreamsHuffmanOnly } from './fontEmbed.ts';

export interface PaintOptions {
  fonts: Record<FontRole, Font>;
  colors: { red: string; text: string };
  size: [number, number]; // page width and height in pt
  meta: { title: string; author: string; subject?: string; date?: string };
  images: ReadonlyMap<string, Uint8Array>; // image bytes by the path a page item names (read and checked at load)
}

export function paintPdf(pages: Page[], opts: PaintOptions): Promise<Uint8Array> {
  // Dates come from the data, never the clock, so the same input gives the same bytes.
  const date = new Date(`${opts.meta.date ?? '2000-01-01'}T00:00:00Z`);
  const doc = new PDFDocument({
    autoFirstPage: false,
    margin: 0,
    size: opts.size,
    info: {
      Title: opts.meta.title,
      Author: opts.meta.author,
      Subject: opts.meta.subject ?? '',
      Creator: 'gongwen-report',
      Producer: 'gongwen-report (pdfkit)',
      CreationDate: date,
      ModDate: date,
    },
    displayTitle: true,
    lang: 'zh-CN',
    // No default font: pdfkit would parse Helvetica's metrics for every document, and every text
    // item sets its own font anyway.
    font: null as unknown as string,
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Uint8Array>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  fontStreamsHuffmanOnly(doc);
  for (const [role, font] of Object.entries(opts.fonts)) {
    // pdfkit accepts an already parsed fontkit font: each file is parsed once per process, and
    // embeddableFont makes its per-document subsets from per-process glyph caches.
    doc.registerFont(role, embeddableFont(font) as unknown as string);
  }
  const colour = (c: Color | 'grey') => (c === 'red' ? opts.colors.red : c === 'grey' ? '#808080' : opts.colors.text);
  for (const page of pages) {
    doc.addPage({ size: opts.size, margin: 0 });
    for (const it of page.items) paintItem(doc, it, colour, opts.images);
  }
  doc.end();
  return done;
}

function paintItem(doc: PDFKit.PDFDocument, it: PageItem, colour: (c: Color | 'grey') => string, images: PaintOptions['images']): void {
  switch (it.kind) {
    case 'text':
      doc
        .font(it.font)
        .fontSize(it.size)
        .fillColor(colour(it.color))
        .text(it.text, it.x, it.y, {
          lineBreak: false,
          baseline: 'alphabetic',
          characterSpacing: it.spacing,
          horizontalScaling: it.hScale ?? 100,
        } as PDFKit.Mixins.TextOptions);
      break;
    case 'rule':
      doc.save().lineWidth(it.width).strokeColor(colour(it.color)).moveTo(it.x1, it.y).lineTo(it.x2, it.y).stroke().restore();
      break;
    case 'image': {
      const data = images.get(it.path);
      if (!data) throw new Error(`no image bytes for ${it.path}`);
      try {
        doc.image(Buffer.from(data.buffer, data.byteOffset, data.byteLength), it.x, it.y, { width: it.w, height: it.h });
      } catch (e) {
        const why = e instanceof Error ? e.message : String(e);
        throw new GongwenError(diag('seal.unreadable', { path: it.path, why }, { file: it.path }));
      }
      break;
    }
    case 'rect':
      doc.save();
      if (it.fill) doc.rect(it.x, it.y, it.w, it.h).fill(colour(it.fill));
      if (it.stroke) doc.rect(it.x, it.y, it.w, it.h).lineWidth(0.5).stroke(colour(it.stroke));
      doc.restore();
      break;
    case 'circle':
      doc.save().lineWidth(0.75);
      if (it.dashed) doc.dash(3, { space: 3 });
      doc.circle(it.x, it.y, it.w / 2).stroke(colour(it.stroke ?? 'red'));
      doc.undash().restore();
      break;
  }
}
