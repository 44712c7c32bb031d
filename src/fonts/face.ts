// A font face as the typesetter and the PDF writer read it: names and vertical metrics, the cmap, advance widths,
// glyph boxes, and (for the PDF's subsets) each glyph's outline ready to copy. Two kinds:
// - StoredFace, for plain sfnt fonts with CFF or TrueType outlines (every bundled font): its cmap and metrics are
//   plain arrays and its glyphs are kept, once prepared, in an on-disk cache (faceFile.ts) keyed by the font file's
//   path, size and time. A run whose characters are all in the cache reads neither the 31 MB of font files nor
//   fontkit's parse of them; a glyph the cache lacks is prepared from the font file, opened then (`live`).
// - LiveFace, for anything else (WOFF, CFF2, unusual CFF): fontkit's parsed font, asked each time.
// Both give exactly the numbers fontkit gives (the PDF bytes do not depend on which one a run used).
import type * as fontkit from 'fontkit';
import { CffFont, CffUnsupported, type CffDicts, type RawDictEntry, type SubsetGlyph } from '../render/pdf/cff.ts';
import { GlyfFont, hmtxMetrics, tableBytes } from '../render/pdf/sfnt.ts';

/** A glyph's bounding box in font units, as fontkit's glyph.bbox (an empty glyph's is infinite). */
export interface Box {
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
}

/** What pdfkit reads of a font besides its glyphs (see EmbeddedFont in pdfkit), and the names a face goes by. */
export interface FaceMeta {
  postscriptName: string;
  /** PostScript names of every face of the file (a collection has several). */
  faces: string[];
  /** Every name the face goes by (PostScript, full and family names), to match a user's file to a role. */
  names: string[];
  unitsPerEm: number;
  ascent: number;
  descent: number;
  lineGap: number;
  xHeight: number;
  capHeight: number;
  italicAngle: number;
  bbox: Box;
  familyClass: number; // OS/2 sFamilyClass, 0 without OS/2
  fixedPitch: boolean;
  italic: boolean;
  /** For pdfkit's test of two fonts with one PostScript name (isEqualFont): head's checksum and the name records. */
  checkSumAdjustment: number;
  nameRecords: string; // JSON
}

export abstract class FontFace {
  constructor(
    readonly path: string,
    readonly meta: FaceMeta,
  ) {}
  /** The glyph the cmap gives the code point; 0 (.notdef) when the font has none. */
  abstract glyphId(cp: number): number;
  /** Advance width of a glyph, in font units. */
  abstract advance(gid: number): number;
  abstract box(gid: number): Box;
  /** The code points the cmap lists, as fontkit's font.characterSet. */
  abstract characterSet(): number[];
  /** fontkit's parse of the file, opened on first use (the fallback for whatever is not prepared here). */
  abstract live(): fontkit.Font;
}

/** fontkit's font, not in its type declarations: the cmap lookup without a Glyph object. */
interface CmapInternals {
  _cmapProcessor: { lookup(cp: number): number };
}

const boxOf = (b: Box): Box => ({ minX: b.minX, minY: b.minY, maxX: b.maxX, maxY: b.maxY });

/** The face's PostScript name, or '' when its name table has none or is damaged. */
export function safeName(f: fontkit.Font): string {
  try {
    return f.postscriptName ?? '';
  } catch {
    return '';
  }
}

/** Every name a face goes by: PostScript, full and family names in all languages of its name table. */
export function faceNames(font: fontkit.Font): string[] {
  const out = new Set<string>();
  const add = (v: unknown) => {
    if (typeof v === 'string' && v) out.add(v);
    else if (typeof v === 'object' && v !== null) for (const s of Object.values(v)) if (typeof s === 'string' && s) out.add(s);
  };
  add(safeName(font));
  const name: unknown = Reflect.get(font, 'name');
  const records: unknown = typeof name === 'object' && name !== null ? Reflect.get(name, 'records') : undefined;
  if (typeof records === 'object' && records !== null) {
    for (const k of ['fontFamily', 'fullName', 'preferredFamily', 'postscriptName', 'compatibleFull']) add(Reflect.get(records, k));
  }
  return [...out];
}

/** The face's metadata as fontkit reports it. */
export function metaOf(font: fontkit.Font, faces: string[]): FaceMeta {
  const os2: unknown = Reflect.get(font, 'OS/2');
  const familyClass = typeof os2 === 'object' && os2 !== null ? Number(Reflect.get(os2, 'sFamilyClass')) || 0 : 0;
  const head = Reflect.get(font, 'head') as { checkSumAdjustment: number; macStyle: { italic: boolean } };
  const post = Reflect.get(font, 'post') as { isFixedPitch: number };
  const name: unknown = Reflect.get(font, 'name');
  return {
    postscriptName: safeName(font),
    faces,
    names: faceNames(font),
    unitsPerEm: font.unitsPerEm,
    ascent: font.ascent,
    descent: font.descent,
    lineGap: font.lineGap,
    xHeight: font.xHeight,
    capHeight: font.capHeight,
    italicAngle: font.italicAngle,
    bbox: boxOf(font.bbox),
    familyClass,
    fixedPitch: Boolean(post.isFixedPitch),
    italic: Boolean(head.macStyle.italic),
    checkSumAdjustment: head.checkSumAdjustment,
    nameRecords: JSON.stringify(typeof name === 'object' && name !== null ? Reflect.get(name, 'records') : null) ?? 'null',
  };
}

/** A face fontkit answers for, every time. */
export class LiveFace extends FontFace {
  constructor(
    path: string,
    private readonly font: fontkit.Font,
    faces: string[],
  ) {
    super(path, metaOf(font, faces));
  }
  glyphId(cp: number): number {
    return (this.font as unknown as CmapInternals)._cmapProcessor.lookup(cp);
  }
  advance(gid: number): number {
    return this.font.getGlyph(gid).advanceWidth;
  }
  box(gid: number): Box {
    return boxOf(this.font.getGlyph(gid).bbox);
  }
  characterSet(): number[] {
    return this.font.characterSet;
  }
  live(): fontkit.Font {
    return this.font;
  }
}

/** A glyph's outline as the subset writers copy it: a flattened CFF charstring (with its font DICT) or glyf bytes. */
export interface StoredGlyph {
  bytes: Uint8Array;
  fd: number; // CFF font DICT index; 0 for TrueType
}

/** The outline data of a StoredFace: CFF (its DICTs) or TrueType (the tables a subset copies as they are). */
export type Outlines = { kind: 'cff'; dicts: CffDicts } | { kind: 'glyf'; tables: Map<string, Uint8Array> };

/** Everything a StoredFace is made of, whether read from its cache file or taken from the font. */
export interface FaceData {
  meta: FaceMeta;
  outlines: Outlines;
  /** cmap: code points in fontkit's characterSet order, and each one's glyph (0 where the font maps it to none). */
  cps: Uint32Array;
  gids: Uint16Array;
  hmtx: Uint8Array;
  numberOfHMetrics: number;
  /** Those of `gids` prepared before (the cache file reads them when asked), and glyph boxes known so far. */
  glyphs(gids: readonly number[]): Map<number, StoredGlyph>;
  boxes: Map<number, Box>;
}

/** Why a font cannot be a StoredFace: it is served by fontkit alone (LiveFace). */
export class NotStorable extends Error {}

/**
 * The arrays and tables of a plain sfnt font with CFF or glyf outlines (a variable font's default instance, as
 * fontkit reads it without variation coordinates). WOFF and CFF2 are not: their tables need fontkit's processing.
 */
export function extractFace(font: fontkit.Font, faces: string[]): Omit<FaceData, 'glyphs' | 'boxes'> {
  if (font.type !== 'TTF') throw new NotStorable('not a plain sfnt font');
  const hmtx = tableBytes(font, 'hmtx');
  const hhea = tableBytes(font, 'hhea');
  if (!hmtx || !hhea) throw new NotStorable('no hmtx');
  let outlines: Outlines;
  const cff = tableBytes(font, 'CFF ');
  if (cff) {
    try {
      const c = new CffFont(cff);
      outlines = { kind: 'cff', dicts: { top: c.top.map(raw), fds: c.fds.map((fd) => ({ keep: fd.keep.map(raw), privateEntries: fd.privateEntries.map(raw) })) } };
    } catch (e) {
      if (e instanceof CffUnsupported) throw new NotStorable(e.message);
      throw e;
    }
  } else if (tableBytes(font, 'glyf') && tableBytes(font, 'loca')) {
    const tables = new Map<string, Uint8Array>();
    for (const tag of GLYF_FIXED) {
      const t = tableBytes(font, tag);
      if (t) tables.set(tag, t.slice());
    }
    outlines = { kind: 'glyf', tables };
  } else {
    throw new NotStorable('no CFF or glyf outlines');
  }
  const cmap = (font as unknown as CmapInternals)._cmapProcessor;
  const set = font.characterSet;
  const cps = Uint32Array.from(set);
  const gids = new Uint16Array(cps.length);
  for (let i = 0; i < cps.length; i++) gids[i] = cmap.lookup(cps[i]);
  return { meta: metaOf(font, faces), outlines, cps, gids, hmtx: hmtx.slice(), numberOfHMetrics: (hhea[34] << 8) | hhea[35] };
}

/** The TrueType tables a subset copies from the font as they are (sfnt.ts's GlyfProgram). */
export const GLYF_FIXED = ['cvt ', 'fpgm', 'prep', 'head', 'hhea', 'maxp'];

const raw = (e: RawDictEntry): RawDictEntry => ({ op: e.op, raw: e.raw.slice() });

/** A face served from arrays, with glyphs prepared once and kept (see the file's head). */
export class StoredFace extends FontFace {
  private readonly bmp = new Uint16Array(0x10000);
  private readonly astral = new Map<number, number>();
  /** Glyphs and boxes this process prepared that the cache file lacks. */
  readonly added = new Map<number, StoredGlyph>();
  /** Glyphs read from the cache file. */
  private readonly loaded = new Map<number, StoredGlyph>();
  readonly addedBoxes = new Map<number, Box>();
  private liveFont: fontkit.Font | undefined;
  private liveCff: CffFont | undefined;
  private liveGlyf: GlyfFont | undefined;

  constructor(
    path: string,
    readonly data: FaceData,
    private readonly openLive: () => fontkit.Font,
    /** Called once, the first time this face prepares something the cache lacks. */
    private readonly onAdded: (face: StoredFace) => void,
  ) {
    super(path, data.meta);
    const { cps, gids } = data;
    for (let i = 0; i < cps.length; i++) {
      if (cps[i] < 0x10000) this.bmp[cps[i]] = gids[i];
      else this.astral.set(cps[i], gids[i]);
    }
  }

  get outlines(): Outlines {
    return this.data.outlines;
  }

  glyphId(cp: number): number {
    return cp < 0x10000 ? this.bmp[cp] : (this.astral.get(cp) ?? 0);
  }

  advance(gid: number): number {
    return this.metrics(gid)[0];
  }

  /** Advance width and left side bearing (hmtx), in font units. */
  metrics(gid: number): [number, number] {
    return hmtxMetrics(this.data.hmtx, this.data.numberOfHMetrics, gid);
  }

  box(gid: number): Box {
    let b = this.data.boxes.get(gid) ?? this.addedBoxes.get(gid);
    if (!b) {
      b = boxOf(this.live().getGlyph(gid).bbox);
      this.addedBoxes.set(gid, b);
      this.noteAdded();
    }
    return b;
  }

  characterSet(): number[] {
    return Array.from(this.data.cps);
  }

  live(): fontkit.Font {
    return (this.liveFont ??= this.openLive());
  }

  /** Reads those of `gids` the cache file holds in one pass (a document's glyphs, before its subset is written). */
  prefetch(gids: readonly number[]): void {
    const wanted = gids.filter((g) => !this.loaded.has(g) && !this.added.has(g));
    if (wanted.length > 0) for (const [gid, g] of this.data.glyphs(wanted)) this.loaded.set(gid, g);
  }

  /** The glyph's outline for a subset: from the cache, or prepared now from the font file. */
  glyph(gid: number): StoredGlyph {
    let g = this.added.get(gid) ?? this.loaded.get(gid);
    if (!g) {
      this.prefetch([gid]);
      g = this.loaded.get(gid);
    }
    if (!g) {
      g = this.prepare(gid);
      this.added.set(gid, g);
      this.noteAdded();
    }
    return g;
  }

  /** As a CFF subset writer reads it (cff.ts). */
  cffGlyph(gid: number): SubsetGlyph {
    const g = this.glyph(gid);
    return { charString: g.bytes, fd: g.fd };
  }

  private prepare(gid: number): StoredGlyph {
    if (this.data.outlines.kind === 'cff') {
      const c = (this.liveCff ??= new CffFont(tableBytes(this.live(), 'CFF ') ?? new Uint8Array(0)));
      return { bytes: c.flatten(gid), fd: c.fdOf(gid) };
    }
    const g = (this.liveGlyf ??= new GlyfFont(this.live()));
    return { bytes: g.outline(gid).slice(), fd: 0 };
  }

  /** After its cache file was written: what this process added is now what the file holds. */
  markSaved(): void {
    for (const [gid, g] of this.added) this.loaded.set(gid, g);
    for (const [gid, b] of this.addedBoxes) this.data.boxes.set(gid, b);
    this.added.clear();
    this.addedBoxes.clear();
    this.noted = false;
  }

  private noted = false;
  private noteAdded(): void {
    if (this.noted) return;
    this.noted = true;
    this.onAdded(this);
  }
}
