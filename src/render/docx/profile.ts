// The layout profile the DOCX writer reads (templates/gbt9704.yaml), parsed once per process.
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { Profile } from '../../schema/profile.ts';

const PROFILE_URL = new URL('../../../templates/gbt9704.yaml', import.meta.url);
let cached: Profile | undefined;

export function defaultProfile(): Profile {
  cached ??= Profile.parse(parse(readFileSync(PROFILE_URL, 'utf8')));
  return cached;
}
