// Font embedding in the finished PDF (src/render/pdf/fontEmbed.ts): subsets that are real subsets,
// text that copies out as the characters laid out, outlines identical to fontkit's own subsets,
// and the same bytes for the same input whatever was rendered before.
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import PDFDocument from 'pdfkit';
import * as fontkit from 'fontkit';
import type { Font } from 'fontkit';
import { parse } from 'yaml';
import { Report } from '../src/schema/report.ts';
import { composeReport } from '../src/compose/report.ts';
import { layoutDocument, renderPdfDocument } from '../src/render/pdf/index.ts';
import { defaultWriterInputs } from '../src/render/inputs.ts';
import { embeddableFont } from '../src/render/pdf/fontEmbed.ts';
import { tableBytes } from '../src/render/pdf/sfnt.ts';
import { CFF_CODE, GLYF_CODE } from '../src/render/pdf/glyphDeflate.ts';
import { loadFontSet } from '../src/fonts/index.ts';
import { FONT_ROLES, type FontRole } from '../src/schema/profile.ts';
import type { TextItem } from '../src/layout/types.ts';
import { readPdf } from './helpers/pdfread.ts';

const inputs = defaultWriterInputs();

const DEMO = join(import.meta.dirname, '..', 'data', '示例县', '2023');
const docOf = (name: string) =>
  composeReport(Report.parse(parse(readFileSync(join(DEMO, name), 'utf8'))), { baseDir: DEMO });
const fonts = loadFontSet();

interface EmbeddedFontFile {
  fontName: string;
  kind: 'FontFile2' | 'FontFile3';
  bytes: Uint8Array; // decoded stream
  stored: number; // bytes in the file
}

/** Every embedded font program of a pdfkit PDF (plain objects, no object streams), decoded. */
function embeddedFonts(pdf: Uint8Array): EmbeddedFontFile[] {
  const s = Buffer.from(pdf).toString('latin1');
  const objAt = (id: string) => s.indexOf(`\n${id} 0 obj\n`) + `\n${id} 0 obj\n`.length;
  const out: EmbeddedFontFile[] = [];
  for (const m of s.matchAll(/\/FontName \/(\S+)[\s\S]*?\/(FontFile[23]) (\d+) 0 R/g)) {
    const at = objAt(m[3]);
    const dictEnd = s.indexOf('stream\n', at);
    const dict = s.slice(at, dictEnd);
    const length = Number(/\/Length (\d+)/.exec(dict)?.[1]);
    const raw = pdf.subarray(dictEnd + 7, dictEnd + 7 + length);
    out.push({ fontName: m[1], kind: m[2] as EmbeddedFontFile['kind'], bytes: dict.includes('/FlateDecode') ? inflateSync(raw) : raw, stored: raw.length });
  }
  return out;
}

const noSpace = (s: string) => s.replace(/\s+/g, '');

describe('fonts embedded by the PDF writer', async () => {
  const doc = docOf('示例丁镇.yaml');
  const { pages } = layoutDocument(doc, inputs);
  const { bytes } = await renderPdfDocument(doc, inputs);

  it('copies out the text that was laid out, page by page', async () => {
    const read = await readPdf(bytes);
    expect(read).toHaveLength(pages.length);
    pages.forEach((page, i) => {
      const laidOut = page.items.filter((it): it is TextItem => it.kind === 'text').map((t) => t.text).join('');
      const copied = read[i].texts.map((t) => t.str).join('');
      expect(noSpace(copied)).toBe(noSpace(laidOut));
    });
  });

  it('embeds each font as a tagged subset much smaller than its file', () => {
    const files = embeddedFonts(bytes);
    const used = new Set(pages.flatMap((p) => p.items.filter((it): it is TextItem => it.kind === 'text').map((t) => t.font)));
    const usedFiles = new Set([...used].map((r) => fonts.fonts[r].path));
    expect(files.length).toBe(usedFiles.size);
    for (const f of files) {
      expect(f.fontName).toMatch(/^[A-Z]{6}\+\S+$/);
      const role = FONT_ROLES.find((r) => f.fontName.endsWith(`+${fonts.fonts[r].postscriptName.replace(/ /g, '_')}`));
      expect(role, f.fontName).toBeDefined();
      const source = fonts.fonts[role as FontRole];
      // CFF fonts go in as bare CFF (FontFile3), TrueType ones as TrueType (FontFile2).
      expect(f.kind).toBe(tableBytes(source.font, 'CFF ') ? 'FontFile3' : 'FontFile2');
      expect(f.bytes.length).toBeLessThan(statSync(source.path).size / 10);
    }
  });

  it('stores the large CJK programs, CFF and TrueType, compressed by at least a tenth (read back through zlib, which checks them)', () => {
    const large = embeddedFonts(bytes).filter((f) => f.bytes.length >= 32 * 1024);
    expect(new Set(large.map((f) => f.kind))).toEqual(new Set(['FontFile3', 'FontFile2']));
    for (const f of large) {
      // A CFF header, as the subset writer makes it; or an sfnt's version 1.0.
      expect([...f.bytes.subarray(0, 4)], f.fontName).toEqual(f.kind === 'FontFile3' ? [1, 0, 4, 4] : [0, 1, 0, 0]);
      expect(f.stored, f.fontName).toBeLessThan(0.9 * f.bytes.length);
    }
  });

  it('gives the same bytes for the same document, whatever was rendered before', async () => {
    const other = await renderPdfDocument(docOf('示例甲镇.yaml'), inputs); // fills the glyph caches differently
    const again = await renderPdfDocument(doc, inputs);
    expect(Buffer.compare(Buffer.from(again.bytes), Buffer.from(bytes))).toBe(0);
    expect(Buffer.compare(Buffer.from(other.bytes), Buffer.from(bytes))).not.toBe(0);
  });

  it('leaves the fonts themselves untouched (their bytes are shared by every thread of a build)', async () => {
    // The subset writers patch head, hhea, maxp and composite glyphs' component ids: in copies only.
    await renderPdfDocument(docOf('示例乙镇.yaml'), inputs);
    for (const role of FONT_ROLES) {
      const { font, path } = fonts.fonts[role];
      const pristine = fontkit.create(readFileSync(path)) as Font;
      for (const t of ['head', 'hhea', 'maxp', 'loca', 'glyf', 'hmtx', 'CFF ']) {
        const inMemory = tableBytes(font, t);
        expect(inMemory && Buffer.from(inMemory).equals(Buffer.from(tableBytes(pristine, t)!)), `${role} ${t}`).not.toBe(false);
      }
    }
  });
});

// Draws `chars` one by one (so no shaping differs) in `font`, through pdfkit.
function drawChars(font: object, chars: string[]): Promise<Buffer> {
  const doc = new PDFDocument({ size: [400, 400], margin: 0, autoFirstPage: true, compress: false, info: { CreationDate: new Date(0) } });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  doc.registerFont('f', font as unknown as string);
  doc.font('f').fontSize(24);
  chars.forEach((ch, i) => doc.text(ch, 10 + (i % 14) * 27, 30 + Math.floor(i / 14) * 30, { lineBreak: false, baseline: 'alphabetic' }));
  doc.end();
  return done;
}

function rasterize(pdf: Buffer, dir: string, name: string): Buffer {
  const file = join(dir, `${name}.pdf`);
  writeFileSync(file, pdf);
  execFileSync('pdftoppm', ['-r', '100', '-gray', '-singlefile', file, join(dir, name)]);
  return readFileSync(join(dir, `${name}.pgm`));
}

describe('subset outlines', () => {
  // Characters of the demo report in each role's font, plus Latin, digits and punctuation.
  const doc = docOf('示例丁镇.yaml');
  const byRole = new Map<FontRole, Set<string>>();
  for (const page of layoutDocument(doc, inputs).pages) {
    for (const it of page.items) {
      if (it.kind !== 'text') continue;
      const set = byRole.get(it.font) ?? new Set<string>();
      for (const ch of it.text) if (ch.trim()) set.add(ch);
      byRole.set(it.font, set);
    }
  }
  const extra = [...'AaBbQqgé0123456789，。、；：“”（）《》〔〕—'];

  it.each(FONT_ROLES.map((r) => [r]))('%s: renders exactly like fontkit’s own subset', async (role) => {
    const { font, face } = fonts.fonts[role];
    const chars = [...new Set([...(byRole.get(role) ?? []), ...extra])].filter((c) => fonts.hasChar(role, c)).slice(0, 180);
    const dir = mkdtempSync(join(tmpdir(), 'pdf-fonts-'));
    try {
      const reference = rasterize(await drawChars(font, chars), dir, 'fontkit');
      const ours = rasterize(await drawChars(embeddableFont(face), chars), dir, 'ours');
      expect(reference.length).toBeGreaterThan(1000);
      expect(Buffer.compare(ours, reference)).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('font program compression (glyphDeflate.ts)', () => {
  it('inflates to the pieces joined (with either code), with the glyph pieces coded once and copied in at any bit offset', () => {
    let seed = 7;
    const random = (n: number) => Uint8Array.from({ length: n }, () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) >> 16) & 0xff);
    const glyphs = [random(581), random(3), random(1200), random(0), random(77)];
    const tables = [random(40), random(1), random(9)];
    const kept = new Set(glyphs);
    for (const code of [CFF_CODE, GLYF_CODE]) {
      for (const order of [[tables[0], ...glyphs, tables[2]], [tables[1], glyphs[2], glyphs[0], tables[0], glyphs[4], glyphs[2]]]) {
        const packed = code.deflate(order, kept);
        expect(Buffer.from(inflateSync(packed)).equals(Buffer.concat(order))).toBe(true);
      }
    }
  });
});
