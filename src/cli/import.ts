// `gongwen import <file.txt|file.docx> --out <file.yaml> [--report <file.md>]`: an old report → report YAML.
import { existsSync, statSync } from 'node:fs';
import { basename, relative, resolve, sep } from 'node:path';
import { GongwenError, diag, formatDiagnostic } from '../diagnostics.ts';
import type { Register } from './commands.ts';

/** Never writes over the source, and over another existing file only when asked to. */
function refuseTarget(source: string, target: string, force: boolean): void {
  const same = (a: string, b: string) => {
    if (resolve(a) === resolve(b)) return true;
    try {
      const [x, y] = [statSync(a), statSync(b)];
      return x.dev === y.dev && x.ino === y.ino; // the same file under another name (a link)
    } catch {
      return false;
    }
  };
  if (same(source, target)) throw new GongwenError(diag('import.outputIsInput', { file: target }));
  if (!force && existsSync(target)) throw new GongwenError(diag('import.outputExists', { file: target }));
}

export const registerImport: Register = (program) => {
  program
    .command('import')
    .description('把旧报告（.txt/.docx）导入为报告 YAML / import an old report (.txt/.docx) as report YAML')
    .argument('<file>', '源文件：UTF-8 或 GB18030 文本、.docx / source: UTF-8 or GB18030 text, or .docx')
    .requiredOption('--out <file.yaml>', '输出的 YAML 文件 / YAML file to write')
    .option('--report <file.md>', '导入报告（默认与 YAML 同名 .import.md） / import report (default <name>.import.md)')
    .option('--force', '覆盖已存在的输出文件 / overwrite existing output files')
    .option('--source <path>', 'YAML 中 source: 的值（默认为相对当前目录的路径） / value of source: (default: path relative to cwd)')
    .option('--county <name>', '县（市、区），原文未写明时 / the county, when the text does not name it')
    .option('--township <name>', '乡镇（街道），原文未写明时 / the township, when the text does not name it')
    .option('--organ <name>', '发文机关，联合行文可重复 / an issuing organ; repeat for a joint issuance', (v: string, all: string[]) => [...all, v], [] as string[])
    .action(async (file: string, opts: { out: string; report?: string; source?: string; county?: string; township?: string; organ: string[]; force?: boolean }) => {
      // Loaded here, not at the top: other commands never pay for the importer (mammoth, iconv).
      const [{ writeFileAtomic }, { importText }, { readSourceDocument }, { importReportMarkdown, importSummary }, { writeReportYaml }, { givenByFlags, givenByFolder }] =
        await Promise.all([
          import('../pipeline/safeWrite.ts'),
          import('../import/index.ts'),
          import('../import/decode.ts'),
          import('../import/reportMd.ts'),
          import('../import/write.ts'),
          import('../import/given.ts'),
        ]);
      const reportFile = opts.report ?? opts.out.replace(/\.ya?ml$/i, '') + '.import.md';
      for (const target of [opts.out, reportFile]) refuseTarget(file, target, opts.force ?? false);
      const doc = await readSourceDocument(file);
      const source = opts.source ?? relative(process.cwd(), file).split(sep).join('/');
      const given = givenByFlags(opts, givenByFolder(opts.out));
      const result = importText(doc.text, { source, given });
      if (doc.listItems) {
        // Word's automatic numbering (一、 （一） made by the list feature) is not text: the clerk must type it.
        result.notes.unshift({
          kind: 'structure',
          zh: `Word 文件中有 ${doc.listItems} 段使用自动编号，编号不在文字中、未能导入，请核对这些段落的标题编号`,
          en: `${doc.listItems} paragraph(s) of the Word file use automatic list numbering, which is not text and was not imported`,
        });
      }
      await writeReportYaml(result.report, opts.out);
      await writeFileAtomic(reportFile, importReportMarkdown(basename(file), result));
      process.stderr.write(`${importSummary(basename(file), result)} (${doc.encoding}) → ${opts.out}, ${reportFile}\n`);
      // What the source lacks (a county, an organ) leaves the YAML incomplete: say which field and how to fill it.
      for (const n of result.notes.filter((n) => n.kind === 'missingField')) {
        process.stderr.write(formatDiagnostic(diag('import.incomplete', { zh: n.zh, en: n.en }, { severity: 'warning', file: opts.out })) + '\n');
      }
    });
};
