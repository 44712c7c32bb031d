// Paints laid-out pages with pdfkit. No layout decisions here: every position comes from layout().
import PDFDocument from 'pdfkit';
import type { FontFace } from '../../fonts/face.ts';
import type { FontRole } from '../../schema/profile.ts';
import type { Page, PageItem, Color } from '../../layout/types.ts';
import { GongwenError, diag } from '../../diagnostics.ts';
import { embeddableFont, fontStreamsHuffmanOnly } from './fontEmbed.ts';

export interface PaintOptions {
  fonts: Record<FontRole, FontFace>;
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
    // pdfkit accepts a font object in place of a file (any object with a layout method): embeddableFont's
    // reads the face's prepared metrics and glyphs, so no font file is parsed for a document.
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

/** The parts of pdfkit's document and embedded font that writing a text object touches (not in its types). */
interface GlyphPosition {
  xAdvance: number;
  advanceWidth: number;
  xOffset: number;
  yOffset: number;
}
interface PdfkitText {
  _font: { id: string; encode(text: string): [string[], GlyphPosition[]]; ref(): unknown };
  _fontSize: number;
  page: { height: number; fonts: Record<string, unknown> };
  addContent(data: string): unknown;
}

/** pdfkit's number formatting (PDFObject.number, not exported): rounded to six decimals. */
function num(n: number): string {
  if (n > -1e21 && n < 1e21) return String(Math.round(n * 1e6) / 1e6);
  throw new Error(`unsupported number: ${n}`);
}

/**
 * One positioned line of text, written straight into the page's content stream: the same operators, in
 * the same order and with the same numbers, as pdfkit's text(…, { lineBreak: false, baseline: 'alphabetic' })
 * writes (its _fragment), without its option handling, line wrapping and the two width measurements it
 * makes for features we never use (links, underline, the cursor). The layout already placed every line.
 */
function paintText(doc: PDFKit.PDFDocument, it: Extract<PageItem, { kind: 'text' }>, fill: string): void {
  doc.font(it.font).fontSize(it.size).fillColor(fill);
  const text = it.text.replace(/\n/g, '');
  if (text.length === 0) return;
  const d = doc as unknown as PdfkitText;
  const font = d._font;
  const size = d._fontSize;
  const height = d.page.height;
  doc.save();
  doc.transform(1, 0, 0, -1, 0, height);
  const y = height - it.y;
  if (d.page.fonts[font.id] == null) d.page.fonts[font.id] = font.ref();
  d.addContent('BT');
  d.addContent(`1 0 0 1 ${num(it.x)} ${num(y)} Tm`);
  d.addContent(`/${font.id} ${num(size)} Tf`);
  if (it.spacing) d.addContent(`${num(it.spacing)} Tc`);
  const hScale = it.hScale || 100;
  if (hScale !== 100) d.addContent(`${hScale} Tz`);
  const [encoded, positions] = font.encode(text);
  const scale = size / 1000;
  const commands: string[] = [];
  let x = it.x;
  let last = 0;
  let hadOffset = false;
  const addSegment = (cur: number) => {
    if (last < cur) {
      const advance = positions[cur - 1].xAdvance - positions[cur - 1].advanceWidth;
      commands.push(`<${encoded.slice(last, cur).join('')}> ${num(-advance)}`);
    }
    last = cur;
  };
  const flush = (i: number) => {
    addSegment(i);
    if (commands.length > 0) {
      d.addContent(`[${commands.join(' ')}] TJ`);
      commands.length = 0;
    }
  };
  let i = 0;
  for (; i < positions.length; i++) {
    const pos = positions[i];
    if (pos.xOffset || pos.yOffset) {
      flush(i);
      d.addContent(`1 0 0 1 ${num(x + pos.xOffset * scale)} ${num(y + pos.yOffset * scale)} Tm`);
      flush(i + 1);
      hadOffset = true;
    } else {
      if (hadOffset) {
        d.addContent(`1 0 0 1 ${num(x)} ${num(y)} Tm`);
        hadOffset = false;
      }
      if (pos.xAdvance - pos.advanceWidth !== 0) addSegment(i + 1);
    }
    x += pos.xAdvance * scale;
  }
  flush(i);
  d.addContent('ET');
  doc.restore();
}

function paintItem(doc: PDFKit.PDFDocument, it: PageItem, colour: (c: Color | 'grey') => string, images: PaintOptions['images']): void {
  switch (it.kind) {
    case 'text':
      paintText(doc, it, colour(it.color));
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
