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
  const pages = await readPdf(new Uint8Array(readFileSync(pdfPath)));
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
  const dpi = 300;
  const mm = 25.4 / dpi;
  const crop = band ? ['-y', String(Math.floor(band.top / mm)), '-H', String(Math.ceil((band.bottom - band.top) / mm)), '-W', '100000'] : [];
  const offset = band ? Math.floor(band.top / mm) * mm : 0;
  const ppm = execFileSync('pdftoppm', ['-r', String(dpi), '-f', String(page + 1), '-l', String(page + 1), ...crop, pdfPath], { maxBuffer: 256 << 20 });
  // P6 header: magic, width, height, maxval, each followed by whitespace.
  let pos = 0;
  const fields: number[] = [];
  while (fields.length < 3) {
    while (/\s/.test(String.fromCharCode(ppm[pos]))) pos++;
    let tok = '';
    while (!/\s/.test(String.fromCharCode(ppm[pos]))) tok += String.fromCharCode(ppm[pos++]);
    if (tok !== 'P6') fields.push(Number(tok));
  }
  pos++;
  const [w, h] = fields;
  const kind = (o: number): 'red' | 'black' | undefined => {
    const r = ppm[pos + o], g = ppm[pos + o + 1], b = ppm[pos + o + 2];
    if (r > 180 && g < 100 && b < 100) return 'red';
    if (r < 90 && g < 90 && b < 90) return 'black';
    return undefined;
  };
  // Every run long enough, per row and colour (several on a row: the page number's two dashes).
  const rows: { y: number; x1: number; x2: number; color: 'red' | 'black' }[] = [];
  for (let y = 0; y < h; y++) {
    for (const color of ['red', 'black'] as const) {
      let run = 0;
      for (let x = 0; x <= w; x++) {
        if (x < w && kind((y * w + x) * 3) === color) run++;
        else {
          if (run * mm >= minWidthMm) rows.push({ y, x1: x - run, x2: x - 1, color });
          run = 0;
        }
      }
    }
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
  return rules.map((r) => ({ ...r, y: r.y + offset }));
}

/**
 * The page number's dashes (一字线) as drawn: strokes at least 3 mm long (a dash is most of a 14 pt em, 4.9 mm; the
 * bar of a 4 is shorter) in the band below the text block, by their ink, not by the text's em box.
 */
export function pageNumberDashes(pdfPath: string, page: number, blockBottomMm: number): Rule[] {
  return rulesOnPage(pdfPath, page, 3, { top: blockBottomMm + 1, bottom: blockBottomMm + 16 }).filter((r) => r.color === 'black');
}
