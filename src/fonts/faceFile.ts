// The on-disk cache of a StoredFace (face.ts): one file per font face under the tool's cache folder, named by the
// font's path and face, stamped with the font file's identity (path, size, times, inode) and the code that prepared
// it. Layout: "GWF1", the header's length (u32), the header (JSON: metrics, DICTs, where each section is), then the
// body: the cmap and hmtx, the tables a TrueType subset copies, and each prepared glyph. The header and the arrays
// are read when the face is opened; a glyph's bytes only when a document uses it, so a run reads what it needs.
// A file that is missing, unreadable, stale or damaged in any way is ignored (the face is made from the font file
// again), and a file is only ever replaced whole: written beside it and renamed over it.
import { closeSync, existsSync, fstatSync, openSync, readFileSync, readSync, readdirSync, rmSync } from 'node:fs';
import { endianness } from 'node:os';
import { dirname, join } from 'node:path';
import { cacheDir, sweepIfTemporary, writeCacheFile } from '../cacheDir.ts';
import { TOOL_ROOT } from '../toolRoot.ts';
import type { RawDictEntry } from '../render/pdf/cff.ts';
import type { Box, FaceData, FaceMeta, Outlines, StoredGlyph } from './face.ts';

const MAGIC = 'GWF1';
/** Bump when the layout below changes. */
const FORMAT = 1;

type Span = [offset: number, length: number];
type HexEntry = [op: number, raw: string];

interface Header {
  key: string;
  meta: FaceMeta;
  kind: Outlines['kind'];
  dicts?: { top: HexEntry[]; fds: { keep: HexEntry[]; priv: HexEntry[] }[] };
  tables?: Record<string, Span>;
  cps: Span;
  gids: Span;
  hmtx: Span;
  numberOfHMetrics: number;
  /** The eagerly read part of the body: [0, eager). */
  eager: number;
  glyphs: Record<string, [offset: number, length: number, fd: number]>;
  boxes: Record<string, (number | string)[]>;
}

/**
 * What the prepared data depend on besides the font: this format, the byte order of the typed arrays, and the
 * code that prepares glyphs (a flattened charstring is our cff.ts's output). The command names its renderer by
 * a hash of its sources (bin/bundle.js); run from src/ (tests), the preparing modules' sources are hashed here.
 */
let codeKey: string | undefined;
function code(): string {
  if (codeKey !== undefined) return codeKey;
  const named = process.env.GONGWEN_RENDERER_HASH;
  if (named) return (codeKey = named);
  let h = 0x811c9dc5;
  try {
    for (const f of ['src/render/pdf/cff.ts', 'src/render/pdf/sfnt.ts', 'src/fonts/face.ts', 'src/fonts/faceFile.ts']) {
      for (const c of readFileSync(join(TOOL_ROOT, f), 'utf8')) h = Math.imul(h ^ (c.codePointAt(0) ?? 0), 0x01000193) >>> 0;
    }
    return (codeKey = `src-${h.toString(16)}`);
  } catch {
    return (codeKey = `unknown-${process.pid}`); // nothing to name the code by: never trust a file
  }
}

/** The stamp a face's cache file must carry to be used. */
export function faceKey(path: string, face: string, st: { size: number; mtimeMs: number; ctimeMs: number; ino: number }): string {
  return JSON.stringify([FORMAT, endianness(), code(), path, face, st.size, st.mtimeMs, st.ctimeMs, st.ino]);
}

function fileFor(path: string, face: string): string {
  let h = 0x811c9dc5;
  for (const c of `${path}\0${face}`) h = Math.imul(h ^ (c.codePointAt(0) ?? 0), 0x01000193) >>> 0;
  return join(cacheDir(), 'fonts', `${h.toString(16).padStart(8, '0')}.face`);
}

const hex = (e: RawDictEntry): HexEntry => [e.op, Buffer.from(e.raw).toString('hex')];
const unhex = ([op, raw]: HexEntry): RawDictEntry => ({ op, raw: new Uint8Array(Buffer.from(raw, 'hex')) });
const boxOut = (b: Box): (number | string)[] => [b.minX, b.minY, b.maxX, b.maxY].map((v) => (Number.isFinite(v) ? v : String(v)));
const boxIn = (a: (number | string)[]): Box => {
  const [minX, minY, maxX, maxY] = a.map(Number);
  return { minX, minY, maxX, maxY };
};

function readAt(fd: number, length: number, position: number): Buffer {
  const buf = Buffer.alloc(length);
  for (let at = 0; at < length; ) {
    const n = readSync(fd, buf, at, length - at, position + at);
    if (n === 0) throw new Error('short read');
    at += n;
  }
  return buf;
}

export interface StoredFaceFile extends FaceData {
  glyphIds(): number[];
  /** Every glyph the file holds, read now. */
  allGlyphs(): Map<number, StoredGlyph>;
  close(): void;
}

/** The stored data of a face, when its cache file is present, intact and stamped `key`; otherwise undefined. */
export function readFaceFile(path: string, face: string, key: string): StoredFaceFile | undefined {
  let fd: number | undefined;
  try {
    fd = openSync(fileFor(path, face), 'r');
    const size = fstatSync(fd).size;
    const head = readAt(fd, Math.min(size, 1 << 16), 0);
    if (head.toString('latin1', 0, 4) !== MAGIC) throw new Error('not a face file');
    const n = head.readUInt32LE(4);
    const headerBytes = n + 8 <= head.length ? head.subarray(8, 8 + n) : readAt(fd, n, 8);
    const h = JSON.parse(headerBytes.toString('utf8')) as Header;
    if (h.key !== key) throw new Error('stale');
    const bodyAt = 8 + n;
    const eager = readAt(fd, h.eager, bodyAt);
    // Copies, so that typed arrays over them start aligned.
    const span = ([off, len]: Span): Uint8Array => {
      if (off < 0 || off + len > eager.length) throw new Error('bad span');
      return new Uint8Array(eager.buffer.slice(eager.byteOffset + off, eager.byteOffset + off + len));
    };
    const cps = new Uint32Array(span([h.cps[0], h.cps[1] * 4]).buffer);
    const gids = new Uint16Array(span([h.gids[0], h.gids[1] * 2]).buffer);
    let outlines: Outlines;
    if (h.kind === 'cff' && h.dicts) {
      outlines = { kind: 'cff', dicts: { top: h.dicts.top.map(unhex), fds: h.dicts.fds.map((d) => ({ keep: d.keep.map(unhex), privateEntries: d.priv.map(unhex) })) } };
    } else if (h.kind === 'glyf' && h.tables) {
      outlines = { kind: 'glyf', tables: new Map(Object.entries(h.tables).map(([tag, s]) => [tag, span(s)])) };
    } else {
      throw new Error('bad outlines');
    }
    for (const [, [off, len]] of Object.entries(h.glyphs)) if (off < h.eager || bodyAt + off + len > size) throw new Error('bad glyph span');
    const boxes = new Map(Object.entries(h.boxes).map(([gid, b]) => [Number(gid), boxIn(b)]));
    const file = fd;
    fd = undefined; // kept open for the glyphs: a file renamed over it later leaves this one readable
    return {
      meta: h.meta,
      outlines,
      cps,
      gids,
      hmtx: span(h.hmtx),
      numberOfHMetrics: h.numberOfHMetrics,
      boxes,
      glyphs(gids) {
        // Glyphs lie in the file in glyph order: neighbours (less than a page apart) are read in one call.
        const found = gids.filter((gid) => h.glyphs[gid]).sort((a, b) => h.glyphs[a][0] - h.glyphs[b][0]);
        const out = new Map<number, StoredGlyph>();
        for (let i = 0; i < found.length; ) {
          const start = h.glyphs[found[i]][0];
          let j = i + 1;
          let end = start + h.glyphs[found[i]][1];
          while (j < found.length && h.glyphs[found[j]][0] - end < 4096) end = Math.max(end, h.glyphs[found[j]][0] + h.glyphs[found[j++]][1]);
          const chunk = readAt(file, end - start, bodyAt + start);
          for (; i < j; i++) {
            const [off, len, fdIndex] = h.glyphs[found[i]];
            out.set(found[i], { bytes: new Uint8Array(chunk.buffer, chunk.byteOffset + off - start, len), fd: fdIndex });
          }
        }
        return out;
      },
      glyphIds: () => Object.keys(h.glyphs).map(Number),
      allGlyphs() {
        return this.glyphs(this.glyphIds());
      },
      close: () => closeSync(file),
    };
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** Everything a face's file holds. */
export interface FaceRecord {
  key: string;
  data: Omit<FaceData, 'glyphs' | 'boxes'>;
  glyphs: Map<number, StoredGlyph>;
  boxes: Map<number, Box>;
}

/**
 * Writes the face's file: what `record` holds plus whatever the file on disk (another process's work, same
 * stamp) holds that it lacks. Never throws: a cache that cannot be written only makes the next run slower.
 */
export function writeFaceFile(path: string, face: string, record: FaceRecord): void {
  try {
    const glyphs = new Map(record.glyphs);
    const boxes = new Map(record.boxes);
    const disk = readFaceFile(path, face, record.key);
    if (disk) {
      try {
        for (const [gid, g] of disk.glyphs(disk.glyphIds().filter((gid) => !glyphs.has(gid)))) glyphs.set(gid, g);
        for (const [gid, b] of disk.boxes) if (!boxes.has(gid)) boxes.set(gid, b);
      } finally {
        disk.close();
      }
    }
    const { data } = record;
    const parts: Uint8Array[] = [];
    let at = 0;
    const put = (bytes: Uint8Array): Span => {
      const s: Span = [at, bytes.length];
      parts.push(bytes);
      at += bytes.length;
      return s;
    };
    const bytesOf = (a: Uint32Array | Uint16Array): Uint8Array => new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
    const cps: Span = [put(bytesOf(data.cps))[0], data.cps.length];
    const gids: Span = [put(bytesOf(data.gids))[0], data.gids.length];
    const hmtx = put(data.hmtx);
    const h: Header = {
      key: record.key,
      meta: data.meta,
      kind: data.outlines.kind,
      cps,
      gids,
      hmtx,
      numberOfHMetrics: data.numberOfHMetrics,
      eager: 0,
      glyphs: {},
      boxes: {},
    };
    if (data.outlines.kind === 'cff') {
      const d = data.outlines.dicts;
      h.dicts = { top: d.top.map(hex), fds: d.fds.map((f) => ({ keep: f.keep.map(hex), priv: f.privateEntries.map(hex) })) };
    } else {
      h.tables = Object.fromEntries([...data.outlines.tables].map(([tag, t]) => [tag, put(t)]));
    }
    h.eager = at;
    for (const [gid, g] of [...glyphs].sort((a, b) => a[0] - b[0])) h.glyphs[gid] = [...put(g.bytes), g.fd];
    for (const [gid, b] of boxes) h.boxes[gid] = boxOut(b);
    const header = Buffer.from(JSON.stringify(h));
    const lead = Buffer.alloc(8);
    lead.write(MAGIC, 0, 'latin1');
    lead.writeUInt32LE(header.length, 4);
    const target = fileFor(path, face);
    writeCacheFile(target, [lead, header, ...parts]);
    sweepFaceFiles(target);
  } catch {
    // read-only or full: the next run prepares the glyphs again
  }
}

/**
 * Keeps the fonts' cache folder bounded: a face's file is named by the font's path and face, so it is rewritten in
 * place when the font changes, but one whose font file is gone (a user's font removed, a test's temporary font)
 * would stay for ever. Run after each save (rare: only when a run prepared glyphs the cache lacked), it removes those
 * and abandoned temporary files. Any file it cannot read as a face file of ours is left alone.
 */
function sweepFaceFiles(keep: string): void {
  const dir = dirname(keep);
  for (const name of readdirSync(dir)) {
    const file = join(dir, name);
    if (file === keep) continue;
    try {
      if (sweepIfTemporary(file)) continue;
      if (name.endsWith('.face') && !existsSync(fontOf(file) ?? file)) {
        rmSync(file, { force: true });
      }
    } catch {
      // removed by another process meanwhile
    }
  }
}

/** The font file a face file was made from (its stamp's path), or undefined if it is not a readable face file. */
function fontOf(file: string): string | undefined {
  const fd = openSync(file, 'r');
  try {
    const lead = readAt(fd, 8, 0);
    if (lead.toString('latin1', 0, 4) !== MAGIC) return undefined;
    const key: unknown = JSON.parse((JSON.parse(readAt(fd, lead.readUInt32LE(4), 8).toString('utf8')) as Header).key);
    return Array.isArray(key) && typeof key[3] === 'string' ? key[3] : undefined;
  } catch {
    return undefined;
  } finally {
    closeSync(fd);
  }
}
