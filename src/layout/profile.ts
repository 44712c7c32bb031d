// Loads the layout profile (templates/gbt9704.yaml) once per process. The command keeps the validated profile as
// JSON in the tool's cache folder, stamped with the file's identity and the code's (the schema's defaults are part of
// the result): a run with both unchanged parses no YAML and runs no schema for it.
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { yamlLibrary } from '../libraries.ts';
import { profileSchema, type Profile } from '../schema/profile.ts';
import { TEMPLATES_DIR } from '../compose/templates.ts';
import { readCache, writeCache } from '../cacheDir.ts';

const CACHE_NAME = 'profile.json';

/** What the cached profile must be stamped with; undefined when the code has no name (run from src/, as tests do). */
function profileStamp(file: string): string | undefined {
  const code = process.env.GONGWEN_RENDERER_HASH;
  if (!code) return undefined;
  try {
    const st = statSync(file);
    return JSON.stringify([code, file, st.size, st.mtimeMs, st.ctimeMs, st.ino]);
  } catch {
    return undefined;
  }
}

/** The profile as validated and stored (JSON keeps it whole: a test checks that). */
export function parseProfile(file: string): Profile {
  return profileSchema().parse(yamlLibrary().parse(readFileSync(file, 'utf8')));
}

let cached: Profile | undefined;
export function loadProfile(): Profile {
  if (cached) return cached;
  const file = join(TEMPLATES_DIR, 'gbt9704.yaml');
  const stamp = profileStamp(file);
  const hit = stamp ? readCache(CACHE_NAME) : undefined;
  if (typeof hit === 'object' && hit !== null && 'stamp' in hit && hit.stamp === stamp && 'profile' in hit) {
    return (cached = hit.profile as Profile); // written below from the schema's parse, under this stamp
  }
  cached = parseProfile(file);
  if (stamp) writeCache(CACHE_NAME, { stamp, profile: cached });
  return cached;
}
