// Open a font face, once per process: from its cache file when that is current (faceFile.ts), else by parsing the
// font file with fontkit, refusing files that are not whole fonts. fontkit parses lazily, so a truncated file would
// otherwise fail later, mid-layout, with a RangeError; checking the table directory against the file size catches
// that up front. Faces made or extended in this run are written to their cache files when the process exits.
import { closeSync, fstatSync, openSync, readSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import type * as fontkit from 'fontkit';
import { diag, GongwenError } from '../diagnostics.ts';
import { extractFace, LiveFace, safeName, StoredFace, type FontFace } from './face.ts';
import { faceKey, readFaceFile, writeFaceFile, type StoredFaceFile } from './faceFile.ts';
import { displayPath } from './paths.ts';

export interface OpenedFont {
  path: string;
  face: FontFace;
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

// fontkit is loaded only to parse a font file: a run whose faces are all cached never loads it.
let fontkitModule: typeof fontkit | undefined;
const loadFontkit = (): typeof fontkit => (fontkitModule ??= createRequire(import.meta.url)('fontkit') as typeof fontkit);

interface LiveFont {
  font: fontkit.Font;
  faces: string[];
}
const liveFonts = new Map<string, LiveFont>();

/** fontkit's parse of the face, checked. For a collection, `postscriptName` picks the face (else the first). */
function openLive(path: string, postscriptName?: string): LiveFont {
  const key = `${path}#${postscriptName ?? ''}`;
  const hit = liveFonts.get(key);
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
    parsed = loadFontkit().create(buf);
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
  const live = { font, faces };
  liveFonts.set(key, live);
  return live;
}

/** Faces to write to their cache files at exit: made from the font file this run, or given new glyphs. */
const unsaved = new Map<StoredFace, { path: string; face: string; key: string; file?: StoredFaceFile }>();

/**
 * Writes the faces this thread made or extended to their cache files: at exit, and after each job in a pool
 * worker (a worker is terminated, with no exit event). Tests call it too.
 */
export function saveFontCaches(): void {
  for (const [stored, { path, face, key, file }] of unsaved) {
    const glyphs = file ? file.allGlyphs() : new Map();
    for (const [gid, g] of stored.added) glyphs.set(gid, g);
    const boxes = new Map([...stored.data.boxes, ...stored.addedBoxes]);
    writeFaceFile(path, face, { key, data: stored.data, glyphs, boxes });
    stored.markSaved();
  }
  unsaved.clear();
}

function toSave(stored: StoredFace, entry: { path: string; face: string; key: string; file?: StoredFaceFile }): void {
  if (unsaved.size === 0) process.once('exit', saveFontCaches);
  unsaved.set(stored, entry);
}

/**
 * Open `path` (cached by path and face). For a collection, `postscriptName` picks the face;
 * without it, or if no face has that name, the first face is used.
 */
export function openFont(path: string, postscriptName?: string): OpenedFont {
  const face = postscriptName ?? '';
  const memo = `${path}#${face}`;
  const hit = cache.get(memo);
  if (hit) return hit;
  let key: string;
  try {
    key = faceKey(path, face, statSync(path));
  } catch {
    throw unreadable(path, '文件不存在或无权读取', 'the file is missing or not readable');
  }
  const live = () => openLive(path, postscriptName).font;
  const file = readFaceFile(path, face, key);
  let opened: OpenedFont;
  if (file) {
    const stored = new StoredFace(path, file, live, (f) => toSave(f, { path, face, key, file }));
    opened = { path, face: stored, faces: file.meta.faces };
  } else {
    const l = openLive(path, postscriptName);
    let data: ReturnType<typeof extractFace> | undefined;
    try {
      data = extractFace(l.font, l.faces);
    } catch {
      // WOFF, CFF2, an unusual CFF: fontkit serves it (LiveFace), as it did before the cache
    }
    if (data) {
      const stored = new StoredFace(path, { ...data, glyphs: () => new Map(), boxes: new Map() }, live, (f) => toSave(f, { path, face, key }));
      toSave(stored, { path, face, key });
      opened = { path, face: stored, faces: l.faces };
    } else {
      opened = { path, face: new LiveFace(path, l.font, l.faces), faces: l.faces };
    }
  }
  cache.set(memo, opened);
  return opened;
}
