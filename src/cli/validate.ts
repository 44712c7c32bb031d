// `gongwen validate <files|dirs...> [--strict]`: checks report files (and county.yaml) and prints every problem.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { diag, diagnosticJson, formatDiagnostic, type Diagnostic } from '../diagnostics.ts';
import type { Register } from './commands.ts';

const YAML_FILE = /\.ya?ml$/i;

/** Files named on the command line are checked whatever their name; folders give their *.yaml/*.yml, sorted. */
export function collect(path: string, out: string[]): void {
  let isDir = false;
  try {
    isDir = statSync(path).isDirectory();
  } catch {
    out.push(path); // the loader reports it as not found, in the same stream as every other problem
    return;
  }
  if (!isDir) {
    out.push(path);
    return;
  }
  const entries = readdirSync(path, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    if (e.name.startsWith('.') || e.name === 'node_modules') continue;
    const child = join(path, e.name);
    if (e.isDirectory()) collect(child, out);
    else if (YAML_FILE.test(e.name)) out.push(child);
  }
}

/** --strict: every warning counts as an error. */
const promote = (d: Diagnostic): Diagnostic => ({ ...d, severity: 'error' });

export const registerValidate: Register = (program, setExit) => {
  program
    .command('validate')
    .description('检查报告 YAML 文件 / check report YAML files')
    .argument('<paths...>', 'YAML 文件或文件夹 / YAML files or folders')
    .option('--strict', '把警告当作错误 / treat warnings as errors')
    .option('--json', '以 JSON 输出（每个问题一个对象） / print JSON: {files, errors, warnings, diagnostics: [{file, line, col, severity, code, zh, en, related}]}')
    .action(async (paths: string[], opts: { strict?: boolean; json?: boolean }) => {
      const { validateFile } = await import('./validateFile.ts');
      const files: string[] = [];
      for (const p of paths) collect(p, files);
      const all: Diagnostic[] = [];
      if (files.length === 0) all.push(diag('validate.noFiles', { paths: paths.join(' ') }));
      for (const file of files) {
        const found = (await validateFile(file)).map((d) => (opts.strict ? promote(d) : d));
        all.push(...found);
      }
      const errors = all.filter((d) => d.severity === 'error').length;
      const warnings = all.length - errors;
      if (errors > 0) setExit(1);
      if (opts.json) {
        process.stdout.write(JSON.stringify({ files: files.length, errors, warnings, diagnostics: all.map(diagnosticJson) }, null, 2) + '\n');
        return;
      }
      for (const d of all) process.stdout.write(formatDiagnostic(d) + '\n');
      process.stdout.write(`${files.length} 个文件，${errors} 个错误，${warnings} 个警告 / ${files.length} files, ${errors} errors, ${warnings} warnings\n`);
    });
};
