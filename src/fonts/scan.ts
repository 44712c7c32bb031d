// Font files found by name only, without opening any: the user's folder and the system's font folders.
// Kept apart from locate.ts (which opens fonts with fontkit) so a build's planning can list them cheaply.
import { readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { RoleFonts } from './manifest.ts';

const FONT_FILE = /\.(ttf|otf|ttc|otc)$/i;

const dirIndex = new Map<string, string[]>();

/** Font files under `dir` (recursively), sorted so the result does not depend on the file system's order. */
export function scanFontFiles(dir: string): string[] {
  try {
    return readdirSync(dir, { recursive: true, encoding: 'utf8' })
      .filter((f) => FONT_FILE.test(f))
      .map((f) => join(dir, f))
      .sort();
  } catch {
    return []; // a folder that does not exist on this system is simply empty
  }
}

// System folders can hold thousands of files and do not change during a run: scanned once.
function cachedScan(dir: string): string[] {
  let files = dirIndex.get(dir);
  if (!files) dirIndex.set(dir, (files = scanFontFiles(dir)));
  return files;
}

/** The system font files the role names, by file name, in the manifest's order of preference. */
export function systemFontCandidates(systemDirs: string[], role: Pick<RoleFonts, 'files'>): string[] {
  const byBase = new Map<string, string>();
  for (const dir of systemDirs) {
    for (const f of cachedScan(dir)) {
      const b = basename(f).toLowerCase();
      if (!byBase.has(b)) byBase.set(b, f);
    }
  }
  return role.files.flatMap((name) => byBase.get(name.toLowerCase()) ?? []);
}
