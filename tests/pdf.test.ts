// The finished PDFs of the real seed reports, read back with pdfjs: geometry, fonts, page numbers, text.
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parse } from 'yaml';
import { Report } from '../src/schema/report.ts';
import { composeReport } from '../src/compose/report.ts';
import { renderPdfDocument, layoutDocument } from '../src/render/pdf/index.ts';
import { defaultWriterInputs } from '../src/render/inputs.ts';
import { loadProfile } from '../src/layout/profile.ts';
import { geometry, EM_ASCENT } from '../src/layout/geometry.ts';
import { loadFontSet } from '../src/fonts/index.ts';
import { NO_LINE_END, NO_LINE_START, SQUEEZE_RIGHT } from '../src/schema/punctuation.ts';
import { VARIANTS } from '../src/schema/report.ts';
import { MM } from '../src/schema/profile.ts';
import { readPdf, linesOf, type PdfPage } from './helpers/pdfread.ts';
import { firstDashInk, inkStrips } from './helpers/ink.ts';

const inputs = defaultWriterInputs();

const g = geometry(loadProfile());
const fonts = loadFontSet().fonts;
const psName = (role: keyof typeof fonts) => fonts[role].postscriptName.replace(/ /g, '_');
const SEEDS = join(import.meta.dirname, '..', 'data', 'seeds');
const seedFiles = readdirSync(SEEDS).filter((f) => f.endsWith('.yaml')).map((f) => join(SEEDS, f));

function load(file: string) {
  return Report.parse(parse(readFileSync(file, 'utf8')));
}

it('has the five seed reports as data', () => {
  expect(seedFiles).toHaveLength(5);
});

const isPageNumber = (s: string) => /^— \d+ —$/.test(s);

// Lines of 16 pt text: their baselines must sit on the 22-line grid, or on the one page the typesetter set
// tighter so that the signature fits (its pitch from the layout's landings, checked in the layout tests).
const onGrid = (y: number, pitch = g.linePitch) => {
  const k = (y - g.top - (pitch - 16) / 2 - EM_ASCENT * 16) / pitch;
  return Math.abs(k - Math.round(k)) < 0.01;
};

describe.each(seedFiles.map((f) => [f.split('/').pop()!, f]))('%s', (_name, file) => {
  const report = load(file);
  describe.each(VARIANTS.map((v) => [v]))('variant %s', (variant) => {
    const doc = composeReport(report, { baseDir: dirname(file), variant });
    let pages: PdfPage[] = [];
    let bytes: Uint8Array;
    const { landings } = layoutDocument(doc, inputs);

    it('renders, deterministically', async () => {
      bytes = (await renderPdfDocument(doc, inputs)).bytes;
      const again = (await renderPdfDocument(doc, inputs)).bytes;
      expect(Buffer.compare(Buffer.from(bytes), Buffer.from(again))).toBe(0);
      pages = await readPdf(bytes);
      expect(pages.length).toBe(layoutDocument(doc, inputs).pages.length);
    });

    it('draws the page-number dashes with their ink 7 mm below the block, outside edge by parity', () => {
      // GB/T 9704 7.5: 一字线上距版心下边缘7mm. Measured on the rendered pixels, not on the text's position.
      const blockBottom = (g.bottom / MM);
      const strips = inkStrips(bytes, blockBottom + 2, blockBottom + 14);
      expect(strips).toHaveLength(pages.length);
      strips.forEach((s, i) => {
        const dash = firstDashInk(s);
        expect(dash, `page ${i + 1}`).toBeDefined();
        expect(Math.abs(dash!.top - blockBottom - 7), `page ${i + 1}: dash top ${dash!.top - blockBottom} mm below the block`).toBeLessThan(0.15);
        expect(dash!.bottom - dash!.top, `page ${i + 1}: a stroke, not a digit`).toBeLessThan(0.6);
        expect(dash!.right - dash!.left, `page ${i + 1}`).toBeGreaterThan(2);
        // Odd pages: the number one character in from the right; even pages: its first dash one character in from the left.
        if (i % 2 === 1) expect(Math.abs(dash!.left - (g.left + g.charPitch) / MM), `page ${i + 1}`).toBeLessThan(0.6);
      });
    });

    it('keeps all text inside the block, body text on the grid, page numbers below it', () => {
      for (const [i, p] of pages.entries()) {
        expect(p.width).toBeCloseTo(210 * MM, 1);
        expect(p.height).toBeCloseTo(297 * MM, 1);
        for (const l of linesOf(p.texts)) {
          const first = l.texts[0];
          const last = l.texts[l.texts.length - 1];
          expect(first.x, l.str).toBeGreaterThanOrEqual(g.left - 0.5);
          // A closing mark squeezed at the line end keeps only its inked left half inside the block.
          const squeezed = SQUEEZE_RIGHT.has(last.str[last.str.length - 1]) ? last.size / 2 : 0;
          expect(last.x + last.width - squeezed, l.str).toBeLessThanOrEqual(g.right + 0.5);
          if (isPageNumber(l.str)) {
            const n = Number(l.str.replace(/\D/g, ''));
            expect(n).toBe(i + 1);
            if (n % 2) expect(last.x + last.width).toBeCloseTo(g.right - g.charPitch, 0);
            else expect(first.x).toBeCloseTo(g.left + g.charPitch, 0);
            continue;
          }
          expect(l.y, l.str).toBeGreaterThan(g.top);
          expect(l.y, l.str).toBeLessThan(g.bottom);
          if (l.texts.every((t) => Math.abs(t.size - 16) < 0.01)) expect(onGrid(l.y, landings.pitch[i]), `${l.str} at ${l.y}`).toBe(true);
        }
      }
    });

    it('fills full pages with 22 lines and obeys the line-start and line-end rules', () => {
      // A middle page is full, but for two remedies of the standard: a heading carried over to the next
      // page with its first line, and body lines moved forward to stand with the signature on the last page.
      const bodyOf = (p: PdfPage) => linesOf(p.texts).filter((l) => !isPageNumber(l.str));
      const headingFonts = [psName('heiti'), psName('kaiti')];
      for (let i = 1; i < pages.length - 1; i++) {
        const n = bodyOf(pages[i]).length;
        const nextStartsWithHeading = headingFonts.includes(bodyOf(pages[i + 1])[0].texts[0].font);
        const beforeSignature = i === pages.length - 2;
        if (n === 22) continue;
        expect(nextStartsWithHeading || beforeSignature, `page ${i + 1} has ${n} lines`).toBe(true);
        expect(n, `page ${i + 1}`).toBeGreaterThanOrEqual(beforeSignature ? 22 - 8 : 22 - 2);
      }
      for (const p of pages) for (const l of linesOf(p.texts).filter((l) => !isPageNumber(l.str))) {
        const s = l.str.replace(/\s+/g, '');
        if (!s) continue;
        expect(NO_LINE_START.has(s[0]), s).toBe(false);
        expect(NO_LINE_END.has(s[s.length - 1]), s).toBe(false);
      }
    });

    it('uses the role fonts: 仿宋 body, 黑体 level-1 headings, 小标宋 title', () => {
      const all = pages.flatMap((p) => p.texts);
      const h1 = all.filter((t) => /^[一二三四五六七八九十]+、/.test(t.str));
      expect(h1.length).toBeGreaterThan(0);
      for (const t of h1) expect(t.font).toBe(psName('heiti'));
      const firstTitle = doc.title.slice(0, 4);
      const titleLine = pages.flatMap((p) => linesOf(p.texts)).find((l) => l.str.startsWith(firstTitle));
      expect(titleLine?.texts.every((t) => t.font === psName('xiaobiaosong') && Math.abs(t.size - 22) < 0.01)).toBe(true);
      const body = all.filter((t) => Math.abs(t.size - 16) < 0.01 && /[\u4e00-\u9fff]{6,}/.test(t.str));
      const share = body.filter((t) => t.font === psName('fangsong')).length / body.length;
      expect(share).toBeGreaterThan(0.8);
    });

    it('keeps every character of the text: extraction gives back the paragraphs', () => {
      const text = pages.flatMap((p) => linesOf(p.texts).filter((l) => !isPageNumber(l.str)).map((l) => l.str)).join('').replace(/\s+/g, '');
      for (const b of doc.body) {
        if (b.kind !== 'paragraph') continue;
        const para = b.runs.map((r) => r.text).join('').replace(/\s+/g, '');
        expect(text.includes(para), para.slice(0, 30)).toBe(true);
      }
    });

    it('places the header for its variant', () => {
      const first = linesOf(pages[0].texts);
      const mark = first.find((l) => l.texts[0].size > 30);
      if (variant === 'plain') {
        expect(mark).toBeUndefined();
        return;
      }
      expect(mark).toBeDefined();
      expect(mark!.y - EM_ASCENT * mark!.texts[0].size - g.top).toBeCloseTo(35 * MM, 0);
      const number = first.find((l) => l.str.includes('〔'))!;
      // A number not yet assigned starts with ideographic spaces, which a PDF reader drops.
      const blank = /^[\s　]/.test(doc.header!.docNumber!);
      if (variant === 'file-up') {
        expect(number.str).toContain('签发人：');
        if (!blank) expect(number.texts[0].x).toBeCloseTo(g.left + g.charPitch, 0);
      } else if (!blank) {
        const l = number.texts[0];
        const r = number.texts[number.texts.length - 1];
        expect((l.x + r.x + r.width) / 2).toBeCloseTo(g.left + g.width / 2, 0);
      }
    });
  });
});
