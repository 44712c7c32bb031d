// `gongwen build <files|dirs...> --out DIR`: every report and county roll-up, incrementally and in parallel.
import type { Command } from 'commander';
import { GongwenError, diag } from '../diagnostics.ts';
import { FORMATS, type Format } from '../render/index.ts';
import { VARIANTS, type Variant } from '../schema/report.ts';
import { runBuild } from '../pipeline/pipeline.ts';
import { barReporter, formatSummary, lineReporter, wantsBar } from '../pipeline/progress.ts';
import type { Register } from './commands.ts';

export function parseFormats(s: string): Format[] {
  const list = s.split(',').map((x) => x.trim().toLowerCase()).filter(Boolean);
  const bad = list.filter((f) => !(FORMATS as readonly string[]).includes(f));
  if (bad.length > 0 || list.length === 0) {
    throw new GongwenError(diag('cli.format', `不支持的格式：${bad.join(',') || s}（可用 pdf,docx）`, `unsupported format: ${bad.join(',') || s} (use pdf,docx)`));
  }
  return FORMATS.filter((f) => list.includes(f));
}

export function parseVariant(s: string | undefined): Variant | undefined {
  if (s === undefined) return undefined;
  if (!(VARIANTS as readonly string[]).includes(s)) {
    throw new GongwenError(diag('cli.variant', `未知版式：${s}（可用 ${VARIANTS.join(', ')}）`, `unknown variant: ${s} (use ${VARIANTS.join(', ')})`));
  }
  return s as Variant;
}

function parseJobs(s: string | undefined): number | undefined {
  if (s === undefined) return undefined;
  const n = Number(s);
  if (!Number.isInteger(n) || n < 0 || n > 256) {
    throw new GongwenError(diag('cli.jobs', `--jobs 应为 0–256 的整数：${s}`, `--jobs must be an integer 0–256: ${s}`));
  }
  return n;
}

interface BuildFlags {
  out: string;
  format: string;
  variant?: string;
  draft?: boolean;
  jobs?: string;
  force?: boolean;
}

export const registerBuild: Register = (program: Command, setExit) => {
  program
    .command('build')
    .description('生成 PDF/DOCX 与县级汇总（只重建有变化的） / build PDF/DOCX and county roll-ups (only what changed)')
    .argument('<inputs...>', '报告 YAML 文件或文件夹 / report YAML files or folders')
    .requiredOption('-o, --out <dir>', '输出文件夹 / output folder')
    .option('-f, --format <list>', '格式 / formats: pdf,docx', 'pdf,docx')
    .option('--variant <variant>', `版式（覆盖报告中的设置） / variant override: ${VARIANTS.join(', ')}`)
    .option('--draft', '草稿：印章处画虚线圆 / draft: dashed circle where the seal goes')
    .option('-j, --jobs <n>', '同时生成的线程数（0 或 1 = 只用主线程；默认每核一个） / rendering threads (0 or 1 = main thread only; default one per core)')
    .option('--force', '忽略构建清单，全部重建 / ignore the manifest and rebuild everything')
    .action(async (inputs: string[], flags: BuildFlags) => {
      const reporter = wantsBar(process.stderr)
        ? barReporter(process.stderr)
        : lineReporter((s) => process.stdout.write(s), (s) => process.stderr.write(s));
      const summary = await runBuild(
        {
          inputs,
          outDir: flags.out,
          formats: parseFormats(flags.format),
          variant: parseVariant(flags.variant),
          draft: flags.draft ?? false,
          force: flags.force ?? false,
          jobs: parseJobs(flags.jobs),
        },
        reporter,
      );
      process.stdout.write(formatSummary(summary));
      if (summary.failed.length > 0) setExit(1);
    });
};
