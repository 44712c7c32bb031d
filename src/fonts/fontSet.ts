// The fonts resolved for one run, with the metrics layout asks for on its hot path.
import type * as fontkit from 'fontkit';
import type { Diagnostic } from '../diagnostics.ts';
import type { FontFace } from './face.ts';
import type { FontRole } from '../schema/profile.ts';

export type FontSource = 'user' | 'system' | 'bundled';

export interface ResolvedFont {
  role: FontRole;
  officialName: string; // the name DOCX writes (仿宋_GB2312…)
  path: string;
  postscriptName: string;
  source: FontSource;
  /** What layout and the writers read (from the face's cache file when current). */
  face: FontFace;
  /** fontkit's parse of the file, opened on first use: for tests and tools that need fontkit itself. */
  readonly font: fontkit.Font;
}

// Layout measures every character of every line; fontkit builds a Glyph object per lookup, so
// advances are cached per code point, in font units (NaN marks a character the font lacks).
// The BMP, where nearly all text lives, gets a flat array (256 KB per role): measured about 4×
// faster than a Map on a 4,000-character report.
const UNKNOWN = -1;
class RoleMetrics {
  private readonly bmp = new Float32Array(0x10000).fill(UNKNOWN);
  private readonly astral = new Map<number, number>();
  readonly unitsPerEm: number;
  constructor(readonly face: FontFace) {
    this.unitsPerEm = face.meta.unitsPerEm;
  }
  units(cp: number): number {
    if (cp < 0x10000) {
      const w = this.bmp[cp];
      if (w !== UNKNOWN) return w;
      return (this.bmp[cp] = this.lookup(cp));
    }
    let w = this.astral.get(cp);
    if (w === undefined) this.astral.set(cp, (w = this.lookup(cp)));
    return w;
  }
  private lookup(cp: number): number {
    const gid = this.face.glyphId(cp);
    return gid !== 0 ? this.face.advance(gid) : Number.NaN;
  }
}

function isControl(cp: number): boolean {
  return cp < 0x20 || (cp >= 0x7f && cp < 0xa0) || cp === 0x2028 || cp === 0x2029;
}

export class FontSet {
  private readonly metrics: Record<FontRole, RoleMetrics>;
  private substitutionsTaken = false;

  constructor(
    readonly fonts: Record<FontRole, ResolvedFont>,
    /** One warning per role that fell back to a bundled font. */
    readonly substitutions: Diagnostic[],
  ) {
    this.metrics = Object.fromEntries(
      Object.entries(fonts).map(([role, f]) => [role, new RoleMetrics(f.face)]),
    ) as Record<FontRole, RoleMetrics>;
  }

  /**
   * The substitution warnings the first time it is called on this set, then nothing: a batch
   * that builds many reports with one set prints them once per run.
   */
  takeSubstitutionWarnings(): Diagnostic[] {
    if (this.substitutionsTaken) return [];
    this.substitutionsTaken = true;
    return this.substitutions;
  }

  hasChar(role: FontRole, ch: string): boolean {
    const cp = ch.codePointAt(0);
    return cp !== undefined && !Number.isNaN(this.metrics[role].units(cp));
  }

  /** The ink box of one character's glyph, in points above the baseline (from the outline's bounding box). */
  ink(role: FontRole, ch: string, size: number): { top: number; bottom: number } {
    const face = this.fonts[role].face;
    const box = face.box(face.glyphId(ch.codePointAt(0) ?? 0));
    const k = size / face.meta.unitsPerEm;
    return { top: box.maxY * k, bottom: box.minY * k };
  }

  /**
   * Width in points of `text` set in the role's font at `size` pt: the sum of the characters'
   * advance widths, no kerning or other OpenType features (公文 text is set on a grid).
   * A character the font lacks counts as zero; check findMissingChars first.
   */
  advance(role: FontRole, text: string, size: number): number {
    const m = this.metrics[role];
    let units = 0;
    for (let i = 0; i < text.length; i++) {
      let cp = text.charCodeAt(i);
      if (cp >= 0xd800 && cp <= 0xdbff && i + 1 < text.length) {
        cp = text.codePointAt(i) ?? cp;
        i++;
      }
      const w = m.units(cp);
      if (!Number.isNaN(w)) units += w;
    }
    return (units / m.unitsPerEm) * size;
  }

  /** Height above the baseline (hhea ascender) at `size` pt; size 1 gives the fraction of the em. */
  ascent(role: FontRole, size = 1): number {
    const f = this.fonts[role].face.meta;
    return (f.ascent / f.unitsPerEm) * size;
  }

  /** The hhea descender at `size` pt: negative, below the baseline, as in the font. */
  descent(role: FontRole, size = 1): number {
    const f = this.fonts[role].face.meta;
    return (f.descent / f.unitsPerEm) * size;
  }

  /** Distinct characters of `text` (in order of first use) the role's font has no glyph for; control characters are ignored. */
  findMissingChars(role: FontRole, text: string): string[] {
    const m = this.metrics[role];
    const missing = new Set<string>();
    for (const ch of text) {
      const cp = ch.codePointAt(0) ?? 0;
      if (!isControl(cp) && Number.isNaN(m.units(cp))) missing.add(ch);
    }
    return [...missing];
  }
}
