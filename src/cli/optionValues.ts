// The values of the shared options, read and checked: used by commander while it reads the command line
// (options.ts), and by a running watch or serve reading a build handed to it (src/pipeline/handoff.ts), so both
// accept exactly the same values. A bad value is a GongwenError (exit 1, message in Chinese and English).
import { GongwenError, diag } from '../diagnostics.ts';
import type { Variant } from '../schema/variants.ts';

/** A comma-separated list of formats, each one of `allowed`, in `allowed`'s order. */
export function parseFormatList<F extends string>(s: string, allowed: readonly F[]): F[] {
  const list = s.split(',').map((x) => x.trim().toLowerCase()).filter(Boolean);
  const bad = list.filter((f) => !(allowed as readonly string[]).includes(f));
  if (bad.length > 0 || list.length === 0) {
    const shown = bad.join(',') || s;
    throw new GongwenError(diag('cli.format', { bad: shown, valid: [...allowed] }));
  }
  return allowed.filter((f) => list.includes(f));
}

export function parseVariant(s: string, allowed: readonly Variant[]): Variant {
  if (!(allowed as readonly string[]).includes(s)) {
    throw new GongwenError(diag('cli.variant', { value: s, valid: [...allowed] }));
  }
  return s as Variant;
}

export function parseJobs(s: string): number {
  const n = Number(s);
  if (!Number.isInteger(n) || n < 0 || n > 256) {
    throw new GongwenError(diag('cli.jobs', { value: s }));
  }
  return n;
}
