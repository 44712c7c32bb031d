// Finding the work: every report YAML under the inputs, and every county folder (one holding county.yaml).
// Each input is mirrored under the output folder relative to itself: `data/seeds/a.yaml` built from
// `data` lands at `<out>/seeds/a.pdf`; a file given directly lands at `<out>/a.pdf`.
import { readdirSync, statSync, type Stats } from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { diag, type Diagnostic } from '../diagnostics.ts';

export const COUNTY_FILE = 'county.yaml';

export interface ReportSource {
  file: string; // absolute path of the YAML
  rel: string; // path under the output folder without extension, '/'-separated: seeds/岔河镇-2023
}

export interface CountySource {
  dir: string; // absolute folder holding county.yaml
  rel: string; // that folder mirrored under the output folder ('' for the output root)
}

export interface Discovered {
  reports: ReportSource[];
  counties: CountySource[];
  problems: Diagnostic[]; // inputs that do not exist
}

export function isReportYaml(name: string): boolean {
  return /\.ya?ml$/i.test(name) && name.toLowerCase() !== COUNTY_FILE && !name.startsWith('.');
}

// Folders never searched: hidden ones (.git, .gongwen caches) and installed packages.
function skipDir(name: string): boolean {
  return name.startsWith('.') || name === 'node_modules';
}

const toSlash = (p: string) => p.split(sep).join('/');

/** A path's stats, or undefined for any failure (missing, a loop of links, no permission). */
function statOf(path: string): Stats | undefined {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}
const stripExt = (p: string) => p.replace(/\.ya?ml$/i, '');

/**
 * Lists every file under `root` (sorted, so the work order and the manifest are stable), skipping `exclude`.
 * Synchronously, as the rest of planning: node:fs/promises costs a no-change build more to load (a dozen of Node's
 * modules) than its whole listing, and a round trip through the thread pool per folder and per stat.
 */
function walk(root: string, exclude: string): { files: string[] } {
  const files: string[] = [];
  const visit = (dir: string): void => {
    const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      const full = join(dir, e.name);
      if (e.isDirectory()) {
        if (skipDir(e.name) || full === exclude) continue;
        visit(full);
      } else if (e.isSymbolicLink()) {
        // A linked report is built like any other; a linked folder is not followed (it could loop back).
        const target = statOf(full);
        if (!target?.isDirectory()) files.push(full);
      } else {
        // Regular files, and anything else named like a report (a FIFO, a device): the loader refuses
        // those with a message, rather than the build skipping them in silence.
        files.push(full);
      }
    }
  };
  visit(root);
  return { files };
}

export async function discover(inputs: string[], outDir: string): Promise<Discovered> {
  const out = resolve(outDir);
  const reports = new Map<string, ReportSource>();
  const counties = new Map<string, CountySource>();
  const problems: Diagnostic[] = [];
  for (const input of inputs) {
    const abs = resolve(input);
    const st = statOf(abs);
    if (!st) {
      problems.push(diag('build.noInput', { input }, { file: input }));
      continue;
    }
    if (!st.isDirectory()) {
      if (!isReportYaml(basename(abs))) {
        problems.push(diag('build.notReport', { input }, { file: input }));
        continue;
      }
      // A lone file still brings its county's roll-up along when its own folder is a county folder.
      const parent = dirname(abs);
      const inCounty = statOf(join(parent, COUNTY_FILE))?.isFile() ?? false;
      if (!reports.has(abs)) reports.set(abs, { file: abs, rel: stripExt(basename(abs)) });
      if (inCounty && !counties.has(parent)) counties.set(parent, { dir: parent, rel: '' });
      continue;
    }
    const { files } = walk(abs, out);
    const countyDirs = new Set(files.filter((f) => basename(f) === COUNTY_FILE).map(dirname));
    for (const d of countyDirs) if (!counties.has(d)) counties.set(d, { dir: d, rel: toSlash(relative(abs, d)) });
    for (const f of files) {
      if (!isReportYaml(basename(f)) || reports.has(f)) continue;
      reports.set(f, { file: f, rel: stripExt(toSlash(relative(abs, f))) });
    }
  }
  return { reports: [...reports.values()], counties: [...counties.values()], problems };
}

/** The report YAML files a county's roll-up reads: as rollupCounty does, every other *.yaml directly in its folder. */
export async function countyReportFiles(dir: string): Promise<string[]> {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    names = [];
  }
  return names
    .filter((n) => /\.ya?ml$/i.test(n) && n !== COUNTY_FILE)
    .sort()
    .map((n) => join(dir, n));
}
