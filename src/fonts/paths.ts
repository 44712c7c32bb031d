// Where fonts live: the project's fonts/ folder and the operating system's font folders.
import { homedir } from 'node:os';
import { dirname, join, relative, resolve, isAbsolute } from 'node:path';
import { TOOL_ROOT } from '../toolRoot.ts';

export const DEFAULT_MANIFEST = join(TOOL_ROOT, 'fonts', 'manifest.yaml');

export interface LoadFontSetOptions {
  /** The user's own licensed fonts; default fonts/user/ next to the manifest (none when pinned, below). */
  userDir?: string;
  /** System font folders; default those of the running OS (none when pinned). Pass [] to ignore system fonts. */
  systemDirs?: string[];
  /** Path of the font manifest; default fonts/manifest.yaml. Bundled fonts are in open/ beside it. */
  manifest?: string;
}

/**
 * GONGWEN_FONTS=bundled pins the defaults to the bundled open fonts: no user folder, no system folders.
 * The test suite sets it (vitest.config.ts) so that golden pages and measurements are the same on every
 * machine whatever fonts are installed; users never set it and get their own and their system's fonts.
 * Options passed explicitly still win.
 */
export const PIN_FONTS_ENV = 'GONGWEN_FONTS';
const pinnedToBundled = () => process.env[PIN_FONTS_ENV] === 'bundled';

/** The folders and the manifest a font resolution uses, as absolute paths (no user folder when pinned). */
export function fontPlaces(opts: LoadFontSetOptions) {
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

/** A path as a user would like to read it in a message: relative to the working directory when inside it. */
export function displayPath(p: string): string {
  const rel = relative(process.cwd(), p);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : p;
}

/** The usual font folders of Windows, macOS and Linux (only those of the running system). */
export function defaultSystemDirs(platform: NodeJS.Platform = process.platform, env: NodeJS.ProcessEnv = process.env): string[] {
  const home = homedir();
  if (platform === 'win32') {
    const windir = env.WINDIR ?? env.SystemRoot ?? 'C:\\Windows';
    const dirs = [join(windir, 'Fonts')];
    // Fonts installed "for this user only" (Windows 10 1809+) go here.
    if (env.LOCALAPPDATA) dirs.push(join(env.LOCALAPPDATA, 'Microsoft', 'Windows', 'Fonts'));
    return dirs;
  }
  if (platform === 'darwin') {
    return [join(home, 'Library', 'Fonts'), '/Library/Fonts', '/System/Library/Fonts'];
  }
  const dataHome = env.XDG_DATA_HOME || join(home, '.local', 'share');
  return [join(dataHome, 'fonts'), join(home, '.fonts'), '/usr/local/share/fonts', '/usr/share/fonts'];
}
