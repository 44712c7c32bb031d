// Fast font subsets for pdfkit. pdfkit asks the fontkit font for a Subset (includeGlyph(id) →
// new glyph id, encode() → font program bytes) once per document; fontkit's subsetter parses
// and re-encodes every glyph and every subr INDEX each time, which cost 35–70 ms per CJK font
// per document. Here each font's tables are read once per process, each glyph's outline is
// prepared once per process (CFF: desubroutinized charstring; TrueType: the glyf bytes in
// place), and a document's subset is only the concatenation of the glyphs it uses.
// Also here: plain cmap text runs instead of fontkit's shaping (plainLayout) and cheaper
// compression of the font streams (fontStreamsHuffmanOnly), the two next-largest costs.
import type { Font, Glyph, GlyphRun } from 'fontkit';
import { constants as zlibConstants, deflateSync } from 'node:zlib';
import { CffFont, CffUnsupported, writeCidCff, type SubsetGlyph } from './cff.ts';
import { GlyfFont, componentRefs, tableBytes, writeSfnt } from './sfnt.ts';

/** What pdfkit's EmbeddedFont uses of a subset; `cff` non-null makes it embed a CFF (FontFile3). */
export interface PdfkitSubset {
  cff?: unknown;
  includeGlyph(glyph: number | { id: number }): number;
  encode(): Uint8Array;
}

/** Glyph ids in the order a document first uses them; glyph 0 (.notdef) is always the first. */
class GlyphList {
  readonly glyphs: number[] = [];
  private readonly ids = new Map<number, number>();
  constructor() {
    this.includeGlyph(0);
  }
  includeGlyph(glyph: number | { id: number }): number {
    const gid = typeof glyph === 'number' ? glyph : glyph.id;
    let id = this.ids.get(gid);
    if (id === undefined) {
      id = this.glyphs.length;
      this.glyphs.push(gid);
      this.ids.set(gid, id);
    }
    return id;
  }
}

/** fontkit's own subsetter with the same glyphs in the same order (so the same ids): the fallback. */
function fontkitEncode(font: Font, glyphs: number[]): Uint8Array {
  const s = font.createSubset() as unknown as PdfkitSubset;
  for (const g of glyphs) s.includeGlyph(g);
  return s.encode();
}

class CffProgram {
  private readonly charStrings = new Map<number, Uint8Array>();
  constructor(
    readonly font: Font,
    private readonly cff: CffFont,
  ) {}

  glyph(gid: number): SubsetGlyph {
    let cs = this.charStrings.get(gid);
    if (!cs) this.charStrings.set(gid, (cs = this.cff.flatten(gid)));
    return { charString: cs, fd: this.cff.fdOf(gid) };
  }

  encode(glyphs: number[]): Uint8Array {
    const name = this.font.postscriptName ?? 'Font';
    try {
      return writeCidCff(this.cff, name, glyphs.map((g) => this.glyph(g)));
    } catch (e) {
      if (e instanceof CffUnsupported) return fontkitEncode(this.font, glyphs);
      throw e;
    }
  }
}

class GlyfProgram {
  private readonly fixed = new Map<string, Uint8Array>(); // cvt, fpgm, prep, head, hhea, maxp as read

  constructor(
    readonly font: Font,
    private readonly glyf: GlyfFont,
  ) {
    for (const tag of ['cvt ', 'fpgm', 'prep', 'head', 'hhea', 'maxp']) {
      const t = tableBytes(font, tag);
      if (t) this.fixed.set(tag, t);
    }
  }

  encode(list: GlyphList): Uint8Array {
    // Composite glyphs bring their components along, appended as new ids (as fontkit does).
    const outlines: Uint8Array[] = [];
    for (let i = 0; i < list.glyphs.length; i++) {
      let outline = this.glyf.outline(list.glyphs[i]);
      const refs = componentRefs(outline);
      if (refs.length > 0) {
        outline = outline.slice();
        for (const r of refs) {
          const id = list.includeGlyph(r.gid);
          outline[r.at] = id >> 8;
          outline[r.at + 1] = id & 0xff;
        }
      }
      outlines.push(outline);
    }
    const n = outlines.length;
    const loca = new Uint8Array(4 * (n + 1));
    const locaView = new DataView(loca.buffer);
    const glyfSize = outlines.reduce((s, o) => s + o.length, 0);
    const glyf = new Uint8Array(glyfSize);
    const hmtx = new Uint8Array(4 * n);
    const hmtxView = new DataView(hmtx.buffer);
    let off = 0;
    outlines.forEach((o, i) => {
      locaView.setUint32(4 * i, off);
      glyf.set(o, off);
      off += o.length;
      const [advance, lsb] = this.glyf.metrics(list.glyphs[i]);
      hmtxView.setUint16(4 * i, advance);
      hmtxView.setInt16(4 * i + 2, lsb);
    });
    locaView.setUint32(4 * n, off);

    const tables = new Map<string, Uint8Array>();
    for (const [tag, t] of this.fixed) tables.set(tag, t);
    const head = this.fixed.get('head')!.slice();
    new DataView(head.buffer).setUint32(8, 0); // checkSumAdjustment: not needed inside a PDF
    head[50] = 0;
    head[51] = 1; // indexToLocFormat: long offsets
    const hhea = this.fixed.get('hhea')!.slice();
    new DataView(hhea.buffer).setUint16(34, n);
    const maxp = this.fixed.get('maxp')!.slice();
    new DataView(maxp.buffer).setUint16(4, n);
    tables.set('head', head).set('hhea', hhea).set('maxp', maxp).set('loca', loca).set('glyf', glyf).set('hmtx', hmtx);
    return writeSfnt(tables);
  }
}

type Program = { kind: 'cff'; p: CffProgram } | { kind: 'glyf'; p: GlyfProgram } | { kind: 'fontkit' };

function programFor(font: Font): Program {
  // WOFF/WOFF2 store their tables compressed; only plain sfnt tables (.ttf/.otf/.ttc faces) are read in place.
  if (font.type !== 'TTF') return { kind: 'fontkit' };
  try {
    const cff = tableBytes(font, 'CFF ');
    if (cff) return { kind: 'cff', p: new CffProgram(font, new CffFont(cff)) };
    if (tableBytes(font, 'glyf') && tableBytes(font, 'loca')) return { kind: 'glyf', p: new GlyfProgram(font, new GlyfFont(font)) };
  } catch (e) {
    if (!(e instanceof CffUnsupported)) throw e;
  }
  // CFF2, bitmap-only or otherwise unusual fonts: fontkit's subsetter, slower but general.
  return { kind: 'fontkit' };
}

// Font programs encoded here, recognised when pdfkit writes them into a stream (see fontStreamsHuffmanOnly).
const programs = new WeakSet<Uint8Array>();
const mark = (bytes: Uint8Array): Uint8Array => (programs.add(bytes), bytes);

function subsetFor(font: Font, program: Program): PdfkitSubset {
  if (program.kind === 'fontkit') return font.createSubset() as unknown as PdfkitSubset;
  const list = new GlyphList();
  if (program.kind === 'cff') {
    const p = program.p;
    return { cff: true, includeGlyph: (g) => list.includeGlyph(g), encode: () => mark(p.encode(list.glyphs)) };
  }
  const p = program.p;
  return { includeGlyph: (g) => list.includeGlyph(g), encode: () => mark(p.encode(list)) };
}

/** The parts of pdfkit's PDFReference (a PDF object, possibly a stream) touched below. */
interface PdfRef {
  data: Record<string, unknown>;
  compress: boolean;
  end(chunk?: Uint8Array | string): void;
}

/**
 * Makes `doc` write the font programs of this module's subsets compressed with Huffman coding
 * only. Outlines are near-random bytes: zlib's default level finds few repeats in them (a
 * FandolFang subset of 589 glyphs: 340 KB → 271 KB at level 6 in 7.9 ms, 285 KB Huffman-only in
 * 3.1 ms), and the font streams were most of a document's deflate time. Everything else in
 * the document keeps pdfkit's compression.
 */
export function fontStreamsHuffmanOnly(doc: PDFKit.PDFDocument): void {
  const d = doc as unknown as { ref(data?: Record<string, unknown>): PdfRef };
  const makeRef = d.ref.bind(d);
  d.ref = (data) => {
    const ref = makeRef(data);
    if (!ref.compress) return ref;
    const end = ref.end.bind(ref);
    ref.end = (chunk) => {
      if (chunk instanceof Uint8Array && programs.has(chunk)) {
        const packed = deflateSync(chunk, { strategy: zlibConstants.Z_HUFFMAN_ONLY });
        ref.compress = false;
        if (packed.length >= chunk.length) return end(chunk); // would not shrink: stored as it is
        ref.data.Filter = 'FlateDecode';
        return end(packed);
      }
      end(chunk);
    };
    return ref;
  };
}

/**
 * A glyph position as pdfkit expects it. pdfkit scales every key of every position in a for…in
 * loop and then adds advanceWidth; declaring all five fields up front keeps one object shape, which
 * keeps that loop fast.
 */
class PlainPosition {
  yAdvance = 0;
  xOffset = 0;
  yOffset = 0;
  advanceWidth = 0;
  constructor(public xAdvance: number) {}
}

/**
 * pdfkit's view of a laid-out run. `advanceWidth` is a getter over the positions because pdfkit
 * scales the positions in place and then reads the run's width.
 */
class PlainRun {
  readonly glyphs: Glyph[] = [];
  readonly positions: PlainPosition[] = [];
  get advanceWidth(): number {
    let w = 0;
    for (const p of this.positions) w += p.xAdvance;
    return w;
  }
}

/**
 * Each character's glyph from the cmap, advanced by its advance width: exactly what layout()
 * measured (FontSet.advance: no kerning, no OpenType features, 公文 text sits on a grid).
 * fontkit's layout() would run the font's GSUB/GPOS, which only cost time (most of pdfkit's
 * text time) and, with Liberation Serif's kerning of "11", moved digits off the measured widths.
 */
function plainLayout(font: Font): (text: string, features?: unknown) => PlainRun | GlyphRun {
  const glyphs = new Map<number, Glyph>();
  return (text, features) => {
    if (features) return font.layout(text, features as string[]);
    const run = new PlainRun();
    for (let i = 0; i < text.length; i++) {
      const cp = text.codePointAt(i) ?? 0;
      if (cp > 0xffff) i++;
      let g = glyphs.get(cp);
      if (!g) glyphs.set(cp, (g = font.glyphForCodePoint(cp)));
      run.glyphs.push(g);
      run.positions.push(new PlainPosition(g.advanceWidth));
    }
    return run;
  };
}

const wrapped = new WeakMap<Font, Font>();

/**
 * The font to hand to pdfkit's registerFont: the same fontkit font, except that its subsets are
 * built from this module's per-process glyph caches and its text runs are plain cmap lookups
 * (see plainLayout). One wrapper per font per process.
 */
export function embeddableFont(font: Font): Font {
  let w = wrapped.get(font);
  if (!w) {
    const program = programFor(font);
    const own = new Map<string | symbol, unknown>([
      ['createSubset', () => subsetFor(font, program)],
      ['layout', plainLayout(font)],
    ]);
    w = new Proxy(font, { get: (target, prop) => (own.has(prop) ? own.get(prop) : Reflect.get(target, prop, target)) });
    wrapped.set(font, w);
  }
  return w;
}
