// Which characters the resolved fonts can print, for `validate` to refuse a character the build would, without
// loading fontkit and parsing 30 MB of fonts on every run: the coverage of each role (from its cmap) is kept in
// a small cache file stamped with the candidate font files' names, sizes and times (src/fonts/candidates.ts,
// which needs neither YAML nor zod when its own cache is current), and rebuilt only when one of them changes.
// Only a miss loads the fonts module (and with it fontkit).
import { statSync } from 'node:fs';
import { readCache, writeCache } from '../cacheDir.ts';
import { FONT_ROLES, type FontRole } from '../schema/profile.ts';
import { candidateFontFiles } from './candidates.ts';
import type { FontSet } from './fontSet.ts';
import type { LoadFontSetOptions } from './paths.ts';

/** Whether some font the typesetter may use has the character; `latin` for characters set in Latin runs. */
export type HasGlyph = (ch: string, latin: boolean) => boolean;

/** The roles the typesetter falls back to for any character (src/layout/linebreak.ts), and the Latin role. */
export const FALLBACK_ROLES: readonly FontRole[] = ['songti', 'heiti', 'fangsong', 'kaiti', 'xiaobiaosong'];

/** Straight from a loaded FontSet (the build has one anyway). */
export function glyphsOf(fonts: FontSet): HasGlyph {
  return (ch, latin) => FALLBACK_ROLES.some((r) => fonts.hasChar(r, ch)) || (latin && fonts.hasChar('latin', ch));
}

/** Sorted code points → [start, length] pairs: a CJK font's 30,000 characters are a few hundred runs. */
function toRanges(cps: Iterable<number>): number[] {
  const sorted = [...new Set(cps)].sort((a, b) => a - b);
  const out: number[] = [];
  for (const cp of sorted) {
    const n = out.length;
    if (n > 0 && out[n - 2] + out[n - 1] === cp) out[n - 1]++;
    else out.push(cp, 1);
  }
  return out;
}

/** Membership by binary search over the runs: nothing to build when the cache is read. */
function inRanges(r: number[], cp: number): boolean {
  let lo = 0;
  let hi = r.length / 2 - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const start = r[2 * mid];
    if (cp < start) hi = mid - 1;
    else if (cp >= start + r[2 * mid + 1]) lo = mid + 1;
    else return true;
  }
  return false;
}

const CACHE_NAME = 'font-coverage.json';

interface CoverageFile {
  version: 2;
  stamp: string; // the candidate files' names, sizes and times
  fallback: number[]; // ranges covered by any fallback role
  latin: number[]; // ranges covered by the Latin role
}

function isCoverage(x: unknown, stamp: string): x is CoverageFile {
  if (typeof x !== 'object' || x === null) return false;
  const c = x as Partial<CoverageFile>;
  return c.version === 2 && c.stamp === stamp && Array.isArray(c.fallback) && Array.isArray(c.latin);
}

/** Names, sizes and times of every file the font resolution could pick: any change makes a new stamp. */
async function coverageStamp(opts: LoadFontSetOptions): Promise<string> {
  const parts: string[] = [];
  for (const f of await candidateFontFiles(opts)) {
    let stamp = 'none';
    try {
      const st = statSync(f);
      stamp = `${st.size}:${st.mtimeMs}`;
    } catch {
      // absent: part of the stamp as such
    }
    parts.push(`${f}\0${stamp}`);
  }
  return parts.join('\0');
}

async function build(opts: LoadFontSetOptions, stamp: string): Promise<CoverageFile> {
  const { loadFontSet } = await import('./index.ts');
  const fonts = loadFontSet(opts);
  const set = (roles: readonly FontRole[]) => roles.flatMap((r) => fonts.fonts[r].face.characterSet());
  return { version: 2, stamp, fallback: toRanges(set(FALLBACK_ROLES)), latin: toRanges(set(FONT_ROLES.filter((r) => r === 'latin'))) };
}

const memo = new Map<string, HasGlyph>();

/** The coverage of the fonts this run would resolve, from the cache when it is current. */
export async function fontCoverage(opts: LoadFontSetOptions = {}): Promise<HasGlyph> {
  const stamp = await coverageStamp(opts);
  const hit = memo.get(stamp);
  if (hit) return hit;
  const cached = readCache(CACHE_NAME);
  let data: CoverageFile;
  if (isCoverage(cached, stamp)) data = cached;
  else writeCache(CACHE_NAME, (data = await build(opts, stamp)));
  const { fallback, latin } = data;
  const has: HasGlyph = (ch, isLatin) => {
    const cp = ch.codePointAt(0) ?? 0;
    return inRanges(fallback, cp) || (isLatin && inRanges(latin, cp));
  };
  memo.set(stamp, has);
  return has;
}
