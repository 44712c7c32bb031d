// Reads a PDF back for geometry checks: text lines with positions (pdfjs) and horizontal rules (raster scan).
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

export const PT_PER_MM = 72 / 25.4;

export interface TextLine {
  page: number; // 0-based
  baseline: number; // mm from the page top
  size: number; // pt
  left: number; // mm from the page's left edge
  right: number;
  text: string;
}

interface Item {
  str: string;
  transform: number[];
  width: number;
}

function isItem(x: unknown): x is Item {
  return typeof x === 'object' && x !== null && 'str' in x && 'transform' in x;
}

/** Text grouped into lines by baseline, per page, in reading order. */
export async function textLines(pdfPath: string): Promise<{ pages: number; lines: TextLine[]; pageHeightMm: number }> {
  const data = new Uint8Array(readFileSync(pdfPath));
  const pdf = await getDocument({ data, useSystemFonts: false, isEvalSupported: false }).promise;
  const lines: TextLine[] = [];
  let pageHeightMm = 297;
  for (let p = 1; p <= pdf.numPages; p++) {
    const page = await pdf.getPage(p);
    const [, , , h] = page.view;
    pageHeightMm = h / PT_PER_MM;
    const content = await page.getTextContent();
    const items: Item[] = [];
    for (const x of content.items) if (isItem(x) && x.str.trim() !== '') items.push(x);
    const rows = new Map<number, Item[]>();
    for (const it of items) {
      const y = Math.round((h - it.transform[5]) * 4) / 4;
      const key = [...rows.keys()].find((k) => Math.abs(k - y) < 1.5) ?? y;
      rows.set(key, [...(rows.get(key) ?? []), it]);
    }
    for (const [y, row] of [...rows.entries()].sort((a, b) => a[0] - b[0])) {
      row.sort((a, b) => a.transform[4] - b.transform[4]);
      const size = Math.max(...row.map((r) => Math.hypot(r.transform[2], r.transform[3])));
      const last = row[row.length - 1];
      lines.push({
        page: p - 1,
        baseline: y / PT_PER_MM,
        size,
        left: row[0].transform[4] / PT_PER_MM,
        right: (last.transform[4] + last.width) / PT_PER_MM,
        text: row.map((r) => r.str).join(''),
      });
    }
    page.cleanup();
  }
  const pages = pdf.numPages;
  await pdf.destroy();
  return { pages, lines, pageHeightMm };
}

export interface Rule {
  y: number; // mm from the page top, centre of the stroke
  x1: number;
  x2: number;
  thickness: number; // mm
  color: 'red' | 'black';
}

/** Horizontal rules at least `minWidthMm` long, found by rasterising one page at 300 dpi. */
export function rulesOnPage(pdfPath: string, page: number, minWidthMm = 100): Rule[] {
  const dpi = 300;
  const ppm = execFileSync('pdftoppm', ['-r', String(dpi), '-f', String(page + 1), '-l', String(page + 1), pdfPath], { maxBuffer: 256 << 20 });
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
  const mm = 25.4 / dpi;
  const kind = (o: number): 'red' | 'black' | undefined => {
    const r = ppm[pos + o], g = ppm[pos + o + 1], b = ppm[pos + o + 2];
    if (r > 180 && g < 100 && b < 100) return 'red';
    if (r < 90 && g < 90 && b < 90) return 'black';
    return undefined;
  };
  const rows: { y: number; x1: number; x2: number; color: 'red' | 'black' }[] = [];
  for (let y = 0; y < h; y++) {
    for (const color of ['red', 'black'] as const) {
      let run = 0, best = 0, bestEnd = 0;
      for (let x = 0; x < w; x++) {
        if (kind((y * w + x) * 3) === color) {
          run++;
          if (run > best) [best, bestEnd] = [run, x];
        } else run = 0;
      }
      if (best * mm >= minWidthMm) rows.push({ y, x1: bestEnd - best + 1, x2: bestEnd, color });
    }
  }
  const rules: Rule[] = [];
  for (const r of rows) {
    const prev = rules[rules.length - 1];
    if (prev && prev.color === r.color && Math.abs(prev.y + prev.thickness / 2 - r.y * mm) < 0.3) {
      const top = prev.y - prev.thickness / 2;
      prev.thickness = r.y * mm + mm - top;
      prev.y = top + prev.thickness / 2;
      continue;
    }
    rules.push({ y: r.y * mm + mm / 2, x1: r.x1 * mm, x2: (r.x2 + 1) * mm, thickness: mm, color: r.color });
  }
  return rules;
}
