// Just enough of the Compact Font Format (Adobe TN 5176, Type 2 charstrings TN 5177) to cut a
// CID-keyed subset out of a CFF font fast: read the INDEX/DICT structures once per font, flatten
// (desubroutinize) a glyph's charstring once per process, and write a small CFF per document.
// fontkit's own subsetter re-encodes every structure through restructure and keeps each subr
// INDEX at full length, which made Noto's subsets 70 KB for twenty glyphs and cost most of the
// PDF's time.

export class CffUnsupported extends Error {}

/** An INDEX: `count` items, item i spans data[start(i), end(i)). */
export class CffIndex {
  private constructor(
    private readonly data: Uint8Array,
    private readonly offsets: number[], // absolute, count + 1 entries
    readonly end: number, // first byte after the INDEX
  ) {}

  static read(data: Uint8Array, pos: number): CffIndex {
    const count = (data[pos] << 8) | data[pos + 1];
    if (count === 0) return new CffIndex(data, [pos + 2], pos + 2);
    const offSize = data[pos + 2];
    if (offSize < 1 || offSize > 4) throw new CffUnsupported(`bad INDEX offSize ${offSize}`);
    const base = pos + 3 + (count + 1) * offSize - 1;
    const offsets: number[] = new Array(count + 1);
    let p = pos + 3;
    for (let i = 0; i <= count; i++) {
      let v = 0;
      for (let k = 0; k < offSize; k++) v = v * 256 + data[p++];
      offsets[i] = base + v;
    }
    return new CffIndex(data, offsets, offsets[count]);
  }

  get count(): number {
    return this.offsets.length - 1;
  }

  item(i: number): Uint8Array {
    return this.data.subarray(this.offsets[i], this.offsets[i + 1]);
  }
}

/** One DICT entry: the operator (escaped operators as 1200 + second byte), operand values and their raw bytes. */
export interface DictEntry {
  op: number;
  operands: number[];
  raw: Uint8Array; // the operand bytes only, for copying entries unchanged
}

export function readDict(bytes: Uint8Array): DictEntry[] {
  const entries: DictEntry[] = [];
  let operands: number[] = [];
  let start = 0;
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    if (b <= 21) {
      const raw = bytes.subarray(start, i);
      let op = b;
      if (b === 12) op = 1200 + bytes[++i];
      i++;
      entries.push({ op, operands, raw });
      operands = [];
      start = i;
    } else if (b === 28) {
      operands.push(((bytes[i + 1] << 24) | (bytes[i + 2] << 16)) >> 16);
      i += 3;
    } else if (b === 29) {
      operands.push((bytes[i + 1] << 24) | (bytes[i + 2] << 16) | (bytes[i + 3] << 8) | bytes[i + 4]);
      i += 5;
    } else if (b === 30) {
      // A real number: nibbles up to the 0xf terminator. Only copied, never needed as a value here.
      i++;
      while (i < bytes.length && (bytes[i] & 0x0f) !== 0x0f && (bytes[i] & 0xf0) !== 0xf0) i++;
      i++;
      operands.push(Number.NaN);
    } else if (b >= 32 && b <= 246) {
      operands.push(b - 139);
      i++;
    } else if (b >= 247 && b <= 250) {
      operands.push((b - 247) * 256 + bytes[i + 1] + 108);
      i += 2;
    } else if (b >= 251 && b <= 254) {
      operands.push(-(b - 251) * 256 - bytes[i + 1] - 108);
      i += 2;
    } else {
      throw new CffUnsupported(`bad DICT byte ${b}`);
    }
  }
  return entries;
}

const OP = {
  charset: 15,
  charStrings: 17,
  private: 18,
  subrs: 19,
  ros: 1230,
  fdArray: 1236,
  fdSelect: 1237,
} as const;

// Top DICT entries copied into the subset as they are: they hold no string IDs and no offsets.
const KEEP_TOP = new Set([5, 1201, 1202, 1203, 1204, 1205, 1206, 1207, 1208]); // FontBBox, isFixedPitch…StrokeWidth, FontMatrix
const KEEP_FD = new Set([1205, 1207]); // PaintType, FontMatrix

function bias(count: number): number {
  return count < 1240 ? 107 : count < 33900 ? 1131 : 32768;
}

interface FontDict {
  keep: DictEntry[]; // FD entries copied as they are
  privateEntries: DictEntry[]; // Private DICT without Subrs: the subset's charstrings call no subrs
  subrs: CffIndex | undefined;
}

/** A parsed CFF table: the parts a subset needs, read once per font. */
export class CffFont {
  readonly top: DictEntry[];
  readonly gsubrs: CffIndex;
  readonly charStrings: CffIndex;
  readonly fds: FontDict[];
  private readonly fdSelect: Uint8Array | undefined; // FD index per glyph; undefined: all in FD 0

  constructor(private readonly data: Uint8Array) {
    if (data[0] !== 1) throw new CffUnsupported(`CFF version ${data[0]}`);
    const names = CffIndex.read(data, data[2]);
    const tops = CffIndex.read(data, names.end);
    if (tops.count !== 1) throw new CffUnsupported('CFF with several fonts');
    const strings = CffIndex.read(data, tops.end);
    this.gsubrs = CffIndex.read(data, strings.end);
    this.top = readDict(tops.item(0));
    const at = (op: number): number[] | undefined => this.top.find((e) => e.op === op)?.operands;
    const cs = at(OP.charStrings);
    if (!cs) throw new CffUnsupported('no CharStrings');
    if (this.top.some((e) => e.op === 1206 && e.operands[0] !== 2)) throw new CffUnsupported('not Type 2 charstrings');
    this.charStrings = CffIndex.read(data, cs[0]);
    const fdArray = at(OP.fdArray);
    if (at(OP.ros) && fdArray) {
      const fdIndex = CffIndex.read(data, fdArray[0]);
      this.fds = [];
      for (let i = 0; i < fdIndex.count; i++) this.fds.push(this.fontDict(readDict(fdIndex.item(i)), KEEP_FD));
      const sel = at(OP.fdSelect);
      if (!sel) throw new CffUnsupported('CID font without FDSelect');
      this.fdSelect = this.readFdSelect(sel[0]);
    } else {
      // A name-keyed font becomes a CID font with one FD holding its Private DICT.
      this.fds = [this.fontDict(this.top, new Set())];
    }
  }

  get numGlyphs(): number {
    return this.charStrings.count;
  }

  fdOf(gid: number): number {
    return this.fdSelect ? this.fdSelect[gid] : 0;
  }

  private fontDict(dict: DictEntry[], keep: Set<number>): FontDict {
    const priv = dict.find((e) => e.op === OP.private)?.operands;
    let privateEntries: DictEntry[] = [];
    let subrs: CffIndex | undefined;
    if (priv && priv[0] > 0) {
      const [size, offset] = priv;
      const entries = readDict(this.data.subarray(offset, offset + size));
      const sub = entries.find((e) => e.op === OP.subrs)?.operands[0];
      if (sub !== undefined) subrs = CffIndex.read(this.data, offset + sub);
      privateEntries = entries.filter((e) => e.op !== OP.subrs);
    }
    return { keep: dict.filter((e) => keep.has(e.op)), privateEntries, subrs };
  }

  private readFdSelect(pos: number): Uint8Array {
    const d = this.data;
    const n = this.numGlyphs;
    const out = new Uint8Array(n);
    if (d[pos] === 0) {
      out.set(d.subarray(pos + 1, pos + 1 + n));
    } else if (d[pos] === 3) {
      const nRanges = (d[pos + 1] << 8) | d[pos + 2];
      let p = pos + 3;
      for (let r = 0; r < nRanges; r++) {
        const first = (d[p] << 8) | d[p + 1];
        const fd = d[p + 2];
        const next = (d[p + 3] << 8) | d[p + 4]; // the next range's first, or the sentinel
        out.fill(fd, first, Math.min(next, n));
        p += 3;
      }
    } else {
      throw new CffUnsupported(`FDSelect format ${d[pos]}`);
    }
    return out;
  }

  /**
   * The glyph's charstring with every subroutine call replaced by the subroutine's body, so a
   * subset needs no subr INDEX. With `stripHints`, stem hints and hint masks are left out too.
   */
  flatten(gid: number, stripHints = false): Uint8Array {
    const fd = this.fds[this.fdOf(gid)];
    const f = new Flattener(this.gsubrs, fd?.subrs, stripHints);
    f.run(this.charStrings.item(gid), 0);
    return f.result();
  }
}

/** Walks a Type 2 charstring, copying its bytes minus subr calls, counting stems for hint masks. */
class Flattener {
  private out: Uint8Array = new Uint8Array(512);
  private len = 0;
  private argPos: number[] = []; // output offset of each operand on the stack
  private lastValue = 0; // value of the last operand (the subr number, for a call)
  private stems = 0;
  private widthDone = false; // the first stack-clearing operator may carry the advance width
  private ended = false;
  private readonly gbias: number;
  private readonly lbias: number;

  constructor(
    private readonly gsubrs: CffIndex,
    private readonly lsubrs: CffIndex | undefined,
    private readonly stripHints: boolean,
  ) {
    this.gbias = bias(gsubrs.count);
    this.lbias = lsubrs ? bias(lsubrs.count) : 0;
  }

  result(): Uint8Array {
    return this.out.slice(0, this.len);
  }

  private emit(bytes: Uint8Array): void {
    if (this.len + bytes.length > this.out.length) {
      const bigger = new Uint8Array(Math.max(this.out.length * 2, this.len + bytes.length));
      bigger.set(this.out.subarray(0, this.len));
      this.out = bigger;
    }
    this.out.set(bytes, this.len);
    this.len += bytes.length;
  }

  run(cs: Uint8Array, depth: number): void {
    if (depth > 10) throw new CffUnsupported('subroutines nested too deep');
    let i = 0;
    while (i < cs.length && !this.ended) {
      const b = cs[i];
      if (b >= 32 || b === 28) {
        const n = b === 28 ? 3 : b <= 246 ? 1 : b === 255 ? 5 : 2;
        this.argPos.push(this.len);
        this.lastValue =
          b === 28 ? ((cs[i + 1] << 24) | (cs[i + 2] << 16)) >> 16
          : b <= 246 ? b - 139
          : b <= 250 ? (b - 247) * 256 + cs[i + 1] + 108
          : b <= 254 ? -(b - 251) * 256 - cs[i + 1] - 108
          : Number.NaN; // 16.16 fixed: never a subr number
        this.emit(cs.subarray(i, i + n));
        i += n;
        continue;
      }
      if (b === 10 || b === 29) {
        // callsubr / callgsubr: drop the subr number from the output, splice in the body.
        const pos = this.argPos.pop();
        if (pos === undefined || !Number.isInteger(this.lastValue)) throw new CffUnsupported('computed subr number');
        this.len = pos;
        const subrs = b === 10 ? this.lsubrs : this.gsubrs;
        const k = this.lastValue + (b === 10 ? this.lbias : this.gbias);
        if (!subrs || k < 0 || k >= subrs.count) throw new CffUnsupported(`subr ${k} out of range`);
        this.run(subrs.item(k), depth + 1);
        i++;
        continue;
      }
      if (b === 11) return; // return: back to the caller
      if (b === 12) {
        const op2 = cs[i + 1];
        if (op2 < 34 || op2 > 37) throw new CffUnsupported(`charstring operator 12 ${op2}`); // only flex is expected
        this.operator(cs.subarray(i, i + 2), false);
        i += 2;
        continue;
      }
      if (b === 1 || b === 3 || b === 18 || b === 23) {
        this.stems += this.argPos.length >> 1;
        this.operator(cs.subarray(i, i + 1), this.stripHints);
        i++;
        continue;
      }
      if (b === 19 || b === 20) {
        this.stems += this.argPos.length >> 1; // operands before a mask are an implicit vstem
        const n = 1 + ((this.stems + 7) >> 3);
        this.operator(cs.subarray(i, i + n), this.stripHints);
        i += n;
        continue;
      }
      this.operator(cs.subarray(i, i + 1), false);
      if (b === 14) this.ended = true; // endchar, possibly inside a subr
      i++;
    }
  }

  /** Emits a stack-clearing operator, or drops it with its operands (keeping a width operand). */
  private operator(bytes: Uint8Array, drop: boolean): void {
    const width = !this.widthDone && (this.argPos.length & 1) === 1;
    this.widthDone = true;
    if (drop) {
      if (width) {
        // The width stays on the stack for the next operator, which then carries it.
        this.len = this.argPos.length > 1 ? this.argPos[1] : this.len;
        this.argPos.length = 1;
        this.widthDone = false;
      } else {
        if (this.argPos.length > 0) this.len = this.argPos[0];
        this.argPos.length = 0;
      }
      return;
    }
    this.emit(bytes);
    this.argPos.length = 0;
  }
}

// ---- writing ----

class Bytes {
  buf: Uint8Array;
  len = 0;
  /** `size`: the bytes expected, when known, so the buffer is not grown (copied) on the way. */
  constructor(size = 256) {
    this.buf = new Uint8Array(size);
  }
  private room(n: number): void {
    if (this.len + n <= this.buf.length) return;
    const bigger = new Uint8Array(Math.max(this.buf.length * 2, this.len + n));
    bigger.set(this.buf.subarray(0, this.len));
    this.buf = bigger;
  }
  u8(v: number): void {
    this.room(1);
    this.buf[this.len++] = v;
  }
  u16(v: number): void {
    this.u8(v >> 8);
    this.u8(v & 0xff);
  }
  offset(v: number, size: number): void {
    for (let k = size - 1; k >= 0; k--) this.u8(Math.floor(v / 2 ** (8 * k)) & 0xff);
  }
  bytes(b: Uint8Array): void {
    this.room(b.length);
    this.buf.set(b, this.len);
    this.len += b.length;
  }
  done(): Uint8Array {
    return this.buf.subarray(0, this.len);
  }
}

function indexSize(items: Uint8Array[]): number {
  if (items.length === 0) return 2;
  const data = items.reduce((s, it) => s + it.length, 0);
  return 3 + (items.length + 1) * offSizeFor(data + 1) + data;
}

function offSizeFor(maxOffset: number): number {
  return maxOffset < 0x100 ? 1 : maxOffset < 0x10000 ? 2 : maxOffset < 0x1000000 ? 3 : 4;
}

function writeIndex(w: Bytes, items: Uint8Array[]): void {
  w.u16(items.length);
  if (items.length === 0) return;
  const data = items.reduce((s, it) => s + it.length, 0);
  const size = offSizeFor(data + 1);
  w.u8(size);
  let off = 1;
  w.offset(off, size);
  for (const it of items) {
    off += it.length;
    w.offset(off, size);
  }
  for (const it of items) w.bytes(it);
}

/** DICT integer operand: the shortest encoding, or always 5 bytes for offsets so sizes are known before they are. */
function dictInt(w: Bytes, v: number, fixed5 = false): void {
  if (!fixed5 && v >= -107 && v <= 107) w.u8(v + 139);
  else if (!fixed5 && v >= 108 && v <= 1131) {
    w.u8(((v - 108) >> 8) + 247);
    w.u8((v - 108) & 0xff);
  } else if (!fixed5 && v >= -1131 && v <= -108) {
    w.u8(((-v - 108) >> 8) + 251);
    w.u8((-v - 108) & 0xff);
  } else if (!fixed5 && v >= -32768 && v <= 32767) {
    w.u8(28);
    w.u16(v & 0xffff);
  } else {
    w.u8(29);
    w.offset(v >>> 0, 4);
  }
}

function dictOp(w: Bytes, op: number): void {
  if (op >= 1200) {
    w.u8(12);
    w.u8(op - 1200);
  } else w.u8(op);
}

function copyEntries(w: Bytes, entries: RawDictEntry[]): void {
  for (const e of entries) {
    w.bytes(e.raw);
    dictOp(w, e.op);
  }
}

const STD_STRINGS = 391; // SIDs below this are the standard strings

export interface SubsetGlyph {
  charString: Uint8Array; // flattened
  fd: number; // font DICT index in the source font
}

/** A DICT entry as the subset writer copies it: operator and operand bytes. */
export type RawDictEntry = Pick<DictEntry, 'op' | 'raw'>;

/** The DICTs of a CFF font a subset copies from: its Top DICT and, per font DICT, the kept entries and its Private DICT. */
export interface CffDicts {
  top: RawDictEntry[];
  fds: { keep: RawDictEntry[]; privateEntries: RawDictEntry[] }[];
}

/**
 * A CID-keyed CFF holding `glyphs` in order (CID = GID = position; glyph 0 is .notdef), with
 * the font DICTs they use and no subroutines. `parts`, when given, receives the program as pieces that
 * join to it: the bytes before the glyphs' outlines, each outline (the glyph's own array), the bytes after.
 */
export function writeCidCff(font: CffDicts, name: string, glyphs: SubsetGlyph[], parts?: Uint8Array[]): Uint8Array {
  // Font DICTs actually used, in order of first use.
  const fdMap = new Map<number, number>();
  for (const g of glyphs) if (!fdMap.has(g.fd)) fdMap.set(g.fd, fdMap.size);
  const usedFds = [...fdMap.keys()].map((i) => font.fds[i]);

  const nameBytes = new TextEncoder().encode(name);
  const strings = [new TextEncoder().encode('Adobe'), new TextEncoder().encode('Identity')];
  const charStrings = glyphs.map((g) => g.charString);
  const n = glyphs.length;

  // Top DICT with 5-byte offsets, so its size does not depend on the offsets it holds.
  const topKeep = font.top.filter((e) => KEEP_TOP.has(e.op));
  const topDict = (charset: number, fdSelect: number, charStr: number, fdArray: number): Uint8Array => {
    const w = new Bytes();
    dictInt(w, STD_STRINGS);
    dictInt(w, STD_STRINGS + 1);
    dictInt(w, 0);
    dictOp(w, OP.ros); // ROS must come first in a CID font's Top DICT
    copyEntries(w, topKeep);
    dictInt(w, n);
    dictOp(w, 1234); // CIDCount
    dictInt(w, charset, true);
    dictOp(w, OP.charset);
    dictInt(w, fdSelect, true);
    dictOp(w, OP.fdSelect);
    dictInt(w, charStr, true);
    dictOp(w, OP.charStrings);
    dictInt(w, fdArray, true);
    dictOp(w, OP.fdArray);
    return w.done().slice();
  };

  // charset: GID i is CID i. Format 2, one range covering CIDs 1…n-1.
  const charset = new Bytes();
  charset.u8(2);
  if (n > 1) {
    charset.u16(1);
    charset.u16(n - 2);
  }
  // FDSelect format 3: runs of glyphs sharing a font DICT.
  const ranges: [number, number][] = [];
  glyphs.forEach((g, gid) => {
    const fd = fdMap.get(g.fd) ?? 0;
    if (ranges.length === 0 || ranges[ranges.length - 1][1] !== fd) ranges.push([gid, fd]);
  });
  const fdSelect = new Bytes();
  fdSelect.u8(3);
  fdSelect.u16(ranges.length);
  for (const [first, fd] of ranges) {
    fdSelect.u16(first);
    fdSelect.u8(fd);
  }
  fdSelect.u16(n);

  const privates = usedFds.map((fd) => {
    const w = new Bytes();
    copyEntries(w, fd.privateEntries);
    return w.done().slice();
  });
  const fdDict = (fdIdx: number, privOffset: number): Uint8Array => {
    const w = new Bytes();
    copyEntries(w, usedFds[fdIdx].keep);
    dictInt(w, privates[fdIdx].length, true);
    dictInt(w, privOffset, true);
    dictOp(w, OP.private);
    return w.done().slice();
  };

  const headerSize = 4;
  const nameIdx = indexSize([nameBytes]);
  const topSize = topDict(0, 0, 0, 0).length;
  const topIdx = indexSize([new Uint8Array(topSize)]);
  const strIdx = indexSize(strings);
  const gsubrIdx = indexSize([]);
  const charsetAt = headerSize + nameIdx + topIdx + strIdx + gsubrIdx;
  const fdSelectAt = charsetAt + charset.len;
  const charStringsAt = fdSelectAt + fdSelect.len;
  const fdArrayAt = charStringsAt + indexSize(charStrings);
  const fdDictSizes = usedFds.map((_, i) => fdDict(i, 0).length);
  const fdArraySize = indexSize(fdDictSizes.map((s) => new Uint8Array(s)));
  const privateAt: number[] = [];
  let p = fdArrayAt + fdArraySize;
  for (const priv of privates) {
    privateAt.push(p);
    p += priv.length;
  }

  const w = new Bytes(p);
  w.u8(1);
  w.u8(0);
  w.u8(headerSize);
  w.u8(4);
  writeIndex(w, [nameBytes]);
  writeIndex(w, [topDict(charsetAt, fdSelectAt, charStringsAt, fdArrayAt)]);
  writeIndex(w, strings);
  writeIndex(w, []);
  w.bytes(charset.done());
  w.bytes(fdSelect.done());
  writeIndex(w, charStrings);
  const outlinesEnd = w.len;
  writeIndex(w, usedFds.map((_, i) => fdDict(i, privateAt[i])));
  for (const priv of privates) w.bytes(priv);
  if (w.len !== p) throw new Error(`CFF subset size mismatch: ${w.len} ≠ ${p}`);
  const out = w.done();
  if (parts) {
    const outlinesAt = outlinesEnd - charStrings.reduce((s, c) => s + c.length, 0);
    parts.push(out.subarray(0, outlinesAt), ...charStrings, out.subarray(outlinesEnd));
  }
  return out;
}
