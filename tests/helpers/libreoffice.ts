// DOCX → PDF through LibreOffice, for tests that measure what a word processor makes of our files.
// One soffice call converts many files (start-up is the slow part); calls are serialised; every run gets a
// fresh user profile so a stale or locked one never interferes.
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';

const REPO = resolve(import.meta.dirname, '..', '..');
export const FONTCONFIG = join(REPO, 'fonts', 'fontconfig.conf');

let queue: Promise<unknown> = Promise.resolve();

export function hasLibreOffice(): boolean {
  return ['/usr/bin/soffice', '/usr/local/bin/soffice', '/opt/libreoffice/program/soffice'].some((p) => existsSync(p));
}

/** Converts the given .docx files into PDFs in outDir; returns the PDF paths in the same order. */
export function convertToPdf(docxPaths: string[], outDir: string, timeoutMs = 180_000): Promise<string[]> {
  const run = async (): Promise<string[]> => {
    const profile = mkdtempSync(join(tmpdir(), 'gongwen-lo-'));
    const env: NodeJS.ProcessEnv = { ...process.env, HOME: profile };
    if (existsSync(FONTCONFIG)) env.FONTCONFIG_FILE = FONTCONFIG;
    try {
      await new Promise<void>((ok, fail) => {
        execFile(
          'soffice',
          [`-env:UserInstallation=file://${profile}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', outDir, ...docxPaths],
          { env, timeout: timeoutMs, maxBuffer: 16 << 20 },
          (err, _stdout, stderr) => (err ? fail(new Error(`soffice failed: ${err.message}\n${stderr}`)) : ok()),
        );
      });
    } finally {
      rmSync(profile, { recursive: true, force: true });
    }
    const pdfs = docxPaths.map((p) => join(outDir, basename(p).replace(/\.docx$/i, '.pdf')));
    const missing = pdfs.filter((p) => !existsSync(p));
    if (missing.length) throw new Error(`soffice wrote no PDF for ${missing.join(', ')}`);
    return pdfs;
  };
  const next = queue.then(run, run);
  queue = next.catch(() => undefined);
  return next;
}
