// Parse a font file with fontkit, once per process, and refuse files that are not whole fonts.
// fontkit parses lazily, so a truncated file would otherwise fail later, mid-layout, with a
// RangeError; checking the table directory against the file size catches that up front.
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import * as fontkit from 'fontkit';
import { diag, GongwenError } from '../diagnostics.ts';
import { displayPath } from './paths.ts';

export interface OpenedFont {
  path: string;
  font: fontkit.Font;
  /** PostScript names of every face, for a collection (.ttc); one entry otherwise. */
  faces: string[];
}

const cache = new Map<string, OpenedFont>();

// Font bytes live in shared memory: a build's main thread hands them to its workers (sharedFontBytes,
// adoptFontBytes), so however many threads render, the process holds one copy of each font file.
const bytesByPath = new Map<string, Buffer>();

function readShared(path: string): Buffer {
  const fd = openSync(path, 'r');
  try {
    const size = fstatSync(fd).size;
    const buf = Buffer.from(new SharedArrayBuffer(size));
    for (let at = 0; at < size; ) {
      const n = readSync(fd, buf, at, size - at, at);
      if (n === 0) throw new Error('short read');
      at += n;
    }
    return buf;
  } finally {
    closeSync(fd);
  }
}

export interface SharedFontBytes {
  path: string;
  bytes: SharedArrayBuffer;
}

/** The bytes of every font file this thread has read, to pass to worker threads. */
export function sharedFontBytes(): SharedFontBytes[] {
  return [...bytesByPath].flatMap(([path, b]) => (b.buffer instanceof SharedArrayBuffer ? [{ path, bytes: b.buffer }] : []));
}

/** In a worker: use the main thread's copies of these files instead of reading them again. */
export function adoptFontBytes(list: SharedFontBytes[]): void {
  for (const { path, bytes } of list) if (!bytesByPath.has(path)) bytesByPath.set(path, Buffer.from(bytes));
}

function unreadable(path: string, zh: string, en: string): GongwenError {
  const shown = displayPath(path);
  return new GongwenError(
    diag('font.unreadable', { path: shown, why: [zh, en] }, { file: path }),
  );
}

interface TableRecord {
  offset: number;
  length: number;
}
function tableRecords(font: fontkit.Font): TableRecord[] {
  // fontkit keeps the sfnt table directory on the font object; it is not in its type declarations.
  const dir: unknown = Reflect.get(font, 'directory');
  if (typeof dir !== 'object' || dir === null) return [];
  const tables: unknown = Reflect.get(dir, 'tables');
  if (typeof tables !== 'object' || tables === null) return [];
  return Object.values(tables).filter(
    (t): t is TableRecord => typeof t === 'object' && t !== null && typeof t.offset === 'number' && typeof t.length === 'number',
  );
}

function isCollection(x: fontkit.Font | fontkit.FontCollection): x is fontkit.FontCollection {
  return 'fonts' in x && Array.isArray(x.fonts);
}

function checkFace(path: string, font: fontkit.Font, size: number): void {
  for (const t of tableRecords(font)) {
    if (t.offset + t.length > size) throw unreadable(path, '文件不完整（已截断）', 'the file is truncated');
  }
  try {
    // Touch the tables layout needs so a damaged one fails here, not mid-document.
    if (!(font.unitsPerEm > 0)) throw new Error('unitsPerEm');
    void font.postscriptName;
    void font.hhea.ascent;
    const g = font.glyphForCodePoint(0x4e00); // 一, or .notdef in a Latin font
    void g.advanceWidth;
  } catch {
    throw unreadable(path, '字体表损坏', 'a font table is damaged');
  }
}

/**
 * Open `path` (cached by path and face). For a collection, `postscriptName` picks the face;
 * without it, or if no face has that name, the first face is used.
 */
export function openFont(path: string, postscriptName?: string): OpenedFont {
  const key = `${path}#${postscriptName ?? ''}`;
  const hit = cache.get(key);
  if (hit) return hit;
  let buf = bytesByPath.get(path);
  if (!buf) {
    try {
      buf = readShared(path);
    } catch {
      throw unreadable(path, '文件不存在或无权读取', 'the file is missing or not readable');
    }
  }
  let parsed: fontkit.Font | fontkit.FontCollection;
  try {
    parsed = fontkit.create(buf);
  } catch {
    throw unreadable(path, '不是 TrueType/OpenType 字体', 'not a TrueType/OpenType font');
  }
  let font: fontkit.Font;
  let faces: string[];
  if (isCollection(parsed)) {
    if (parsed.fonts.length === 0) throw unreadable(path, '字体集合为空', 'the collection has no fonts');
    faces = parsed.fonts.map((f) => safeName(f));
    font = parsed.fonts.find((f) => safeName(f) === postscriptName) ?? parsed.fonts[0];
  } else {
    font = parsed;
    faces = [safeName(font)];
  }
  checkFace(path, font, buf.length);
  bytesByPath.set(path, buf);
  const opened = { path, font, faces };
  cache.set(key, opened);
  return opened;
}

function safeName(f: fontkit.Font): string {
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
