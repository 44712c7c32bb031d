// Paints laid-out pages with pdfkit. No layout decisions here: every position comes from layout().
import PDFDocument from 'pdfkit';
import type { FontFace } from '../../fonts/face.ts';
import type { FontRole } from '../../schema/profile.ts';
import type { Page, PageItem, Color } from '../../layout/types.ts';
import { GongwenError, diag } from '../../diagnostics.ts';
import { embeddable, fontStreamsHuffmanOnly, type PlainGlyph } from './fontEmbed.ts';

export interface PaintOptions {
  fonts: Record<FontRole, FontFace>;
  colors: { red: string; text: string };
  size: [number, number]; // page width and height in pt
  meta: { title: string; author: string; subject?: string; date?: string };
  images: ReadonlyMap<string, Uint8Array>; // image bytes by the path a page item names (read and checked at load)
}

export async function paintPdf(pages: Page[], opts: PaintOptions): Promise<Uint8Array> {
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
  const glyphs = {} as Record<FontRole, (cp: number) => PlainGlyph>;
  for (const [role, font] of Object.entries(opts.fonts) as [FontRole, FontFace][]) {
    // pdfkit accepts a font object in place of a file (any object with a layout method): embeddable's reads the
    // face's prepared metrics and glyphs, so no font file is parsed for a document.
    const e = embeddable(font);
    doc.registerFont(role, e.font as unknown as string);
    glyphs[role] = e.glyphOf;
  }
  const colour = (c: Color | 'grey') => (c === 'red' ? opts.colors.red : c === 'grey' ? '#808080' : opts.colors.text);
  const writer = new PageWriter(doc, glyphs, colour);
  for (const page of pages) {
    doc.addPage({ size: opts.size, margin: 0 });
    for (const it of page.items) {
      if (it.kind === 'image') await writer.image(it, opts.images);
      else writer.paint(it);
    }
    writer.flush();
  }
  doc.end();
  return await done;
}

/** The parts of pdfkit's document, page and embedded font that writing a page ourselves touches (not in its types). */
interface PdfkitFont {
  id: string;
  scale: number;
  subset: { includeGlyph(glyph: number): number };
  widths: number[];
  unicode: number[][];
  ref(): unknown;
}
interface PdfkitDocument {
  _font: PdfkitFont;
  _fontFamilies: Record<string, PdfkitFont | undefined>;
  page: { height: number; fonts: Record<string, unknown>; write(chunk: Uint8Array): void };
  _normalizeColor(color: string): number[];
  openImage(src: Buffer): PdfkitImage;
}
/** pdfkit's PNGImage (a JPEG has no finalize: it is embedded at once). */
interface PdfkitImage {
  width: number;
  height: number;
  finalize?: () => unknown;
}

/** pdfkit's number formatting (PDFObject.number, not exported): rounded to six decimals. */
function num(n: number): string {
  if (n > -1e21 && n < 1e21) return String(Math.round(n * 1e6) / 1e6);
  throw new Error(`unsupported number: ${n}`);
}

/** A glyph's number in a subset as four hex digits, as pdfkit writes it into a text string. */
const hex4: string[] = [];
const hexOf = (id: number): string => hex4[id] ?? (hex4[id] = id.toString(16).padStart(4, '0'));

/**
 * Writes a page's content stream: the same operators, in the same order and with the same numbers, as pdfkit's
 * own calls wrote (text(…, { lineBreak: false, baseline: 'alphabetic' }) for a line, save/lineWidth/strokeColor/
 * moveTo/lineTo/stroke/restore for a rule, rect/fill/stroke for a box), so the PDF's bytes are the same; but as
 * one string per page, instead of a small buffer per operator, and with each character's glyph looked up once per
 * face instead of through pdfkit's text layout (its option handling, line wrapping, width measurements, per-glyph
 * position objects and their scaling). The layout already placed every line; our fonts need no shaping (see
 * plainLayout in fontEmbed.ts), so a line is one string of glyph ids. pdfkit keeps the document's structure, the
 * fonts (subsets, widths, ToUnicode: filled here as its encode() would) and the images.
 */
class PageWriter {
  private ops: string[] = [];
  private readonly d: PdfkitDocument;
  private readonly colours = new Map<string, string>();
  private readonly fonts = new Map<FontRole, { font: PdfkitFont; hex: Map<number, string> }>();
  private readonly hexes = new Map<PdfkitFont, Map<number, string>>();
  constructor(
    private readonly doc: PDFKit.PDFDocument,
    private readonly glyphs: Record<FontRole, (cp: number) => PlainGlyph>,
    private readonly colour: (c: Color | 'grey') => string,
  ) {
    this.d = doc as unknown as PdfkitDocument;
  }

  /** The components of a colour as pdfkit writes them (`1 0 0` for #ff0000). */
  private components(c: Color | 'grey'): string {
    const css = this.colour(c);
    let s = this.colours.get(css);
    if (s === undefined) this.colours.set(css, (s = this.d._normalizeColor(css).join(' ')));
    return s;
  }

  /** Hands what was written so far to pdfkit's page: at the page's end, and before pdfkit itself draws. */
  flush(): void {
    if (this.ops.length === 0) return;
    this.ops.push('');
    this.d.page.write(Buffer.from(this.ops.join('\n'), 'latin1'));
    this.ops = [];
  }

  /**
   * A seal. pdfkit embeds a PNG with an alpha channel after inflating it on zlib's thread pool, and numbers its
   * soft mask's PDF object only then: with two seals on a page the numbers, so the bytes of the file, depended
   * on which inflate finished first. Waiting for each image to be embedded before painting on numbers them in
   * the order they are painted.
   */
  async image(it: Extract<PageItem, { kind: 'image' }>, images: PaintOptions['images']): Promise<void> {
    const data = images.get(it.path);
    if (!data) throw new Error(`no image bytes for ${it.path}`);
    this.flush();
    try {
      const image = this.d.openImage(Buffer.from(data.buffer, data.byteOffset, data.byteLength));
      const finalize = image.finalize;
      const embedded = finalize
        ? new Promise<void>((resolve) => {
            image.finalize = () => {
              const out = finalize.call(image);
              resolve();
              return out;
            };
          })
        : undefined;
      this.doc.image(image as unknown as Buffer, it.x, it.y, { width: it.w, height: it.h });
      await embedded;
    } catch (e) {
      const why = e instanceof Error ? e.message : String(e);
      throw new GongwenError(diag('seal.unreadable', { path: it.path, why }, { file: it.path }));
    }
  }

  paint(it: Exclude<PageItem, { kind: 'image' }>): void {
    const ops = this.ops;
    switch (it.kind) {
      case 'text':
        this.text(it);
        break;
      case 'rule':
        ops.push('q', `${num(it.width)} w`, '/DeviceRGB CS', `${this.components(it.color)} SCN`, `${num(it.x1)} ${num(it.y)} m`, `${num(it.x2)} ${num(it.y)} l`, 'S', 'Q');
        break;
      case 'rect': {
        ops.push('q');
        const box = `${num(it.x)} ${num(it.y)} ${num(it.w)} ${num(it.h)} re`;
        if (it.fill) ops.push(box, '/DeviceRGB cs', `${this.components(it.fill)} scn`, 'f');
        if (it.stroke) ops.push(box, '0.5 w', '/DeviceRGB CS', `${this.components(it.stroke)} SCN`, 'S');
        ops.push('Q');
        break;
      }
      case 'circle': {
        this.flush();
        const doc = this.doc;
        doc.save().lineWidth(0.75);
        if (it.dashed) doc.dash(3, { space: 3 });
        doc.circle(it.x, it.y, it.w / 2).stroke(this.colour(it.stroke ?? 'red'));
        doc.undash().restore();
        break;
      }
    }
  }

  /**
   * The role's embedded font, and the hex of each character's glyph in its subset. doc.font gives the role's font,
   * creating it (and its PDF object number) on first use, as before; a role pdfkit keeps under its name is then
   * remembered. A role whose file another role already embedded shares that font (and its hexes), but pdfkit opens
   * a font for it on every call, and counts it in the next font's number: it is still asked each time, so the
   * numbers stay as they were.
   */
  private fontOf(role: FontRole): { font: PdfkitFont; hex: Map<number, string> } {
    let f = this.fonts.get(role);
    if (!f) {
      this.doc.font(role);
      const font = this.d._font;
      let hex = this.hexes.get(font);
      if (!hex) this.hexes.set(font, (hex = new Map()));
      f = { font, hex };
      if (this.d._fontFamilies[role] === font) this.fonts.set(role, f);
    }
    return f;
  }

  /** One positioned line of text: a text object drawing its glyphs from (x, baseline y). */
  private text(it: Extract<PageItem, { kind: 'text' }>): void {
    const ops = this.ops;
    const { font, hex } = this.fontOf(it.font);
    ops.push(`/DeviceRGB cs\n${this.components(it.color)} scn`);
    const text = it.text.includes('\n') ? it.text.replace(/\n/g, '') : it.text;
    if (text.length === 0) return;
    const d = this.d;
    const height = d.page.height;
    if (d.page.fonts[font.id] == null) d.page.fonts[font.id] = font.ref();
    let head = `q\n1 0 0 -1 0 ${num(height)} cm\nBT\n1 0 0 1 ${num(it.x)} ${num(height - it.y)} Tm\n/${font.id} ${num(it.size)} Tf`;
    if (it.spacing) head += `\n${num(it.spacing)} Tc`;
    const hScale = it.hScale || 100;
    if (hScale !== 100) head += `\n${hScale} Tz`;
    // What pdfkit's EmbeddedFont.encode does per glyph: its number in the subset, and the subset's width and
    // ToUnicode entries; done once per character and document, the glyph's hex kept. Plain glyphs have no offsets
    // and advance by their own width, so pdfkit's TJ array is always one string followed by a zero adjustment.
    let hexes = '';
    for (let i = 0; i < text.length; i++) {
      const cp = text.codePointAt(i) ?? 0;
      if (cp > 0xffff) i++;
      let h = hex.get(cp);
      if (h === undefined) {
        const glyph = this.glyphs[it.font](cp);
        const gid = font.subset.includeGlyph(glyph.id);
        if (font.widths[gid] == null) font.widths[gid] = glyph.advanceWidth * font.scale;
        if (font.unicode[gid] == null) font.unicode[gid] = glyph.codePoints;
        hex.set(cp, (h = hexOf(gid)));
      }
      hexes += h;
    }
    ops.push(`${head}\n[<${hexes}> 0] TJ\nET\nQ`);
  }
}

