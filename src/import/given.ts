// What the text cannot give: the county, township and organs from the command line, or the county and
// year from the county.yaml of the folder the YAML is written to (data/某县/2024/某镇.yaml).
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { GongwenError } from '../diagnostics.ts';
import { loadCountyFile } from '../load/index.ts';
import { COUNTY_FILE } from '../pipeline/discover.ts';

export interface Given {
  county?: string;
  city?: string;
  province?: string;
  township?: string;
  organs?: string[];
  year?: number;
  from: Partial<Record<'county' | 'city' | 'province' | 'township' | 'organs' | 'year', string>>; // where each value came from
}

/** The county.yaml beside the output file, if there is one; a broken one is an error (it would fail later anyway). */
export function givenByFolder(outFile: string): Given {
  const file = join(dirname(outFile), COUNTY_FILE);
  if (!existsSync(file)) return { from: {} };
  const loaded = loadCountyFile(file);
  if (!loaded.ok) throw new GongwenError(loaded.diagnostics);
  const c = loaded.county;
  const from = { county: file, year: file, ...(c.city ? { city: file } : {}), ...(c.province ? { province: file } : {}) };
  return { county: c.county, year: c.year, ...(c.city ? { city: c.city } : {}), ...(c.province ? { province: c.province } : {}), from };
}

/** Command-line values win over the folder's. */
export function givenByFlags(flags: { county?: string; township?: string; organ?: string[] }, folder: Given): Given {
  const out: Given = { ...folder, from: { ...folder.from } };
  if (flags.county) {
    out.county = flags.county;
    out.from.county = '--county';
  }
  if (flags.township) {
    out.township = flags.township;
    out.from.township = '--township';
  }
  if (flags.organ && flags.organ.length > 0) {
    out.organs = flags.organ;
    out.from.organs = '--organ';
  }
  return out;
}
