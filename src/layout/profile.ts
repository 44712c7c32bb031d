// Loads the layout profile (templates/gbt9704.yaml) once per process.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { Profile } from '../schema/profile.ts';
import { TEMPLATES_DIR } from '../compose/templates.ts';

let cached: Profile | undefined;
export function loadProfile(): Profile {
  cached ??= Profile.parse(parse(readFileSync(join(TEMPLATES_DIR, 'gbt9704.yaml'), 'utf8')));
  return cached;
}
