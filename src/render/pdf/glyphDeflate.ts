// Deflate (zlib format) of a font program built from prepared glyphs (CFF, or TrueType), with each glyph's compressed
// bits made once per process and reused by every document that draws the glyph.
//
// A document's font programs are most of its bytes (seed 000: 383 KB of its 363 KB file before compression) and
// were most of its compression time: zlib's Huffman-only pass took about 4 ms a document, for 16 % smaller
// programs. Outlines are near-random bytes (no repeats worth finding), so Huffman coding is all that pays; and a
// Huffman code that does not depend on the document lets a glyph's coded bits be reused. The codes below are one
// fixed code for all CFF programs and one for all TrueType ones (their outlines' bytes are distributed differently), written into each stream as a dynamic block's table, so any inflater reads it;
// a document's program is then its few bytes of tables coded here, and its glyphs' bits copied in at a bit offset.
// The output depends only on the program's bytes (same input, same PDF), and inflates to exactly those bytes.
import { endianness } from 'node:os';

/**
 * Code lengths of bytes 0…255 and of the end of block (256), one hex digit each: a Huffman code (limited to 15
 * bits, every byte given a code) for the byte frequencies of the CFF programs in the PDFs of the five seeds, the
 * joint fixture and ten synthetic reports (128 programs, 7.1 MB) with the bundled fonts. It codes those programs
 * to 85 % of their size, as zlib's Huffman-only pass does (84 %) with a code made for each document.
 */
const LITERAL_LENGTHS =
  '89aab7986bbbbb9bbba7b7cb6667bb78abbbbbbbbbbbbbbbbbbbbbbbaababbbaaaaaaaabaaabaaaaaaaaaaaaaa9a9a9a9a999999998989888888887878787777776666555558555556676777777878787888888888888989898999999a9a9a9a9a9aaaaaaaababaaabababbbabbbbbbbacbbbbbbbbccbcccbbbcbcc68ac69bdee';
/** Code lengths of the code-length alphabet 0…18 (a Huffman code for how often each length occurs above). */
const CODE_LENGTH_LENGTHS = [0, 7, 0, 0, 0, 5, 4, 4, 3, 3, 2, 2, 4, 7, 6, 0, 0, 0, 0];
/**
 * The same for TrueType outlines (glyf data: flags, coordinates and instructions, unlike CFF's charstrings): the
 * byte frequencies of the glyf tables of the bundled TrueType fonts (AR PL KaitiM GB, Liberation Serif) and of
 * DejaVu Sans and Serif, each byte given a code. It codes those tables to 78 % of their size; zlib's Huffman-only
 * pass gave a kaiti subset of seed 000 75 %.
 */
const GLYF_LITERAL_LENGTHS =
  '54655644765766766766765577877877877887558988988988877855a89999998a99a99a99a99a99a9aaaaaaaaaaa9aaaaaaabaaaaaaaabaaaaababbaababbbbbabbabbabbbbbabbbbbbbbbbbbbbbbbbbcbbbbbbbbbbbcbbbbbbbbbbabbbcbbbbbcbbcccbbbcbbccbcccbbcccbcbbbcccccbbcccccccaabcbccdbcccccbba978d';
const GLYF_CODE_LENGTH_LENGTHS = [0, 7, 0, 0, 6, 5, 4, 4, 4, 3, 2, 2, 3, 7, 0, 0, 0, 0, 0];
/** The order deflate sends the code-length code's lengths in (RFC 1951, 3.2.7). */
const CODE_LENGTH_ORDER = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15];

/** Canonical Huffman codes for code lengths (RFC 1951, 3.2.2), bit-reversed: deflate sends codes from their top bit. */
function canonicalCodes(lengths: readonly number[]): number[] {
  const count = new Array<number>(16).fill(0);
  for (const l of lengths) if (l) count[l]++;
  const next = new Array<number>(16).fill(0);
  let code = 0;
  for (let bits = 1; bits < 16; bits++) {
    code = (code + count[bits - 1]) << 1;
    next[bits] = code;
  }
  return lengths.map((l) => {
    if (!l) return 0;
    let c = next[l]++;
    let r = 0;
    for (let i = 0; i < l; i++, c >>= 1) r = (r << 1) | (c & 1);
    return r;
  });
}

/** Bits written from the lowest bit of 32-bit words up, as deflate packs them (little-endian words are its bytes). */
class Bits {
  words: Uint32Array;
  pos = 0;
  constructor(maxBits: number) {
    this.words = new Uint32Array((maxBits >>> 5) + 2);
  }
  put(value: number, n: number): void {
    const i = this.pos >>> 5;
    const off = this.pos & 31;
    this.words[i] |= value << off;
    if (off + n > 32) this.words[i + 1] = value >>> (32 - off);
    this.pos += n;
  }
  /** Appends bits made by another Bits (the words past its last bit are zero). */
  append(src: Coded): void {
    const i = this.pos >>> 5;
    const off = this.pos & 31;
    const n = (src.nbits + 31) >>> 5;
    const w = src.words;
    const out = this.words;
    if (off === 0) out.set(w.subarray(0, n), i);
    else {
      const back = 32 - off;
      for (let k = 0; k < n; k++) {
        const v = w[k];
        out[i + k] |= v << off;
        out[i + k + 1] = v >>> back;
      }
    }
    this.pos += src.nbits;
  }
  bytes(): Uint8Array {
    return new Uint8Array(this.words.buffer, 0, (this.pos + 7) >>> 3);
  }
}

interface Coded {
  words: Uint32Array;
  nbits: number;
  adler: number;
  length: number; // bytes coded
}

const ADLER_BASE = 65521;

function adler32(bytes: Uint8Array): number {
  let a = 1;
  let b = 0;
  for (let i = 0; i < bytes.length; ) {
    const end = Math.min(i + 3800, bytes.length); // no overflow of b before the modulo
    for (; i < end; i++) {
      a += bytes[i];
      b += a;
    }
    a %= ADLER_BASE;
    b %= ADLER_BASE;
  }
  return b * 65536 + a;
}

/** The Adler-32 of two pieces joined, from theirs (zlib's adler32_combine). */
function adlerCombine(a1: number, a2: number, len2: number): number {
  const rem = len2 % ADLER_BASE;
  let sum1 = a1 % 65536;
  let sum2 = (rem * sum1) % ADLER_BASE;
  sum1 += (a2 % 65536) + ADLER_BASE - 1;
  sum2 += Math.floor(a1 / 65536) + Math.floor(a2 / 65536) + ADLER_BASE - rem;
  if (sum1 >= ADLER_BASE) sum1 -= ADLER_BASE;
  if (sum1 >= ADLER_BASE) sum1 -= ADLER_BASE;
  if (sum2 >= 2 * ADLER_BASE) sum2 -= 2 * ADLER_BASE;
  if (sum2 >= ADLER_BASE) sum2 -= ADLER_BASE;
  return sum2 * 65536 + sum1;
}

const END_OF_BLOCK = 256;

/**
 * One fixed code: its zlib and block header (the code's tables, RFC 1951 3.2.7), and the coded bits of the byte
 * arrays it was given as stable (a face keeps one array per glyph, and its fixed tables, for the process).
 */
class FixedCode {
  private readonly litLengths: number[];
  private readonly litCodes: number[];
  private readonly header: Coded;
  private readonly stable = new WeakMap<Uint8Array, Coded>();

  constructor(literalLengths: string, codeLengthLengths: readonly number[]) {
    this.litLengths = [...literalLengths].map((d) => parseInt(d, 16));
    this.litCodes = canonicalCodes(this.litLengths);
    const bits = new Bits(2048);
    bits.put(0x78, 8); // deflate, 32K window
    bits.put(0x01, 8); // no dictionary, check bits
    bits.put(1, 1); // final block
    bits.put(2, 2); // dynamic Huffman codes
    bits.put(257 - 257, 5); // HLIT: bytes and the end of block, no lengths (no matches are ever sent)
    bits.put(2 - 1, 5); // HDIST: two distance codes of one bit, never used (as zlib writes it: a complete code)
    bits.put(19 - 4, 4); // HCLEN: all 19 code-length lengths
    for (const s of CODE_LENGTH_ORDER) bits.put(codeLengthLengths[s], 3);
    const clCodes = canonicalCodes(codeLengthLengths);
    for (const l of [...this.litLengths, 1, 1]) bits.put(clCodes[l], codeLengthLengths[l]);
    this.header = { words: bits.words, nbits: bits.pos, adler: 1, length: 0 };
  }

  private code(bytes: Uint8Array): Coded {
    const lengths = this.litLengths;
    const codes = this.litCodes;
    let nbits = 0;
    for (let i = 0; i < bytes.length; i++) nbits += lengths[bytes[i]];
    const bits = new Bits(nbits);
    for (let i = 0; i < bytes.length; i++) bits.put(codes[bytes[i]], lengths[bytes[i]]);
    return { words: bits.words, nbits, adler: adler32(bytes), length: bytes.length };
  }

  /**
   * The zlib stream of the concatenation of `parts`. Parts in `stable` are coded once and their bits kept; the
   * others (a program's tables, a few bytes per glyph) are coded each time.
   */
  deflate(parts: readonly Uint8Array[], stable: ReadonlySet<Uint8Array>): Uint8Array {
    const coded = parts.map((p) => {
      if (!stable.has(p)) return this.code(p);
      let c = this.stable.get(p);
      if (!c) this.stable.set(p, (c = this.code(p)));
      return c;
    });
    let total = this.header.nbits + this.litLengths[END_OF_BLOCK] + 7 + 32;
    for (const c of coded) total += c.nbits;
    const bits = new Bits(total);
    bits.append(this.header);
    let adler = 1;
    for (const c of coded) {
      bits.append(c);
      adler = adlerCombine(adler, c.adler, c.length);
    }
    bits.put(this.litCodes[END_OF_BLOCK], this.litLengths[END_OF_BLOCK]);
    bits.pos = (bits.pos + 7) & ~7;
    for (const shift of [24, 16, 8, 0]) bits.put(Math.floor(adler / 2 ** shift) & 0xff, 8);
    return bits.bytes();
  }
}

/** The code for CFF programs, and the one for TrueType (sfnt with glyf) programs. */
export const CFF_CODE = new FixedCode(LITERAL_LENGTHS, CODE_LENGTH_LENGTHS);
export const GLYF_CODE = new FixedCode(GLYF_LITERAL_LENGTHS, GLYF_CODE_LENGTH_LENGTHS);
export type { FixedCode };

/** Whether this machine's word order is deflate's byte order; otherwise the caller uses zlib. */
export const glyphDeflateAvailable = endianness() === 'LE';
