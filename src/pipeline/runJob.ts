// Runs one job in this process: load → compose → render → safe write. Used by pool workers and in-process.
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { GongwenError, diag, type Diagnostic } from '../diagnostics.ts';
import { composeReport } from '../compose/report.ts';
import { preflightReport } from '../preflight.ts';
import { glyphsOf } from '../fonts/coverage.ts';
import { renderGongwen } from '../render/index.ts';
import { defaultWriterInputs } from '../render/inputs.ts';
import type { CountyJob, Job, JobResult, ReportJob, WrittenFile } from './jobs.ts';
import { sha256 } from './fingerprint.ts';
import { loadReport } from './stages.ts';
import { writeFileAtomic } from './safeWrite.ts';
import { placeDiagnostics, type DataPath, type Position } from '../load/positions.ts';

/** Bad input surfaces as GongwenError diagnostics; anything else is a bug of ours, reported as such without a stack. */
export function failureDiagnostics(e: unknown, file: string): Diagnostic[] {
  if (e instanceof GongwenError) return e.diagnostics.map((d) => ({ ...d, file: d.file ?? file }));
  const msg = e instanceof Error ? e.message : String(e);
  return [diag('build.internal', { msg }, { file })];
}

/** Refuses an output path that would land outside the output folder (a crafted name such as ../../x). */
export function assertInside(root: string, target: string): void {
  const rel = relative(resolve(root), resolve(target));
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) {
    throw new GongwenError(
      diag('build.outsideOut', { target }),
    );
  }
}

async function writeOutput(outRoot: string, path: string, bytes: Uint8Array): Promise<WrittenFile> {
  assertInside(outRoot, path);
  const { mtimeMs } = await writeFileAtomic(path, bytes);
  return { path, size: bytes.byteLength, mtimeMs, hash: sha256(bytes) };
}

/**
 * A job's files, one after the other: a failure (a full disk) stops before the next file, so a job that fails leaves
 * none of its new files beside the old ones. (Written at once, a small DOCX could land while its PDF failed.)
 */
async function writeAll(outRoot: string, files: [path: string, bytes: Uint8Array][]): Promise<WrittenFile[]> {
  const written: WrittenFile[] = [];
  for (const [path, bytes] of files) written.push(await writeOutput(outRoot, path, bytes));
  return written;
}

/** Errors of the typesetter and the writers, which know a block's data path, placed at file:line:col of the YAML. */
async function placed<T>(loaded: { file: string; lineOf: (path: DataPath) => Position }, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    if (e instanceof GongwenError) throw new GongwenError(placeDiagnostics(e.diagnostics, loaded.file, loaded.lineOf));
    throw e;
  }
}

async function runReport(job: ReportJob, outRoot: string): Promise<Omit<Extract<JobResult, { ok: true }>, 'ms' | 'id' | 'ok'>> {
  const loaded = await loadReport(job.file);
  if (!loaded.ok) throw new GongwenError(loaded.diagnostics);
  const inputs = defaultWriterInputs();
  // The same checks as `validate`, each at its YAML position; the seal images are read here, once.
  const pre = preflightReport(loaded, { variant: job.variant, glyphs: glyphsOf(inputs.fonts) });
  if (pre.diagnostics.length > 0) throw new GongwenError(pre.diagnostics);
  const { doc, rendered } = await placed(loaded, async () => {
    const doc = composeReport(loaded.report, { baseDir: dirname(resolve(job.file)), variant: job.variant, seals: pre.seals });
    return { doc, rendered: await renderGongwen(doc, { ...inputs, formats: job.formats, draft: job.draft }) };
  });
  const written = await writeAll(outRoot, rendered.files.map((f) => [`${job.outBase}.${f.format}`, f.bytes]));
  const deps = doc.signatures.flatMap((s) => (s.seal ? [s.seal.path] : []));
  return {
    written,
    deps,
    warnings: [...loaded.warnings, ...rendered.warnings],
    loaded: { file: resolve(job.file), report: loaded.report, warnings: loaded.warnings }, // for its county's roll-up
  };
}

export async function runJob(job: Job, outRoot: string): Promise<JobResult> {
  const t0 = performance.now();
  const source = job.kind === 'report' ? job.file : join(job.dir, 'county.yaml');
  try {
    const r = job.kind === 'report' ? await runReport(job, outRoot) : await runCounty(job, outRoot);
    return { ok: true, id: job.id, ...r, ms: performance.now() - t0 };
  } catch (e) {
    return { ok: false, id: job.id, diagnostics: failureDiagnostics(e, source), ms: performance.now() - t0 };
  }
}

async function runCounty(job: CountyJob, outRoot: string): Promise<Omit<Extract<JobResult, { ok: true }>, 'ms' | 'id' | 'ok'>> {
  // Loaded on the first roll-up only: a batch of reports never loads the roll-up and workbook code (exceljs).
  const { buildCountyOutputs } = await import('./county.ts');
  const out = await buildCountyOutputs(job.dir, { formats: job.formats, draft: job.draft, preloaded: job.preloaded });
  const written = await writeAll(outRoot, out.files.map((f) => [join(job.outDir, `${out.baseName}.${f.format}`), f.bytes]));
  return { written, deps: out.deps, warnings: out.warnings };
}
