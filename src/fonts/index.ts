// Resolve each font role to a real file: the user's licensed fonts in fonts/user/, then the
// system's font folders, then the open fonts bundled in fonts/open/ (with a warning).
import { join } from 'node:path';
import { diag, GongwenError, type Diagnostic } from '../diagnostics.ts';
import { FONT_ROLES, type FontRole } from '../schema/profile.ts';
import { FontSet, type ResolvedFont } from './fontSet.ts';
import { findBundledFont, findSystemFont, findUserFont, scanFontFiles } from './locate.ts';
import { loadManifest, type RoleFonts } from './manifest.ts';
import { displayPath, fontPlaces, type LoadFontSetOptions } from './paths.ts';
import { sharedFontBytes, type OpenedFont, type SharedFontBytes } from './open.ts';

export { FontSet, type ResolvedFont, type FontSource } from './fontSet.ts';
export { loadManifest, DEFAULT_MANIFEST, type FontManifest } from './manifest.ts';
export { defaultSystemDirs, PIN_FONTS_ENV, type LoadFontSetOptions } from './paths.ts';
export { candidateFontFiles } from './candidates.ts';

export { adoptFontBytes, type SharedFontBytes } from './open.ts';

const sets = new Map<string, FontSet>();

/**
 * The fonts for this run. Cached per options for the life of the process: every font file is
 * parsed once, and the substitution warnings describe one resolution.
 */
export function loadFontSet(opts: LoadFontSetOptions = {}): FontSet {
  const { manifestPath, userDir, systemDirs, bundledDir } = fontPlaces(opts);
  const key = JSON.stringify([manifestPath, userDir ?? null, systemDirs]);
  const hit = sets.get(key);
  if (hit) return hit;

  const manifest = loadManifest(manifestPath);
  const userFiles = userDir === undefined ? [] : scanFontFiles(userDir);
  const fonts = {} as Record<FontRole, ResolvedFont>;
  const substitutions: Diagnostic[] = [];
  for (const role of FONT_ROLES) {
    const spec = manifest.roles[role];
    const resolved = resolveRole(role, spec, userFiles, systemDirs, bundledDir);
    fonts[role] = resolved.font;
    if (resolved.warning) substitutions.push(resolved.warning);
  }
  const set = new FontSet(fonts, substitutions);
  sets.set(key, set);
  return set;
}

/**
 * Resolves this run's fonts on this thread and returns the font files it read, in shared memory, for worker threads
 * to use instead of reading their own copies (open.ts). A face without a cache file (the first run, a new font) is
 * read from its file here, once for all threads. A face from its cache file needs its font file only for a glyph
 * the cache lacks, so its file is not read just to hand it over: that kept 31 MB (the bundled set) more in memory
 * through every batch (the 205 jobs of five demo counties with two workers: peak 377 → 347 MB).
 */
export function fontBytesForWorkers(): SharedFontBytes[] {
  try {
    loadFontSet();
  } catch {
    // a missing font: each job reports it with its own file
  }
  return sharedFontBytes();
}

function resolveRole(
  role: FontRole,
  spec: RoleFonts,
  userFiles: string[],
  systemDirs: string[],
  bundledDir: string,
): { font: ResolvedFont; warning?: Diagnostic } {
  const make = (o: OpenedFont, source: ResolvedFont['source']): ResolvedFont => ({
    role,
    officialName: spec.officialName,
    path: o.path,
    postscriptName: o.face.meta.postscriptName,
    source,
    face: o.face,
    get font() {
      return o.face.live();
    },
  });
  const user = findUserFont(userFiles, spec);
  if (user) return { font: make(user, 'user') };
  const system = findSystemFont(systemDirs, spec);
  if (system) return { font: make(system, 'system') };
  const bundled = findBundledFont(bundledDir, spec);
  if (!bundled) {
    const wanted = spec.bundled.map((b) => displayPath(join(bundledDir, b.file))).join(', ');
    throw new GongwenError(
      diag('font.missing', { label: [spec.label.zh, spec.label.en], name: spec.officialName, wanted }),
    );
  }
  const shown = `${bundled.family} (${displayPath(bundled.opened.path)})`;
  const warning = diag('font.substituted', { label: [spec.label.zh, spec.label.en], name: spec.officialName, used: shown }, { severity: 'warning' });
  return { font: make(bundled.opened, 'bundled'), warning };
}
