// Raw table access to an already parsed fontkit font, and the TrueType (glyf) subset writer.
// The font's bytes are read in place: a glyph's outline is a view into the file, never a copy.
import type { Font } from 'fontkit';

/** The parts of fontkit's font object this module reads that its typings do not declare. */
interface FontInternals {
  stream: { buffer: Uint8Array };
  directory: { tables: Record<string, { offset: number; length: number } | undefined> };
}

/**
 * The bytes of table `tag`, or undefined when the font has none: a plain Uint8Array view. Not a Buffer view,
 * because Buffer's slice() is another view where Uint8Array's is a copy, and the subset writers slice a table
 * to patch it: on a Buffer that patched the font itself, shared by every thread of a build.
 */
export function tableBytes(font: Font, tag: string): Uint8Array | undefined {
  const f = font as unknown as FontInternals;
  const t = f.directory.tables[tag];
  if (!t) return undefined;
  const b = f.stream.buffer;
  return new Uint8Array(b.buffer, b.byteOffset + t.offset, t.length);
}

const u16 = (d: Uint8Array, p: number): number => (d[p] << 8) | d[p + 1];
const u32 = (d: Uint8Array, p: number): number => ((d[p] << 24) | (d[p + 1] << 16) | (d[p + 2] << 8) | d[p + 3]) >>> 0;

/** A TrueType-outline font's glyphs and metrics, read once per process. */
export class GlyfFont {
  private readonly loca: Uint8Array;
  private readonly longLoca: boolean;
  private readonly glyf: Uint8Array;
  private readonly hmtx: Uint8Array;
  private readonly numberOfHMetrics: number;
  readonly numGlyphs: number;

  constructor(readonly font: Font) {
    const need = (tag: string): Uint8Array => {
      const t = tableBytes(font, tag);
      if (!t) throw new Error(`no ${tag} table`);
      return t;
    };
    const head = need('head');
    this.longLoca = u16(head, 50) === 1;
    this.loca = need('loca');
    this.glyf = need('glyf');
    this.hmtx = need('hmtx');
    this.numberOfHMetrics = u16(need('hhea'), 34);
    this.numGlyphs = u16(need('maxp'), 4);
  }

  /** The glyph's outline bytes as stored (empty for a glyph without contours). */
  outline(gid: number): Uint8Array {
    const at = (i: number): number => (this.longLoca ? u32(this.loca, i * 4) : u16(this.loca, i * 2) * 2);
    if (gid >= this.numGlyphs) return new Uint8Array(0);
    return this.glyf.subarray(at(gid), at(gid + 1));
  }

  /** Advance width and left side bearing in font units. */
  metrics(gid: number): [number, number] {
    return hmtxMetrics(this.hmtx, this.numberOfHMetrics, gid);
  }
}

/** A glyph's advance width and left side bearing from an hmtx table of `n` long metrics, as fontkit reads them. */
export function hmtxMetrics(hmtx: Uint8Array, n: number, gid: number): [number, number] {
  const advance = n > 0 ? u16(hmtx, 4 * Math.min(gid, n - 1)) : 0;
  const lsbAt = gid < n ? 4 * gid + 2 : 4 * n + 2 * (gid - n);
  const lsb = lsbAt + 1 < hmtx.length ? (u16(hmtx, lsbAt) << 16) >> 16 : 0;
  return [advance, lsb];
}

/** Offsets (within the glyph) of each component's glyph index in a composite glyph, with the index. */
export function componentRefs(outline: Uint8Array): { at: number; gid: number }[] {
  if (outline.length < 10 || ((u16(outline, 0) << 16) >> 16) >= 0) return [];
  const refs: { at: number; gid: number }[] = [];
  let p = 10;
  for (;;) {
    const flags = u16(outline, p);
    refs.push({ at: p + 2, gid: u16(outline, p + 2) });
    p += 4 + (flags & 0x0001 ? 4 : 2); // ARG_1_AND_2_ARE_WORDS
    if (flags & 0x0008) p += 2; // WE_HAVE_A_SCALE
    else if (flags & 0x0040) p += 4; // WE_HAVE_AN_X_AND_Y_SCALE
    else if (flags & 0x0080) p += 8; // WE_HAVE_A_TWO_BY_TWO
    if (!(flags & 0x0020)) break; // MORE_COMPONENTS
  }
  return refs;
}

function checksum(d: Uint8Array): number {
  let sum = 0;
  const whole = d.length & ~3;
  for (let p = 0; p < whole; p += 4) sum = (sum + u32(d, p)) >>> 0;
  if (whole < d.length) {
    let last = 0;
    for (let k = 0; k < 4; k++) last = (last << 8) | (d[whole + k] ?? 0);
    sum = (sum + (last >>> 0)) >>> 0;
  }
  return sum;
}

/**
 * An sfnt file of `tables` (tags sorted, 4-byte aligned, with table checksums). `parts`, when given, receives the
 * file as pieces that join to it: each table's own array (or, for a table in `pieces`, the arrays it was joined
 * from), and the bytes between (the directory, padding) as views of the file.
 */
export function writeSfnt(tables: Map<string, Uint8Array>, parts?: Uint8Array[], pieces?: ReadonlyMap<string, Uint8Array[]>): Uint8Array {
  const tags = [...tables.keys()].sort();
  const n = tags.length;
  let total = 12 + 16 * n;
  for (const t of tags) total += (tables.get(t)!.length + 3) & ~3;
  const out = new Uint8Array(total);
  const dv = new DataView(out.buffer);
  let es = 0;
  while (1 << (es + 1) <= n) es++;
  dv.setUint32(0, 0x00010000);
  dv.setUint16(4, n);
  dv.setUint16(6, 16 << es);
  dv.setUint16(8, es);
  dv.setUint16(10, n * 16 - (16 << es));
  let off = 12 + 16 * n;
  tags.forEach((tag, i) => {
    const data = tables.get(tag)!;
    const rec = 12 + 16 * i;
    for (let k = 0; k < 4; k++) out[rec + k] = tag.charCodeAt(k);
    dv.setUint32(rec + 4, checksum(data));
    dv.setUint32(rec + 8, off);
    dv.setUint32(rec + 12, data.length);
    out.set(data, off);
    off += (data.length + 3) & ~3;
  });
  if (parts) {
    let pos = 0;
    let at = 12 + 16 * n;
    for (const tag of tags) {
      const data = tables.get(tag)!;
      if (at > pos) parts.push(out.subarray(pos, at));
      parts.push(...(pieces?.get(tag) ?? [data]));
      pos = at + data.length;
      at += (data.length + 3) & ~3;
    }
    if (total > pos) parts.push(out.subarray(pos, total));
  }
  return out;
}
