// `gongwen migrate <files|dirs...>`: rewrites report files in the first data form (lead/parts/closing)
// to the `body` form, in place and atomically, keeping comments and the editor modeline.
// The library is loaded only when the command runs, so --help and the other commands stay light.
import { basename } from 'node:path';
import { collect } from './validate.ts';
import type { Register } from './commands.ts';

export const registerMigrate: Register = (program, setExit) => {
  program
    .command('migrate')
    .description('把旧格式（lead/parts/closing）的报告改写为 body 格式 / rewrite old-form reports (lead/parts/closing) to the body form')
    .argument('<paths...>', 'YAML 文件或文件夹 / YAML files or folders')
    .action(async (paths: string[]) => {
      const { migrateText } = await import('../load/migrate.ts');
      const { readSourceFile } = await import('../load/readSource.ts');
      const { writeFileAtomic } = await import('../pipeline/safeWrite.ts');
      const { formatDiagnostic } = await import('../diagnostics.ts');
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
