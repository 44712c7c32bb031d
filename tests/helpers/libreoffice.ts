// DOCX → PDF through LibreOffice, for tests that measure what a word processor makes of our files.
// One soffice call converts many files (start-up is the slow part); calls are serialised; every run gets a
// fresh user profile so a stale or locked one never interferes. A DOCX converted before, byte for byte, by the
// same LibreOffice with the same fonts, takes its PDF from the cache (helpers/toolCache.ts).
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';

import { commandOutput, fileStamp, keyOf, restoreFile, storeFile } from './toolCache.ts';

const REPO = resolve(import.meta.dirname, '..', '..');
export const FONTCONFIG = join(REPO, 'fonts', 'fontconfig.conf');

let queue: Promise<unknown> = Promise.resolve();

/**
 * What LibreOffice's PDF of a DOCX depends on besides the DOCX: LibreOffice's build and the fonts fontconfig gives it
 * (this project's aliases and every font it lists, by file, size and time). Computed once per test file.
 */
let toolKey: string | undefined;
function libreOfficeKey(env: NodeJS.ProcessEnv): string {
  toolKey ??= keyOf(
    ['/usr/lib/libreoffice/program/versionrc', '/opt/libreoffice/program/versionrc', '/usr/bin/soffice'].map(fileStamp).join('\n'),
    existsSync(FONTCONFIG) ? readFileSync(FONTCONFIG) : '',
    [...new Set(commandOutput('fc-list', ['--format', '%{file}\n'], env).split('\n'))].sort().map(fileStamp).join('\n'),
  );
  return toolKey;
}

export function hasLibreOffice(): boolean {
  return ['/usr/bin/soffice', '/usr/local/bin/soffice', '/opt/libreoffice/program/soffice'].some((p) => existsSync(p));
}

/** Converts the given .docx files into PDFs in outDir; returns the PDF paths in the same order. */
export function convertToPdf(docxPaths: string[], outDir: string, timeoutMs = 180_000): Promise<string[]> {
  const run = async (): Promise<string[]> => {
    const profile = mkdtempSync(join(tmpdir(), 'gongwen-lo-'));
    const env: NodeJS.ProcessEnv = { ...process.env, HOME: profile };
    if (existsSync(FONTCONFIG)) env.FONTCONFIG_FILE = FONTCONFIG;
    const pdfOf = (p: string) => join(outDir, basename(p).replace(/\.docx$/i, '.pdf'));
    const keys = new Map(docxPaths.map((p) => [p, keyOf(libreOfficeKey(env), readFileSync(p))]));
    // Only the files LibreOffice has not converted before, byte for byte, are given to it.
    const todo = docxPaths.filter((p) => !restoreFile('libreoffice', keys.get(p) ?? '', pdfOf(p)));
    if (todo.length === 0) {
      rmSync(profile, { recursive: true, force: true });
      return docxPaths.map(pdfOf);
    }
    try {
      await new Promise<void>((ok, fail) => {
        execFile(
          'soffice',
          [`-env:UserInstallation=file://${profile}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', outDir, ...todo],
          { env, timeout: timeoutMs, maxBuffer: 16 << 20 },
          (err, _stdout, stderr) => (err ? fail(new Error(`soffice failed: ${err.message}\n${stderr}`)) : ok()),
        );
      });
    } finally {
      rmSync(profile, { recursive: true, force: true });
    }
    const missing = todo.filter((p) => !existsSync(pdfOf(p)));
    if (missing.length) throw new Error(`soffice wrote no PDF for ${missing.join(', ')}`);
    for (const p of todo) storeFile('libreoffice', keys.get(p) ?? '', pdfOf(p));
    return docxPaths.map(pdfOf);
  };
  const next = queue.then(run, run);
  queue = next.catch(() => undefined);
  return next;
}
