// `gongwen migrate <files|dirs...>`: rewrites report files in the first data form (lead/parts/closing)
// to the `body` form, in place and atomically, keeping comments and the editor modeline.
import { basename } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { parseDocument } from 'yaml';
import { diag, formatDiagnostic, type Diagnostic } from '../diagnostics.ts';
import { loadReportText } from '../load/index.ts';
import { upgradeDocument } from '../load/legacy.ts';
import { readSourceFile } from '../load/readSource.ts';
import { writeFileAtomic } from '../pipeline/safeWrite.ts';
import { collect } from './validate.ts';
import type { Register } from './commands.ts';

export type Migration = { status: 'migrated'; text: string } | { status: 'current' } | { status: 'failed'; diagnostics: Diagnostic[] };

/**
 * The new text of an old-form report, checked: when the old file loaded, the new one must load to the
 * very same data, or nothing is written.
 */
export function migrateText(text: string, file: string): Migration {
  const doc = parseDocument(text, { prettyErrors: false });
  if (doc.errors.length > 0) {
    const before = loadReportText(text, file);
    return { status: 'failed', diagnostics: before.ok ? [] : before.diagnostics };
  }
  if (!upgradeDocument(doc)) return { status: 'current' };
  // lineWidth 0: a paragraph stays one line, as the clerk wrote it.
  const out = doc.toString({ lineWidth: 0 });
  const before = loadReportText(text, file);
  const after = loadReportText(out, file);
  if (before.ok && !(after.ok && isDeepStrictEqual(before.report, after.report))) {
    return {
      status: 'failed',
      diagnostics: [diag('migrate.mismatch', { file })],
    };
  }
  return { status: 'migrated', text: out };
}

export const registerMigrate: Register = (program, setExit) => {
  program
    .command('migrate')
    .description('把旧格式（lead/parts/closing）的报告改写为 body 格式 / rewrite old-form reports (lead/parts/closing) to the body form')
    .argument('<paths...>', 'YAML 文件或文件夹 / YAML files or folders')
    .action(async (paths: string[]) => {
      const files: string[] = [];
      for (const p of paths) collect(p, files);
      let migrated = 0;
      let failed = 0;
      for (const file of files.filter((f) => basename(f).toLowerCase() !== 'county.yaml')) {
        const source = readSourceFile(file);
        const result = source.ok ? migrateText(source.text, file) : ({ status: 'failed', diagnostics: source.diagnostics } as const);
        if (result.status === 'migrated') {
          await writeFileAtomic(file, result.text);
          migrated++;
          process.stderr.write(`${file}: 已转换 / migrated\n`);
        } else if (result.status === 'failed') {
          failed++;
          for (const d of result.diagnostics) process.stderr.write(formatDiagnostic(d) + '\n');
          process.stderr.write(`${file}: 未能转换 / not migrated\n`);
        }
      }
      process.stdout.write(`${files.length} 个文件，转换 ${migrated} 个，失败 ${failed} 个 / ${files.length} files, ${migrated} migrated, ${failed} failed\n`);
      if (failed > 0) setExit(1);
    });
};
