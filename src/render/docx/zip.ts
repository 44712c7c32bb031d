// The zip, written here rather than by fflate's streaming Zip, which puts every entry's sizes and CRC in a data
// descriptor after its data (general-purpose flag bit 3). LibreOffice 24.8.2 and later refuse a package with a
// stored entry written that way, and Java's ZipInputStream cannot read one; so every local header here carries the
// sizes and CRC, and no entry has a data descriptor.
// Most parts are the same for every report of a profile (styles, theme, footers, settings, numbering, the seal):
// their deflated bytes and CRC are kept from the last report and reused when the part's content is unchanged, so a
// report deflates little more than its document.xml. Every entry is dated the given date.
import { deflateSync, strToU8 } from 'fflate';
import { crc32 } from './crc32.ts';

interface Packed {
  input: string | Uint8Array;
  data: Uint8Array;
  crc: number;
  size: number;
  method: 0 | 8;
}

/** Last packed bytes per part path. */
const cache = new Map<string, Packed>();

function pack(path: string, input: string | Uint8Array, store: boolean): Packed {
  const hit = cache.get(path);
  if (hit && hit.input === input && hit.method === (store ? 0 : 8)) return hit;
  const bytes = typeof input === 'string' ? strToU8(input) : input;
  const packed: Packed = {
    input,
    data: store ? bytes : deflateSync(bytes, { level: 6 }),
    crc: crc32(bytes),
    size: bytes.length,
    method: store ? 0 : 8,
  };
  cache.set(path, packed);
  return packed;
}

/** MS-DOS time and date words of a local time (the zip format keeps local time, two-second steps). */
function dosDateTime(d: Date): [time: number, date: number] {
  return [
    (d.getHours() << 11) | (d.getMinutes() << 5) | (d.getSeconds() >> 1),
    ((d.getFullYear() - 1980) << 9) | ((d.getMonth() + 1) << 5) | d.getDate(),
  ];
}

/** General-purpose flags: bit 11 when the name is not ASCII (it is UTF-8); bit 3 (data descriptor) is never set. */
const flags = (path: string): number => (/[^\x00-\x7f]/.test(path) ? 0x800 : 0);

/** Pictures are stored, not deflated: they are compressed already. */
export function zipFiles(files: Map<string, string | Uint8Array>, mtime: Date, stored: (path: string) => boolean): Uint8Array {
  const [time, date] = dosDateTime(mtime);
  const entries = [...files].map(([path, data]) => ({ name: strToU8(path), flags: flags(path), ...pack(path, data, stored(path)) }));
  const localSize = entries.reduce((n, e) => n + 30 + e.name.length + e.data.length, 0);
  const centralSize = entries.reduce((n, e) => n + 46 + e.name.length, 0);
  const out = new Uint8Array(localSize + centralSize + 22);
  const view = new DataView(out.buffer);
  let at = 0;
  const u16 = (v: number) => (view.setUint16(at, v, true), (at += 2));
  const u32 = (v: number) => (view.setUint32(at, v, true), (at += 4));
  const bytes = (b: Uint8Array) => (out.set(b, at), (at += b.length));
  /** The fields local and central headers share, from "version needed" to the extra field's length. */
  const common = (e: (typeof entries)[number]) => {
    u16(20);
    u16(e.flags);
    u16(e.method);
    u16(time);
    u16(date);
    u32(e.crc);
    u32(e.data.length);
    u32(e.size);
    u16(e.name.length);
    u16(0);
  };
  const offsets: number[] = [];
  for (const e of entries) {
    offsets.push(at);
    u32(0x04034b50);
    common(e);
    bytes(e.name);
    bytes(e.data);
  }
  for (const [i, e] of entries.entries()) {
    u32(0x02014b50);
    u16(20); // made by: MS-DOS attributes, version 2.0
    common(e);
    u16(0); // comment length
    u16(0); // disk number
    u16(0); // internal attributes
    u32(0); // external attributes
    u32(offsets[i]);
    bytes(e.name);
  }
  u32(0x06054b50);
  u16(0);
  u16(0);
  u16(entries.length);
  u16(entries.length);
  u32(centralSize);
  u32(localSize);
  u16(0);
  return out;
}
