// `gongwen build <files|dirs...> --out DIR`: every report and county roll-up, incrementally and in parallel.
import type { Command } from 'commander';
import { FORMATS, type Format } from '../render/formats.ts';
import type { Register } from './commands.ts';
import { addOptions, OPTIONS, type Flags } from './options.ts';

type BuildFlags = Flags<'out' | 'format' | 'variant' | 'draft' | 'jobs' | 'force', Format>;

export const registerBuild: Register = (program: Command, setExit) => {
  const cmd = program
    .command('build')
    .description('生成 PDF/DOCX 与县级汇总（只重建有变化的） / build PDF/DOCX and county roll-ups (only what changed)')
    .argument('<inputs...>', '报告 YAML 文件或文件夹 / report YAML files or folders');
  addOptions(cmd, OPTIONS.out(), OPTIONS.format(FORMATS), OPTIONS.variant(), OPTIONS.draft(), OPTIONS.jobs(), OPTIONS.force())
    .action(async (inputs: string[], flags: BuildFlags) => {
      // A build of report files that a running `watch` or `serve` could take was offered to it before this
      // process loaded anything (src/pipeline/handoffClient.ts, run by bin/gongwen.js); here it builds itself.
      // Loaded here, not at the top: every command pays only for its own code (`gongwen --help` loads none).
      const [{ runBuild }, { barReporter, formatSummary, lineReporter, wantsBar }] = await Promise.all([
        import('../pipeline/pipeline.ts'),
        import('../pipeline/progress.ts'),
      ]);
      const reporter = wantsBar(process.stderr)
        ? barReporter(process.stderr)
        : lineReporter((s) => process.stdout.write(s), (s) => process.stderr.write(s));
      const summary = await runBuild(
        {
          inputs,
          outDir: flags.out,
          formats: flags.format,
          variant: flags.variant,
          draft: flags.draft ?? false,
          force: flags.force ?? false,
          jobs: flags.jobs,
        },
        reporter,
      );
      process.stdout.write(formatSummary(summary));
      if (summary.failed.length > 0) setExit(1);
    });
};
