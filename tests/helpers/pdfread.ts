// Reads a finished PDF back: every text run with its position (in pt, y down from the page top),
// size and real font name, plus page sizes; so tests measure the file a user gets, not our model.
import { getDocument, type PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';

export interface PdfText {
  str: string;
  x: number;
  y: number; // baseline, from the page top
  width: number;
  size: number;
  font: string; // base font name, subset tag removed (e.g. FandolFang-Regular)
}

export interface PdfPage {
  width: number;
  height: number;
  texts: PdfText[];
}

/**
 * Every page's text runs. `fonts: false` leaves each run's `font` as pdf.js's internal name: reading the real names
 * means building the page's operator list, which compiles every glyph's outline, most of the time spent here.
 */
export async function readPdf(bytes: Uint8Array, { fonts = true }: { fonts?: boolean } = {}): Promise<PdfPage[]> {
  const doc: PDFDocumentProxy = await getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, disableFontFace: true, verbosity: 0 }).promise;
  const pages: PdfPage[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const page = await doc.getPage(i);
    const [, , w, h] = page.view;
    if (fonts) await page.getOperatorList(); // loads the fonts into commonObjs so their names can be read
    const content = await page.getTextContent();
    const texts: PdfText[] = [];
    for (const item of content.items) {
      if (!('str' in item) || item.str === '') continue;
      const [, , c, d, e, f] = item.transform as number[];
      const fontObj = page.commonObjs.has(item.fontName) ? (page.commonObjs.get(item.fontName) as { name?: string }) : undefined;
      texts.push({
        str: item.str,
        x: e,
        y: h - f,
        width: item.width,
        size: Math.hypot(c, d), // the vertical scale: horizontal scaling (Tz) leaves it alone
        font: (fontObj?.name ?? item.fontName).replace(/^[A-Z]{6}\+/, ''),
      });
    }
    pages.push({ width: w, height: h, texts });
  }
  await doc.destroy();
  return pages;
}

/** Groups text runs into lines by baseline (within `tolerance` pt), sorted top to bottom, left to right. */
export function linesOf(texts: PdfText[], tolerance = 0.5): { y: number; texts: PdfText[]; str: string }[] {
  const sorted = [...texts].sort((p, q) => p.y - q.y || p.x - q.x);
  const lines: { y: number; texts: PdfText[]; str: string }[] = [];
  for (const t of sorted) {
    const last = lines[lines.length - 1];
    if (last && Math.abs(last.y - t.y) < tolerance) last.texts.push(t);
    else lines.push({ y: t.y, texts: [t], str: '' });
  }
  for (const l of lines) {
    l.texts.sort((p, q) => p.x - q.x);
    l.str = l.texts.map((t) => t.str).join('');
  }
  return lines;
}
