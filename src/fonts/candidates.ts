// Every font file loadFontSet could pick, found without opening any: the manifest, every file in the user's
// folder, the system files the manifest names and the bundled fallbacks. The build's key depends on these.
// Planning a build must not cost a YAML parser and zod for the manifest on every run: its validated form is
// cached as JSON, keyed by the manifest file's path, size and modification time.
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { readCache, writeCache } from '../cacheDir.ts';
import type { FontManifest } from './manifest.ts';
import { fontPlaces, type LoadFontSetOptions } from './paths.ts';
import { scanFontFiles, systemFontCandidates } from './scan.ts';

const CACHE_NAME = 'font-manifest.json';

/** What planning needs of each role: the system file names and the bundled files. */
export type RoleFiles = { files: string[]; bundled: string[] }[];

function stampOf(path: string): string | undefined {
  try {
    const st = statSync(path);
    return `${path}\0${st.size}\0${st.mtimeMs}`;
  } catch {
    return undefined;
  }
}

function isRoleFiles(x: unknown): x is RoleFiles {
  const strings = (a: unknown) => Array.isArray(a) && a.every((s) => typeof s === 'string');
  return Array.isArray(x) && x.every((r) => typeof r === 'object' && r !== null && strings(Reflect.get(r, 'files')) && strings(Reflect.get(r, 'bundled')));
}

async function roleFiles(manifestPath: string): Promise<RoleFiles> {
  const stamp = stampOf(manifestPath);
  const cached = readCache(CACHE_NAME);
  if (stamp && typeof cached === 'object' && cached !== null && Reflect.get(cached, 'stamp') === stamp) {
    const roles: unknown = Reflect.get(cached, 'roles');
    if (isRoleFiles(roles)) return roles;
  }
  const { loadManifest } = await import('./manifest.ts');
  const manifest: FontManifest = loadManifest(manifestPath);
  const roles = Object.values(manifest.roles).map((r) => ({ files: r.files, bundled: r.bundled.map((b) => b.file) }));
  if (stamp) writeCache(CACHE_NAME, { stamp, roles });
  return roles;
}

export async function candidateFontFiles(opts: LoadFontSetOptions = {}): Promise<string[]> {
  return candidateList(opts, await roleFiles(fontPlaces(opts).manifestPath));
}

/** The candidates, given the role files of the manifest (already loaded by a caller that has it). */
export function candidateList(opts: LoadFontSetOptions, roles: RoleFiles): string[] {
  const { manifestPath, userDir, systemDirs, bundledDir } = fontPlaces(opts);
  return [
    ...new Set([
      manifestPath,
      ...(userDir === undefined ? [] : scanFontFiles(userDir)),
      ...roles.flatMap((r) => systemFontCandidates(systemDirs, r)),
      ...roles.flatMap((r) => r.bundled.map((b) => join(bundledDir, b))),
    ]),
  ].sort();
}
