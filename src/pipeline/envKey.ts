// What every output of a run depends on besides its own sources: the tool (its version and the renderer's
// code), the templates that kind of output uses, the font files the run could embed, and the options.
// Computed once per run, cheaply: planning a no-change build must not cost more as the tool grows.
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { hashFileSync, hashTree, sha256 } from './fingerprint.ts';
import { candidateFontFiles } from '../fonts/candidates.ts';
import { TOOL_ROOT } from '../toolRoot.ts';

export async function toolVersion(): Promise<string> {
  const pkg: unknown = JSON.parse(readFileSync(join(TOOL_ROOT, 'package.json'), 'utf8'));
  return typeof pkg === 'object' && pkg !== null && 'version' in pkg ? String(pkg.version) : '0';
}

/** Font identity by path, size and modification time: hashing 20 MB of CJK fonts on every run would cost more than it saves. */
async function fontIdentity(): Promise<string> {
  const parts: string[] = [];
  for (const f of await candidateFontFiles()) {
    const st = statSync(f, { throwIfNoEntry: false });
    parts.push(f, st ? `${st.size}:${st.mtimeMs}` : 'missing');
  }
  return sha256(...parts);
}

export type OutputKind = 'report' | 'county';

/**
 * The files under templates/ each kind of output reads (src/layout/profile.ts, src/compose/templates.ts,
 * src/compose/rollup.ts, src/rollup/themes.ts): editing the roll-up's narrative rebuilds the roll-ups and
 * no report. A test checks that every file in templates/ is listed here.
 */
export const TEMPLATES_USED: Record<OutputKind, readonly string[]> = {
  report: ['gbt9704.yaml', 'report.yaml', 'covers.yaml'], // covers.yaml: the untagged-chapter warnings a build prints
  county: ['gbt9704.yaml', 'rollup-title.hbs', 'rollup.hbs', 'themes.yaml'],
};

export interface EnvKeyParts {
  version: string;
  code: string;
  templates: Record<OutputKind, string>;
  fonts: string;
}

/**
 * The renderer's code: a fix to the typesetter must rebuild outputs even before the version is bumped, while
 * an edit to the command line or the importer need not. bin/bundle.js has hashed exactly the sources a pool
 * worker is built from and passes that hash on; run from src/ (the tests) every .ts file counts, hashed once
 * per process (the code that runs is the code that was loaded).
 */
let codeHash: Promise<string> | undefined;
function rendererHash(): Promise<string> {
  const fromBundle = process.env.GONGWEN_RENDERER_HASH;
  codeHash ??= fromBundle ? Promise.resolve(`bundle:${fromBundle}`) : hashTree(join(TOOL_ROOT, 'src'), (n) => n.endsWith('.ts'));
  return codeHash;
}

function templatesHash(dir: string, files: readonly string[], hash: (path: string) => string): string {
  return sha256(...files.map((f) => `${f}=${hash(join(dir, f))}`));
}

export const TEMPLATES_DIR = join(TOOL_ROOT, 'templates');

/**
 * `templatesDir` is for tests: the renderer always reads the tool's own templates/. `hash` gives a file's content
 * hash (a build passes its manifest's memo, Manifest.hashOf).
 */
export async function envKeyParts(templatesDir = TEMPLATES_DIR, hash: (path: string) => string = hashFileSync): Promise<EnvKeyParts> {
  const [version, code, fonts] = await Promise.all([toolVersion(), rendererHash(), fontIdentity()]);
  const report = templatesHash(templatesDir, TEMPLATES_USED.report, hash);
  const county = templatesHash(templatesDir, TEMPLATES_USED.county, hash);
  return { version, code, templates: { report, county }, fonts };
}

/** The key shared by every output of `kind` in this run. */
export function envKey(parts: EnvKeyParts, kind: OutputKind, options: Record<string, string | boolean | undefined>): string {
  const opts = Object.keys(options)
    .sort()
    .map((k) => `${k}=${String(options[k] ?? '')}`);
  return sha256(parts.version, parts.code, parts.templates[kind], parts.fonts, ...opts);
}
