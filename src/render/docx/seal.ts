// The user's seal image (印章): read, typed and sized from its own pixel dimensions.
import { diag, GongwenError } from '../../diagnostics.ts';
import { readSealFile } from '../sealFile.ts';

export interface SealImage {
  data: Uint8Array;
  type: 'png' | 'jpg' | 'gif' | 'bmp';
  aspect: number; // height / width
}

function pngSize(b: Uint8Array): [number, number] | undefined {
  const v = new DataView(b.buffer, b.byteOffset, b.byteLength);
  return b.length > 24 ? [v.getUint32(16), v.getUint32(20)] : undefined;
}

function jpgSize(b: Uint8Array): [number, number] | undefined {
  const v = new DataView(b.buffer, b.byteOffset, b.byteLength);
  let i = 2;
  while (i + 9 < b.length) {
    if (b[i] !== 0xff) return undefined;
    const marker = b[i + 1];
    const len = v.getUint16(i + 2);
    // SOF0..SOF15 except DHT (C4), JPG (C8) and DAC (CC) carry the frame size.
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) return [v.getUint16(i + 7), v.getUint16(i + 5)];
    i += 2 + len;
  }
  return undefined;
}

export function readSeal(path: string): SealImage {
  const data = readSealFile(path);
  let type: SealImage['type'] | undefined;
  let size: [number, number] | undefined;
  if (data[0] === 0x89 && data[1] === 0x50) [type, size] = ['png', pngSize(data)];
  else if (data[0] === 0xff && data[1] === 0xd8) [type, size] = ['jpg', jpgSize(data)];
  else if (data[0] === 0x47 && data[1] === 0x49) [type, size] = ['gif', [data[6] | (data[7] << 8), data[8] | (data[9] << 8)]];
  if (!type || !size || size[0] === 0) {
    throw new GongwenError(
      diag('seal.format', { path }, { file: path }),
    );
  }
  return { data, type, aspect: size[1] / size[0] };
}
