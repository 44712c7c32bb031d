// A one-pixel PNG of a solid colour: the bars of a chart are this image stretched to length.
import { zlibSync } from 'fflate';
import { crc32 } from './crc32.ts';

function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  for (let i = 0; i < 4; i++) out[4 + i] = type.charCodeAt(i);
  out.set(data, 8);
  view.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)));
  return out;
}

const cache = new Map<string, Uint8Array>();

export function solidPng(hex: string): Uint8Array {
  const hit = cache.get(hex);
  if (hit) return hit;
  const v = parseInt(hex.replace('#', ''), 16);
  const ihdr = new Uint8Array(13);
  const dv = new DataView(ihdr.buffer);
  dv.setUint32(0, 1);
  dv.setUint32(4, 1);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // truecolour
  const raw = new Uint8Array([0, (v >> 16) & 255, (v >> 8) & 255, v & 255]);
  const parts = [new Uint8Array([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', ihdr), chunk('IDAT', zlibSync(raw)), chunk('IEND', new Uint8Array())];
  const png = new Uint8Array(parts.reduce((s, p) => s + p.length, 0));
  let o = 0;
  for (const p of parts) {
    png.set(p, o);
    o += p.length;
  }
  cache.set(hex, png);
  return png;
}
