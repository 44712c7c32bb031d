// The zip, written once with fflate. Most parts are the same for every report of a profile (styles, theme, footers,
// settings, numbering, the seal): their deflated bytes are kept from the last report and reused when the part's
// text is unchanged, so a report deflates little more than its document.xml. Every entry is dated the given date.
import { deflateSync, strToU8, Zip, ZipPassThrough } from 'fflate';

interface Deflated {
  input: string | Uint8Array;
  output: Uint8Array<ArrayBuffer>;
}

/** The same bytes typed as backed by an ArrayBuffer, as the zip stream takes them (copied only if shared memory). */
function own(b: Uint8Array): Uint8Array<ArrayBuffer> {
  const buffer = b.buffer;
  return buffer instanceof ArrayBuffer ? new Uint8Array(buffer, b.byteOffset, b.byteLength) : new Uint8Array(b);
}

/** Last deflated bytes per part path. */
const cache = new Map<string, Deflated>();

function deflated(path: string, input: string | Uint8Array, bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  const hit = cache.get(path);
  if (hit && hit.input === input) return hit.output;
  const output = deflateSync(bytes, { level: 6 });
  cache.set(path, { input, output });
  return output;
}

/**
 * A zip entry whose data is deflated ahead (or stored): ZipPassThrough counts the size and CRC of what is pushed
 * and passes on what process() gives, here the deflated bytes.
 */
class Entry extends ZipPassThrough {
  constructor(
    filename: string,
    private readonly out: Uint8Array<ArrayBuffer>,
    deflate: boolean,
    mtime: Date,
  ) {
    super(filename);
    this.mtime = mtime;
    if (deflate) this.compression = 8;
  }

  process(_chunk: Uint8Array, final: boolean): void {
    this.ondata(null, final ? this.out : new Uint8Array(0), final);
  }
}

/** Pictures are stored, not deflated: they are compressed already. */
export function zipFiles(files: Map<string, string | Uint8Array>, mtime: Date, stored: (path: string) => boolean): Uint8Array {
  const chunks: Uint8Array[] = [];
  let failure: Error | null = null;
  const zip = new Zip((err, chunk) => {
    if (err) failure = err;
    else chunks.push(chunk);
  });
  for (const [path, data] of files) {
    const bytes = typeof data === 'string' ? strToU8(data) : data;
    const store = stored(path);
    const entry = new Entry(path, store ? own(bytes) : deflated(path, data, bytes), !store, mtime);
    zip.add(entry);
    entry.push(bytes, true);
  }
  zip.end();
  if (failure) throw failure;
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}
