// `gongwen metrics <file.yaml> [--json]`: every numeric fact of a report, from `metrics:` and from its text.
import { GongwenError, formatDiagnostic } from '../diagnostics.ts';
import type { FactRecord } from '../metrics/reportFacts.ts';
import type { Register } from './commands.ts';

function asLine(r: FactRecord): string {
  const figure = `${r.value}${r.qualifier ?? ''}${r.unit}`;
  return [r.key ?? '-', r.label, figure, r.source ?? ''].join('\t');
}

export const registerMetrics: Register = (program) => {
  program
    .command('metrics')
    .description('列出报告中的全部数字 / list every numeric fact of a report')
    .argument('<file>', '报告 YAML 文件 / report YAML file')
    .option('--json', '以 JSON 数组输出 / print a JSON array')
    .action(async (file: string, opts: { json?: boolean }) => {
      const [{ loadReportFile }, { reportFactRecords }] = await Promise.all([import('../load/index.ts'), import('../metrics/reportFacts.ts')]);
      const loaded = loadReportFile(file);
      if (!loaded.ok) throw new GongwenError(loaded.diagnostics);
      // warnings go to stderr so that stdout stays valid JSON
      for (const w of loaded.warnings) process.stderr.write(formatDiagnostic(w) + '\n');
      const records = reportFactRecords(loaded.report);
      process.stdout.write(opts.json ? JSON.stringify(records, null, 2) + '\n' : records.map(asLine).join('\n') + (records.length ? '\n' : ''));
    });
};
