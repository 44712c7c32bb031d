// What every output of a run depends on besides its own sources: the tool (version and code), the templates
// and layout profile, the font files the run could embed, and the options. Computed once per run.
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { hashTree, sha256 } from './fingerprint.ts';
import { candidateFontFiles } from '../fonts/index.ts';
import { TOOL_ROOT } from '../toolRoot.ts';

export async function toolVersion(): Promise<string> {
  const pkg: unknown = JSON.parse(await readFile(join(TOOL_ROOT, 'package.json'), 'utf8'));
  return typeof pkg === 'object' && pkg !== null && 'version' in pkg ? String(pkg.version) : '0';
}

/** Font identity by path, size and modification time: hashing 20 MB of CJK fonts on every run would cost more than it saves. */
async function fontIdentity(): Promise<string> {
  const parts: string[] = [];
  for (const f of candidateFontFiles()) {
    const st = await stat(f).catch(() => undefined);
    parts.push(f, st ? `${st.size}:${st.mtimeMs}` : 'missing');
  }
  return sha256(...parts);
}

export interface EnvKeyParts {
  version: string;
  code: string;
  templates: string;
  fonts: string;
}

// The code itself: a fix to the typesetter must rebuild outputs even before the version is bumped.
// Hashed once per process: the code that runs is the code that was loaded (watch mode rebuilds many times).
let codeHash: Promise<string> | undefined;

export async function envKeyParts(): Promise<EnvKeyParts> {
  codeHash ??= hashTree(join(TOOL_ROOT, 'src'), (n) => n.endsWith('.ts'));
  const [version, code, templates, fonts] = await Promise.all([
    toolVersion(),
    codeHash,
    hashTree(join(TOOL_ROOT, 'templates')),
    fontIdentity(),
  ]);
  return { version, code, templates, fonts };
}

export function envKey(parts: EnvKeyParts, options: Record<string, string | boolean | undefined>): string {
  const opts = Object.keys(options)
    .sort()
    .map((k) => `${k}=${String(options[k] ?? '')}`);
  return sha256(parts.version, parts.code, parts.templates, parts.fonts, ...opts);
}
