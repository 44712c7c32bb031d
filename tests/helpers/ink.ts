// Ink read back from a finished PDF: poppler renders a strip of each page to grey pixels, and the test finds the
// dark ones. What a reader sees, independent of how the text was positioned in the file.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const DPI = 300;
const PX_MM = DPI / 25.4;

/** Dark pixels of a strip of every page, in mm from the page's top-left corner. */
export interface InkStrip {
  /** Whether the pixel at (x, y) mm is dark (under half grey). */
  dark(xMm: number, yMm: number): boolean;
  /** Dark pixels as [xMm, yMm] pairs. */
  points: [number, number][];
}

/** Renders the horizontal strip [topMm, bottomMm) of every page at 300 dpi in grey (one poppler call). */
export function inkStrips(pdf: Uint8Array, topMm: number, bottomMm: number, pageWidthMm = 210): InkStrip[] {
  const dir = mkdtempSync(join(tmpdir(), 'gongwen-ink-'));
  try {
    const file = join(dir, 'x.pdf');
    writeFileSync(file, pdf);
    const y = Math.round(topMm * PX_MM);
    const h = Math.round((bottomMm - topMm) * PX_MM);
    const w = Math.round(pageWidthMm * PX_MM);
    execFileSync('pdftoppm', ['-r', String(DPI), '-gray', '-x', '0', '-y', String(y), '-W', String(w), '-H', String(h), file, join(dir, 'p')]);
    const files = readdirSync(dir).filter((f) => f.endsWith('.pgm')).sort((a, b) => pageNo(a) - pageNo(b));
    return files.map((f) => stripOf(readFileSync(join(dir, f)), y));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function pageNo(name: string): number {
  return Number(/-(\d+)\.pgm$/.exec(name)?.[1] ?? 0);
}

/** A binary PGM (P5): header, then one byte a pixel. */
function stripOf(data: Buffer, y0: number): InkStrip {
  const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(data.subarray(0, 64).toString('latin1'));
  if (!header) throw new Error('not a binary PGM');
  const [w, h] = [Number(header[1]), Number(header[2])];
  const pixels = data.subarray(header[0].length);
  const points: [number, number][] = [];
  for (let j = 0; j < h; j++) for (let i = 0; i < w; i++) if (pixels[j * w + i] < 128) points.push([(i + 0.5) / PX_MM, (y0 + j + 0.5) / PX_MM]);
  return {
    dark: (x, y) => {
      const i = Math.floor(x * PX_MM);
      const j = Math.floor(y * PX_MM) - y0;
      return i >= 0 && i < w && j >= 0 && j < h && pixels[j * w + i] < 128;
    },
    points,
  };
}

/**
 * The page number's first dash as ink: the leftmost dark run of the strip, its top and bottom edges (mm). The dash
 * is the first thing drawn (— n —), and the digits are taller, so only the dash's own columns are looked at.
 */
export function firstDashInk(strip: InkStrip): { left: number; right: number; top: number; bottom: number } | undefined {
  if (strip.points.length === 0) return undefined;
  const left = Math.min(...strip.points.map((p) => p[0]));
  // The dash's columns: from its left end, a run of columns that have ink, stopping at the first blank column.
  const cols = new Map<number, number[]>();
  for (const [x, y] of strip.points) {
    const k = Math.round((x - left) * PX_MM);
    cols.set(k, [...(cols.get(k) ?? []), y]);
  }
  let k = 0;
  while (cols.has(k + 1)) k++;
  const ys = [...Array(k + 1).keys()].flatMap((c) => cols.get(c) ?? []);
  const half = 0.5 / PX_MM;
  return { left: left - half, right: left + k / PX_MM + half, top: Math.min(...ys) - half, bottom: Math.max(...ys) + half };
}
