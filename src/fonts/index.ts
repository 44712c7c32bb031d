// Resolve each font role to a real file: the user's licensed fonts in fonts/user/, then the
// system's font folders, then the open fonts bundled in fonts/open/ (with a warning).
import { dirname, join, resolve } from 'node:path';
import { diag, GongwenError, type Diagnostic } from '../diagnostics.ts';
import { FONT_ROLES, type FontRole } from '../schema/profile.ts';
import { FontSet, type ResolvedFont } from './fontSet.ts';
import { findBundledFont, findSystemFont, findUserFont, scanFontFiles, systemFontCandidates } from './locate.ts';
import { DEFAULT_MANIFEST, loadManifest, type RoleFonts } from './manifest.ts';
import { displayPath, defaultSystemDirs } from './paths.ts';
import { sharedFontBytes, type OpenedFont, type SharedFontBytes } from './open.ts';

export { FontSet, type ResolvedFont, type FontSource } from './fontSet.ts';
export { FontManifest, loadManifest, DEFAULT_MANIFEST } from './manifest.ts';
export { defaultSystemDirs } from './paths.ts';
export { adoptFontBytes, type SharedFontBytes } from './open.ts';

export interface LoadFontSetOptions {
  /** The user's own licensed fonts; default fonts/user/ next to the manifest (none when pinned, below). */
  userDir?: string;
  /** System font folders; default those of the running OS (none when pinned). Pass [] to ignore system fonts. */
  systemDirs?: string[];
  /** Path of the font manifest; default fonts/manifest.yaml. Bundled fonts are in open/ beside it. */
  manifest?: string;
}

const sets = new Map<string, FontSet>();

/**
 * GONGWEN_FONTS=bundled pins the defaults to the bundled open fonts: no user folder, no system folders.
 * The test suite sets it (vitest.config.ts) so that golden pages and measurements are the same on every
 * machine whatever fonts are installed; users never set it and get their own and their system's fonts.
 * Options passed explicitly still win.
 */
export const PIN_FONTS_ENV = 'GONGWEN_FONTS';
const pinnedToBundled = () => process.env[PIN_FONTS_ENV] === 'bundled';

/**
 * The fonts for this run. Cached per options for the life of the process: every font file is
 * parsed once, and the substitution warnings describe one resolution.
 */
function places(opts: LoadFontSetOptions) {
  const manifestPath = resolve(opts.manifest ?? DEFAULT_MANIFEST);
  const fontsDir = dirname(manifestPath);
  const pinned = pinnedToBundled();
  const userDir = opts.userDir ?? (pinned ? undefined : join(fontsDir, 'user'));
  return {
    manifestPath,
    userDir: userDir === undefined ? undefined : resolve(userDir),
    systemDirs: (opts.systemDirs ?? (pinned ? [] : defaultSystemDirs())).map((d) => resolve(d)),
    bundledDir: join(fontsDir, 'open'),
  };
}

export function loadFontSet(opts: LoadFontSetOptions = {}): FontSet {
  const { manifestPath, userDir, systemDirs, bundledDir } = places(opts);
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

/** Resolves this run's fonts on this thread and returns their bytes, for worker threads to use (open.ts). */
export function fontBytesForWorkers(): SharedFontBytes[] {
  try {
    loadFontSet();
  } catch {
    // a missing font: each job reports it with its own file
  }
  return sharedFontBytes();
}

/**
 * Every file loadFontSet could pick, found without opening any (the manifest, every file in the user's
 * folder, system files the manifest names, the bundled fallbacks). The build's cache key depends on these,
 * and a build's main thread, which renders nothing itself, need not parse 30 MB of fonts to compute it.
 */
export function candidateFontFiles(opts: LoadFontSetOptions = {}): string[] {
  const { manifestPath, userDir, systemDirs, bundledDir } = places(opts);
  const roles = Object.values(loadManifest(manifestPath).roles);
  return [
    ...new Set([
      manifestPath,
      ...(userDir === undefined ? [] : scanFontFiles(userDir)),
      ...roles.flatMap((r) => systemFontCandidates(systemDirs, r)),
      ...roles.flatMap((r) => r.bundled.map((b) => join(bundledDir, b.file))),
    ]),
  ].sort();
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
    postscriptName: o.font.postscriptName,
    source,
    font: o.font,
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
