// Shared by the build, determinism, watch and fuzz tests: a scratch copy of real data files, and the real CLI.
import { spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { TOOL_ROOT } from '../src/toolRoot.ts';

// The tool's folder (not import.meta.url: the fuzz runner imports this file bundled, from a cache folder).
export const ROOT = TOOL_ROOT;
export const BIN = join(ROOT, 'bin', 'gongwen.js');
export const DEMO = join(ROOT, 'data', '示例县', '2023');
export const SEEDS = join(ROOT, 'data', 'seeds');

/**
 * A temp folder with `data/示例县/2023/` (county.yaml + the first `n` townships) and one real seed report,
 * `data/seeds/岔河镇-2023.yaml`, beside its import log (which the build must skip).
 */
export function makeWorkspace(n = 3): { dir: string; data: string; county: string; townships: string[]; loose: string } {
  const dir = mkdtempSync(join(tmpdir(), 'gongwen-build-'));
  const data = join(dir, 'data');
  const county = join(data, '示例县', '2023');
  mkdirSync(county, { recursive: true });
  copyFileSync(join(DEMO, 'county.yaml'), join(county, 'county.yaml'));
  const names = readdirSync(DEMO).filter((f) => f.endsWith('.yaml') && f !== 'county.yaml').sort();
  const townships = names.slice(0, n).map((f) => {
    copyFileSync(join(DEMO, f), join(county, f));
    return join(county, f);
  });
  mkdirSync(join(data, 'seeds'));
  const loose = join(data, 'seeds', '岔河镇-2023.yaml');
  copyFileSync(join(SEEDS, '岔河镇-2023.yaml'), loose);
  copyFileSync(join(SEEDS, '岔河镇-2023.import.md'), join(data, 'seeds', '岔河镇-2023.import.md'));
  mkdirSync(join(data, 'other'));
  return { dir, data, county, townships, loose };
}

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `node bin/gongwen.js …` in `cwd`, as a user would, with plain progress lines (CI set). */
export function gongwen(args: string[], cwd: string): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd, env: { ...process.env, CI: '1' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (b: Buffer) => (stdout += b.toString()));
    child.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** Every file under `dir`, as '/'-separated paths relative to it, sorted. */
export function listFiles(dir: string): string[] {
  return (readdirSync(dir, { recursive: true, withFileTypes: true }) as import('node:fs').Dirent[])
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)).split(sep).join('/'))
    .sort();
}

export function mtimes(dir: string): Map<string, number> {
  return new Map(listFiles(dir).map((f) => [f, statSync(join(dir, f)).mtimeMs]));
}

/** The counts from the summary table the build prints last. */
export function counts(stdout: string): { built: number; unchanged: number; failed: number } {
  const n = (label: string) => Number(new RegExp(`${label}\\s+(\\d+)`).exec(stdout)?.[1] ?? NaN);
  return { built: n('built'), unchanged: n('unchanged'), failed: n('failed') };
}

/** A PDF is complete when it ends with %%EOF; a DOCX when its zip end-of-central-directory record is there. */
export function looksComplete(name: string, bytes: Buffer): boolean {
  if (name.endsWith('.pdf')) return bytes.subarray(0, 5).toString() === '%PDF-' && bytes.subarray(-1024).includes('%%EOF');
  if (name.endsWith('.docx') || name.endsWith('.xlsx')) {
    return bytes.subarray(0, 2).toString() === 'PK' && bytes.subarray(-22 - 1024).includes(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  }
  return true;
}
