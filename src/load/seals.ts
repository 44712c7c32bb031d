// Seal images (印章), read and checked once, where the report names them: one check for the PDF and the DOCX
// alike, so a file one writer would refuse is never embedded by the other, and the writers do no file I/O.
// Only whole PNG or JPEG images of a seal's size are accepted: a file's structure is walked and a PNG's pixel
// data inflated (bounded by its declared size), so a truncated file or a decompression bomb fails here, at the
// `seal:` line, instead of mid-render.
import { dirname, resolve } from 'node:path';
import { inflateSync } from 'node:zlib';
import { diag, type Diagnostic } from '../diagnostics.ts';
import { megabytes, readRegularFile } from '../readFile.ts';
import type { Organ } from '../schema/report.ts';
import type { DataPath, Position } from './positions.ts';

/** A seal image is a few hundred KB; past this it is the wrong file. */
export const MAX_SEAL_BYTES = 20 * 1024 * 1024;
/** A 42 mm seal scanned at 1,200 dpi is 2,000 pixels a side; twice that is more than any print needs. */
export const MAX_SEAL_SIDE = 4096;

export interface SealImage {
  path: string; // absolute
  data: Uint8Array;
  type: 'png' | 'jpg';
  width: number;
  height: number;
}

type Problem = { code: 'seal.format' } | { code: 'seal.tooManyPixels'; w: number; h: number };

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const PNG_CHANNELS: Record<number, number> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 };

function tooLarge(w: number, h: number): Problem | undefined {
  return w > MAX_SEAL_SIDE || h > MAX_SEAL_SIDE ? { code: 'seal.tooManyPixels', w, h } : undefined;
}

/** Walks the chunks of a PNG; its pixel data must inflate to exactly the size its header declares. */
function checkPng(b: Uint8Array): { width: number; height: number } | Problem {
  const v = new DataView(b.buffer, b.byteOffset, b.byteLength);
  let at = 8;
  let header: { width: number; height: number; depth: number; colour: number; interlace: number } | undefined;
  const idat: Uint8Array[] = [];
  let ended = false;
  while (at + 12 <= b.length) {
    const len = v.getUint32(at);
    const type = String.fromCharCode(b[at + 4], b[at + 5], b[at + 6], b[at + 7]);
    if (at + 12 + len > b.length) return { code: 'seal.format' };
    const data = b.subarray(at + 8, at + 8 + len);
    if (type === 'IHDR' && len === 13) {
      header = { width: v.getUint32(at + 8), height: v.getUint32(at + 12), depth: b[at + 16], colour: b[at + 17], interlace: b[at + 20] };
    } else if (type === 'IDAT') idat.push(data);
    else if (type === 'IEND') {
      ended = true;
      break;
    }
    at += 12 + len;
  }
  if (!header || !ended || idat.length === 0 || header.width === 0 || header.height === 0) return { code: 'seal.format' };
  const big = tooLarge(header.width, header.height);
  if (big) return big;
  const channels = PNG_CHANNELS[header.colour];
  if (!channels || ![1, 2, 4, 8, 16].includes(header.depth)) return { code: 'seal.format' };
  // Rows of (filter byte + packed pixels); interlaced images have more, shorter rows: bounded by twice as much.
  const rowBytes = Math.ceil((header.width * channels * header.depth) / 8);
  const expected = header.height * (1 + rowBytes);
  try {
    const pixels = inflateSync(Buffer.concat(idat), { maxOutputLength: header.interlace ? expected * 2 : expected });
    if (header.interlace ? pixels.length < expected : pixels.length !== expected) return { code: 'seal.format' };
  } catch {
    return { code: 'seal.format' }; // damaged, truncated, or larger than declared
  }
  return { width: header.width, height: header.height };
}

/** Walks a JPEG's markers to its frame header and its scan, and wants its end marker. */
function checkJpeg(b: Uint8Array): { width: number; height: number } | Problem {
  const v = new DataView(b.buffer, b.byteOffset, b.byteLength);
  let at = 2;
  let size: { width: number; height: number } | undefined;
  while (at + 4 <= b.length) {
    if (b[at] !== 0xff) return { code: 'seal.format' };
    const marker = b[at + 1];
    if (marker === 0xff) {
      at++; // fill byte
      continue;
    }
    const len = v.getUint16(at + 2);
    if (len < 2 || at + 2 + len > b.length) return { code: 'seal.format' };
    // SOF0..SOF15 except DHT (C4), JPG (C8) and DAC (CC) carry the frame size.
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc && len >= 7) {
      size = { height: v.getUint16(at + 5), width: v.getUint16(at + 7) };
    }
    if (marker === 0xda) break; // start of scan: entropy-coded data follows
    at += 2 + len;
  }
  let end = b.length;
  while (end > 2 && b[end - 1] === 0) end--; // some writers pad the file
  if (!size || size.width === 0 || size.height === 0 || at + 4 > b.length || b[end - 2] !== 0xff || b[end - 1] !== 0xd9) return { code: 'seal.format' };
  return tooLarge(size.width, size.height) ?? size;
}

/** Reads and checks one seal image; the diagnostic names the image (the caller adds where it is set). */
export function readSealImage(path: string): { ok: true; image: SealImage } | { ok: false; diagnostic: Diagnostic } {
  const fail = (diagnostic: Diagnostic) => ({ ok: false as const, diagnostic });
  const read = readRegularFile(path, MAX_SEAL_BYTES);
  if (!read.ok) {
    const p = read.problem;
    switch (p.kind) {
      case 'notFound': return fail(diag('seal.missing', { path }));
      case 'noPermission': return fail(diag('seal.noPermission', { path }));
      case 'symlinkLoop': return fail(diag('seal.symlinkLoop', { path }));
      case 'isDirectory': return fail(diag('seal.notAFile', { path, kind: '文件夹', kindEn: 'a folder' }));
      case 'notRegular': return fail(diag('seal.notAFile', { path, kind: p.what[0], kindEn: p.what[1] }));
      case 'tooLarge': return fail(diag('seal.tooLarge', { path, mb: megabytes(p.size), limitMb: MAX_SEAL_BYTES / 1024 / 1024 }));
      case 'unreadable': return fail(diag('seal.unreadable', { path, why: p.why }));
    }
  }
  const data = new Uint8Array(read.bytes);
  const isPng = PNG_SIGNATURE.every((x, i) => data[i] === x);
  const isJpeg = data[0] === 0xff && data[1] === 0xd8;
  const checked = isPng ? checkPng(data) : isJpeg ? checkJpeg(data) : ({ code: 'seal.format' } as const);
  if ('code' in checked) {
    return fail(checked.code === 'seal.format' ? diag('seal.format', { path }) : diag('seal.tooManyPixels', { path, w: checked.w, h: checked.h, max: MAX_SEAL_SIDE }));
  }
  return { ok: true, image: { path, data, type: isPng ? 'png' : 'jpg', ...checked } };
}

/** The seals a document of these organs will carry, by absolute path. */
export type Seals = ReadonlyMap<string, SealImage>;

/**
 * Reads the seal image of each organ that names one (paths relative to the YAML file's folder). Each failure is
 * reported at the organ's `seal:` key in the YAML, with the image path in the message.
 */
export function loadSeals(
  organs: readonly Organ[],
  yamlFile: string,
  lineOf: (path: DataPath) => Position,
  at: (k: number) => DataPath = (k) => ['issuingOrgans', k, 'seal'],
): { seals: Map<string, SealImage>; diagnostics: Diagnostic[] } {
  const seals = new Map<string, SealImage>();
  const diagnostics: Diagnostic[] = [];
  const baseDir = dirname(resolve(yamlFile));
  organs.forEach((o, k) => {
    if (!o.seal) return;
    const path = resolve(baseDir, o.seal);
    if (seals.has(path)) return;
    const r = readSealImage(path);
    if (r.ok) seals.set(path, r.image);
    else diagnostics.push({ ...r.diagnostic, file: yamlFile, ...lineOf(at(k)) });
  });
  return { seals, diagnostics };
}
