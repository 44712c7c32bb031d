// Fast font subsets for pdfkit. pdfkit asks the fontkit font for a Subset (includeGlyph(id) →
// new glyph id, encode() → font program bytes) once per document; fontkit's subsetter parses
// and re-encodes every glyph and every subr INDEX each time, which cost 35–70 ms per CJK font
// per document. Here each glyph's outline is prepared once (CFF: desubroutinized charstring;
// TrueType: the glyf bytes) and kept with its face (src/fonts/face.ts, in the face's cache file
// between runs), and a document's subset is only the concatenation of the glyphs it uses.
// Also here: plain cmap text runs instead of fontkit's shaping (plainLayout) and cheaper
// compression of the font streams (fontStreamsHuffmanOnly), the two next-largest costs.
import type { Font, GlyphRun } from 'fontkit';
import { constants as zlibConstants, deflateSync } from 'node:zlib';
import { StoredFace, type FontFace } from '../../fonts/face.ts';
import { CffUnsupported, writeCidCff, type CffDicts } from './cff.ts';
import { componentRefs, writeSfnt } from './sfnt.ts';
import { CFF_CODE, GLYF_CODE, glyphDeflateAvailable, type FixedCode } from './glyphDeflate.ts';

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

function encodeCff(face: StoredFace, dicts: CffDicts, glyphs: number[]): Uint8Array {
  face.prefetch(glyphs);
  try {
    const outlines = glyphs.map((g) => face.cffGlyph(g));
    const parts: Uint8Array[] = [];
    const program = writeCidCff(dicts, face.meta.postscriptName || 'Font', outlines, parts);
    pieces.set(program, { code: CFF_CODE, parts, stable: new Set(outlines.map((o) => o.charString)) });
    return program;
  } catch (e) {
    if (e instanceof CffUnsupported) return fontkitEncode(face.live(), glyphs);
    throw e;
  }
}

function encodeGlyf(face: StoredFace, fixed: Map<string, Uint8Array>, list: GlyphList): Uint8Array {
  // Composite glyphs bring their components along, appended as new ids (as fontkit does).
  const outlines: Uint8Array[] = [];
  // The arrays the face keeps (its glyphs' outlines, its tables copied as they are), whose coded bits are kept.
  const stable = new Set<Uint8Array>();
  face.prefetch(list.glyphs);
  for (let i = 0; i < list.glyphs.length; i++) {
    let outline = face.glyph(list.glyphs[i]).bytes;
    const refs = componentRefs(outline);
    if (refs.length === 0) stable.add(outline);
    else {
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
    const [advance, lsb] = face.metrics(list.glyphs[i]);
    hmtxView.setUint16(4 * i, advance);
    hmtxView.setInt16(4 * i + 2, lsb);
  });
  locaView.setUint32(4 * n, off);

  const tables = new Map<string, Uint8Array>();
  for (const [tag, t] of fixed) tables.set(tag, t), stable.add(t);
  const head = fixed.get('head')!.slice();
  new DataView(head.buffer).setUint32(8, 0); // checkSumAdjustment: not needed inside a PDF
  head[50] = 0;
  head[51] = 1; // indexToLocFormat: long offsets
  const hhea = fixed.get('hhea')!.slice();
  new DataView(hhea.buffer).setUint16(34, n);
  const maxp = fixed.get('maxp')!.slice();
  new DataView(maxp.buffer).setUint16(4, n);
  tables.set('head', head).set('hhea', hhea).set('maxp', maxp).set('loca', loca).set('glyf', glyf).set('hmtx', hmtx);
  const parts: Uint8Array[] = [];
  const program = writeSfnt(tables, parts, new Map([['glyf', outlines]]));
  pieces.set(program, { code: GLYF_CODE, parts, stable });
  return program;
}

// Font programs encoded here, recognised when pdfkit writes them into a stream (see fontStreamsHuffmanOnly).
const programs = new WeakSet<Uint8Array>();
const mark = (bytes: Uint8Array): Uint8Array => (programs.add(bytes), bytes);
/**
 * A program from prepared glyphs as the pieces it was joined from (the glyphs' outlines and the bytes between), with
 * the fixed code for its kind of outlines, and which pieces are arrays the face keeps.
 */
const pieces = new WeakMap<Uint8Array, { code: FixedCode; parts: Uint8Array[]; stable: ReadonlySet<Uint8Array> }>();

function subsetFor(face: StoredFace): PdfkitSubset {
  const list = new GlyphList();
  const outlines = face.outlines;
  if (outlines.kind === 'cff') {
    return { cff: true, includeGlyph: (g) => list.includeGlyph(g), encode: () => mark(encodeCff(face, outlines.dicts, list.glyphs)) };
  }
  return { includeGlyph: (g) => list.includeGlyph(g), encode: () => mark(encodeGlyf(face, outlines.tables, list)) };
}

/**
 * Programs smaller than this are few glyphs (Latin, a title's dozen characters) whose tables outweigh their
 * outlines; the fixed codes, made for outlines, would not shrink them (with no threshold the 208 PDFs of data/, the
 * fixtures and 40 synthetic reports in three variants grew 350 KB), and zlib codes them in a fraction of a ms.
 */
const GLYPH_DEFLATE_MIN = 32 * 1024;

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
 * 3.1 ms), and the font streams were most of a document's deflate time. A large program from prepared
 * glyphs is coded with the fixed code for its outlines (CFF or TrueType) whose glyph bits are made once per
 * process (glyphDeflate.ts: the same size within 1 %); a small one by zlib. Everything else in the document keeps
 * pdfkit's compression.
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
        const p = glyphDeflateAvailable && chunk.length >= GLYPH_DEFLATE_MIN ? pieces.get(chunk) : undefined;
        const packed = p ? p.code.deflate(p.parts, p.stable) : deflateSync(chunk, { strategy: zlibConstants.Z_HUFFMAN_ONLY });
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
  readonly glyphs: PlainGlyph[] = [];
  readonly positions: PlainPosition[] = [];
  get advanceWidth(): number {
    let w = 0;
    for (const p of this.positions) w += p.xAdvance;
    return w;
  }
}

/** A glyph as pdfkit reads it off a text run: its id, advance and the characters it stands for (ToUnicode). */
export interface PlainGlyph {
  id: number;
  advanceWidth: number;
  codePoints: number[];
}

/**
 * Each character's glyph from the cmap, advanced by its advance width: exactly what layout()
 * measured (FontSet.advance: no kerning, no OpenType features, 公文 text sits on a grid).
 * fontkit's layout() would run the font's GSUB/GPOS, which only cost time (most of pdfkit's
 * text time) and, with Liberation Serif's kerning of "11", moved digits off the measured widths.
 */
function plainLayout(glyphOf: (cp: number) => PlainGlyph, shaped: () => Font): (text: string, features?: unknown) => PlainRun | GlyphRun {
  return (text, features) => {
    if (features) return shaped().layout(text, features as string[]);
    const run = new PlainRun();
    for (let i = 0; i < text.length; i++) {
      const cp = text.codePointAt(i) ?? 0;
      if (cp > 0xffff) i++;
      const g = glyphOf(cp);
      run.glyphs.push(g);
      run.positions.push(new PlainPosition(g.advanceWidth));
    }
    return run;
  };
}

/** Each character's glyph, looked up once per face and process. */
function cachedGlyphs(glyphFor: (cp: number) => PlainGlyph): (cp: number) => PlainGlyph {
  const glyphs = new Map<number, PlainGlyph>();
  return (cp) => {
    let g = glyphs.get(cp);
    if (!g) glyphs.set(cp, (g = glyphFor(cp)));
    return g;
  };
}

/** The font object pdfkit's EmbeddedFont reads (its metrics, names and tables, see pdfkit), over a StoredFace. */
function pdfkitFont(face: StoredFace, glyphOf: (cp: number) => PlainGlyph): object {
  const m = face.meta;
  return {
    postscriptName: m.postscriptName,
    unitsPerEm: m.unitsPerEm,
    ascent: m.ascent,
    descent: m.descent,
    lineGap: m.lineGap,
    xHeight: m.xHeight,
    capHeight: m.capHeight,
    italicAngle: m.italicAngle,
    bbox: m.bbox,
    'OS/2': { sFamilyClass: m.familyClass },
    post: { isFixedPitch: m.fixedPitch },
    head: { macStyle: { italic: m.italic } },
    // pdfkit compares two fonts of one PostScript name by these (isEqualFont).
    _tables: { head: { checkSumAdjustment: m.checkSumAdjustment }, name: { records: JSON.parse(m.nameRecords) } },
    getGlyph: (gid: number): PlainGlyph => ({ id: gid, advanceWidth: face.advance(gid), codePoints: [] }),
    layout: plainLayout(glyphOf, () => face.live()),
    createSubset: () => subsetFor(face),
  };
}

/** A face as pdfkit embeds it, and the glyph of each character in it (what the painter writes into a page). */
export interface Embeddable {
  font: object; // to hand to pdfkit's registerFont
  glyphOf: (cp: number) => PlainGlyph;
}

const wrapped = new WeakMap<FontFace, Embeddable>();

/**
 * A StoredFace's subsets are built from its prepared glyphs (kept in its cache file) and its text runs are plain
 * cmap lookups (see plainLayout); any other face is fontkit's own font with plain text runs. One per face per process.
 */
export function embeddable(face: FontFace): Embeddable {
  let w = wrapped.get(face);
  if (!w) {
    if (face instanceof StoredFace) {
      const glyphOf = cachedGlyphs((cp) => {
        const id = face.glyphId(cp);
        return { id, advanceWidth: face.advance(id), codePoints: [cp] };
      });
      w = { font: pdfkitFont(face, glyphOf), glyphOf };
    } else {
      const font = face.live();
      const glyphOf = cachedGlyphs((cp) => font.glyphForCodePoint(cp));
      const layout = plainLayout(glyphOf, () => font);
      w = { font: new Proxy(font, { get: (target, prop) => (prop === 'layout' ? layout : Reflect.get(target, prop, target)) }), glyphOf };
    }
    wrapped.set(face, w);
  }
  return w;
}

/** The font to hand to pdfkit's registerFont (see embeddable). */
export function embeddableFont(face: FontFace): object {
  return embeddable(face).font;
}
