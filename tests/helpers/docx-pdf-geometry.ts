// Reads a PDF back for geometry checks: text lines with positions (pdfjs) and horizontal rules (raster scan).
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { readPdf, linesOf } from './pdfread.ts';

export const PT_PER_MM = 72 / 25.4;

export interface TextLine {
  page: number; // 0-based
  baseline: number; // mm from the page top
  size: number; // pt
  left: number; // mm from the page's left edge
  right: number;
  text: string;
}

/** Text grouped into lines by baseline, per page, in reading order (LibreOffice's runs may differ by ~1 pt). */
export async function textLines(pdfPath: string): Promise<{ pages: number; lines: TextLine[]; pageHeightMm: number }> {
  const pages = await readPdf(new Uint8Array(readFileSync(pdfPath)), { fonts: false });
  const lines: TextLine[] = [];
  pages.forEach((page, p) => {
    for (const row of linesOf(page.texts.filter((t) => t.str.trim() !== ''), 1.5)) {
      const last = row.texts[row.texts.length - 1];
      lines.push({
        page: p,
        baseline: row.y / PT_PER_MM,
        size: Math.max(...row.texts.map((t) => t.size)),
        left: row.texts[0].x / PT_PER_MM,
        right: (last.x + last.width) / PT_PER_MM,
        text: row.str,
      });
    }
  });
  return { pages: pages.length, lines, pageHeightMm: (pages[0]?.height ?? 297 * PT_PER_MM) / PT_PER_MM };
}

export interface Rule {
  y: number; // mm from the page top, centre of the stroke
  x1: number;
  x2: number;
  thickness: number; // mm
  color: 'red' | 'black';
}

/**
 * Horizontal rules at least `minWidthMm` long, found by rasterising one page at 300 dpi; only in the band between
 * `band.top` and `band.bottom` (mm from the page top) when given.
 */
export function rulesOnPage(pdfPath: string, page: number, minWidthMm = 100, band?: { top: number; bottom: number }): Rule[] {
  return rulesOnPages(pdfPath, page, page, minWidthMm, band)[0];
}

/** rulesOnPage for each page from `first` to `last`, rasterised by one pdftoppm (the PDF and its fonts read once). */
export function rulesOnPages(pdfPath: string, first: number, last: number, minWidthMm = 100, band?: { top: number; bottom: number }): Rule[][] {
  const dpi = 300;
  const mm = 25.4 / dpi;
  const crop = band ? ['-y', String(Math.floor(band.top / mm)), '-H', String(Math.ceil((band.bottom - band.top) / mm)), '-W', '100000'] : [];
  const offset = band ? Math.floor(band.top / mm) * mm : 0;
  // Written to stdout, the pages follow one another, each a P6 image with its own header.
  const ppm = execFileSync('pdftoppm', ['-r', String(dpi), '-f', String(first + 1), '-l', String(last + 1), ...crop, pdfPath], { maxBuffer: 1 << 30 });
  const out: Rule[][] = [];
  for (let pos = 0; out.length <= last - first; ) {
    if (pos >= ppm.length) throw new Error(`pdftoppm rasterised ${out.length} of pages ${first + 1}–${last + 1} of ${pdfPath}`);
    const image = readPpm(ppm, pos);
    out.push(rulesIn(ppm, image, mm, minWidthMm).map((r) => ({ ...r, y: r.y + offset })));
    pos = image.start + image.w * image.h * 3;
  }
  return out;
}

/** The header of the P6 image at `pos`: magic, width, height, maxval, each followed by whitespace. */
function readPpm(ppm: Buffer, pos: number): { w: number; h: number; start: number } {
  const fields: number[] = [];
  while (fields.length < 3) {
    while (/\s/.test(String.fromCharCode(ppm[pos]))) pos++;
    let tok = '';
    while (!/\s/.test(String.fromCharCode(ppm[pos]))) tok += String.fromCharCode(ppm[pos++]);
    if (tok !== 'P6') fields.push(Number(tok));
  }
  return { w: fields[0], h: fields[1], start: pos + 1 };
}

const RED = 1;
const BLACK = 2;

function rulesIn(ppm: Buffer, { w, h, start }: { w: number; h: number; start: number }, mm: number, minWidthMm: number): Rule[] {
  // Every run long enough, per row and colour (several on a row: the page number's two dashes), the row's red runs
  // before its black ones. One pass over the row: a run of one colour ends at any pixel not of that colour.
  const rows: { y: number; x1: number; x2: number; color: 'red' | 'black' }[] = [];
  for (let y = 0; y < h; y++) {
    const red: typeof rows = [];
    const black: typeof rows = [];
    let color = 0;
    let from = 0;
    for (let x = 0, o = start + y * w * 3; x <= w; x++, o += 3) {
      let c = 0;
      if (x < w) {
        const r = ppm[o], g = ppm[o + 1], b = ppm[o + 2];
        if (r > 180 && g < 100 && b < 100) c = RED;
        else if (r < 90 && g < 90 && b < 90) c = BLACK;
      }
      if (c === color) continue;
      if (color !== 0 && (x - from) * mm >= minWidthMm) (color === RED ? red : black).push({ y, x1: from, x2: x - 1, color: color === RED ? 'red' : 'black' });
      color = c;
      from = x;
    }
    rows.push(...red, ...black);
  }
  // Rows of one stroke: same colour, same start, each row just below the last.
  const rules: Rule[] = [];
  for (const r of rows) {
    const prev = rules.find((q) => q.color === r.color && Math.abs(q.x1 - r.x1 * mm) < 1 && Math.abs(q.y + q.thickness / 2 - r.y * mm) < 0.3);
    if (prev) {
      const top = prev.y - prev.thickness / 2;
      prev.thickness = r.y * mm + mm - top;
      prev.y = top + prev.thickness / 2;
      continue;
    }
    rules.push({ y: r.y * mm + mm / 2, x1: r.x1 * mm, x2: (r.x2 + 1) * mm, thickness: mm, color: r.color });
  }
  return rules;
}

/**
 * The page number's dashes (一字线) as drawn: strokes at least 3 mm long (a dash is most of a 14 pt em, 4.9 mm; the
 * bar of a 4 is shorter) in the band below the text block, by their ink, not by the text's em box; for each of
 * the first `pages` pages.
 */
export function pageNumberDashes(pdfPath: string, pages: number, blockBottomMm: number): Rule[][] {
  return rulesOnPages(pdfPath, 0, pages - 1, 3, { top: blockBottomMm + 1, bottom: blockBottomMm + 16 }).map((rules) => rules.filter((r) => r.color === 'black'));
}
