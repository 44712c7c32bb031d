// Which characters the resolved fonts can print, for `validate` to refuse a character the build would, without
// parsing 30 MB of fonts on every run: the coverage of each role (from its cmap) is kept in a small cache file
// keyed by the candidate font files' names, sizes and times, and rebuilt only when one of them changes.
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { TOOL_ROOT } from '../toolRoot.ts';
import { FONT_ROLES, type FontRole } from '../schema/profile.ts';
import { candidateFontFilesSync, loadFontSet, type FontSet, type LoadFontSetOptions } from './index.ts';

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

function fromRanges(r: number[]): Set<number> {
  const s = new Set<number>();
  for (let i = 0; i + 1 < r.length; i += 2) for (let k = 0; k < r[i + 1]; k++) s.add(r[i] + k);
  return s;
}

interface CoverageFile {
  version: 1;
  fallback: number[]; // ranges covered by any fallback role
  latin: number[]; // ranges covered by the Latin role
}

function cacheDir(): string {
  for (const dir of [join(TOOL_ROOT, 'node_modules', '.cache', 'gongwen-report'), join(tmpdir(), `gongwen-report-${process.getuid?.() ?? 'user'}`)]) {
    try {
      mkdirSync(dir, { recursive: true });
      return dir;
    } catch {
      // not writable: try the next
    }
  }
  return tmpdir();
}

/** Names, sizes and times of every file the font resolution could pick: any change makes a new key. */
function coverageKey(opts: LoadFontSetOptions): string {
  const h = createHash('sha256');
  for (const f of candidateFontFilesSync(opts)) {
    let stamp = 'none';
    try {
      const st = statSync(f);
      stamp = `${st.size}:${st.mtimeMs}`;
    } catch {
      // absent: part of the key as such
    }
    h.update(`${f}\0${stamp}\0`);
  }
  return h.digest('hex').slice(0, 24);
}

function build(opts: LoadFontSetOptions): CoverageFile {
  const fonts = loadFontSet(opts);
  const set = (roles: readonly FontRole[]) => roles.flatMap((r) => fonts.fonts[r].font.characterSet);
  return { version: 1, fallback: toRanges(set(FALLBACK_ROLES)), latin: toRanges(set(FONT_ROLES.filter((r) => r === 'latin'))) };
}

const memo = new Map<string, HasGlyph>();

/** The coverage of the fonts this run would resolve, from the cache when it is current. */
export function cachedGlyphs(opts: LoadFontSetOptions = {}): HasGlyph {
  const key = coverageKey(opts);
  const hit = memo.get(key);
  if (hit) return hit;
  const file = join(cacheDir(), `font-coverage-${key}.json`);
  let data: CoverageFile | undefined;
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as CoverageFile;
    if (parsed.version === 1 && Array.isArray(parsed.fallback) && Array.isArray(parsed.latin)) data = parsed;
  } catch {
    // no cache yet, or a damaged one: rebuilt below
  }
  if (!data) {
    data = build(opts);
    try {
      const tmp = `${file}.${process.pid}.tmp`;
      writeFileSync(tmp, JSON.stringify(data));
      renameSync(tmp, file);
    } catch {
      // a read-only tool folder: the next run builds it again
    }
  }
  const fallback = fromRanges(data.fallback);
  const latin = fromRanges(data.latin);
  const has: HasGlyph = (ch, isLatin) => {
    const cp = ch.codePointAt(0) ?? 0;
    return fallback.has(cp) || (isLatin && latin.has(cp));
  };
  memo.set(key, has);
  return has;
}
