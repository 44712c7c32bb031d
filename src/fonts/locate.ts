// Find a role's font file: in the user's folder (by file name, then by the names inside the
// font), in system font folders (by file name only: cheap, no font is opened to search), or
// among the bundled fallbacks.
import { existsSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fontNameKey, type RoleFonts } from './manifest.ts';
import { openFont, type OpenedFont } from './open.ts';
import { scanFontFiles, systemFontCandidates } from './scan.ts';

export { scanFontFiles, systemFontCandidates };

function roleKeys(r: RoleFonts): Set<string> {
  return new Set([r.officialName, ...r.names, ...r.files].map(fontNameKey));
}

/** In a collection, the face whose name the role accepts; otherwise the file's only face. */
function pickFace(path: string, keys: Set<string>): OpenedFont {
  const first = openFont(path);
  if (first.faces.length <= 1) return first;
  const wanted = first.faces.find((ps) => keys.has(fontNameKey(ps)));
  return wanted ? openFont(path, wanted) : first;
}

/**
 * The user's own file for the role: a file named after the font (仿宋_GB2312.ttf, simfang.ttf),
 * else a file whose internal family/PostScript name is one the role accepts.
 */
export function findUserFont(files: string[], role: RoleFonts): OpenedFont | undefined {
  const keys = roleKeys(role);
  const byName = files.find((f) => keys.has(fontNameKey(basename(f))));
  if (byName) return pickFace(byName, keys);
  for (const f of files) {
    const opened = openFont(f);
    const match = opened.faces.length > 1
      ? opened.faces.find((ps) => keys.has(fontNameKey(ps)))
      : opened.face.meta.names.some((n) => keys.has(fontNameKey(n))) ? opened.faces[0] : undefined;
    if (match !== undefined) return opened.faces.length > 1 ? openFont(f, match) : opened;
  }
  return undefined;
}

/** The first system font file the role names. */
export function findSystemFont(systemDirs: string[], role: RoleFonts): OpenedFont | undefined {
  const path = systemFontCandidates(systemDirs, role)[0];
  return path === undefined ? undefined : pickFace(path, roleKeys(role));
}

export interface BundledHit {
  opened: OpenedFont;
  family: string;
}

/** The first bundled fallback present in `bundledDir`. */
export function findBundledFont(bundledDir: string, role: RoleFonts): BundledHit | undefined {
  for (const b of role.bundled) {
    const path = join(bundledDir, b.file);
    if (existsSync(path)) return { opened: openFont(path, b.postscriptName), family: b.family };
  }
  return undefined;
}
