// `gongwen watch <paths...> --out DIR`: rebuild a report and its county roll-up each time it is saved.
import type { Command } from 'commander';
import { formatDiagnostic } from '../diagnostics.ts';
import { FORMATS, type Format } from '../render/formats.ts';
import type { Register } from './commands.ts';
import { addOptions, OPTIONS, type Flags } from './options.ts';

type WatchFlags = Flags<'out' | 'format' | 'variant' | 'draft', Format>;

export const registerWatch: Register = (program: Command) => {
  const cmd = program
    .command('watch')
    .description('监视 YAML 文件，保存即重新生成 / rebuild on every save')
    .argument('<paths...>', '报告 YAML 文件或文件夹 / report YAML files or folders');
  addOptions(cmd, OPTIONS.out(), OPTIONS.format(FORMATS), OPTIONS.variant(), OPTIONS.draft())
    .action(async (paths: string[], flags: WatchFlags) => {
      const [{ lineReporter }, { watchAndBuild }, { displayPath }] = await Promise.all([
        import('../pipeline/progress.ts'),
        import('../pipeline/watch.ts'),
        import('../pipeline/plan.ts'),
      ]);
      const out = (s: string) => process.stdout.write(s);
      const err = (s: string) => process.stderr.write(s);
      // Errors are printed with their position by the line reporter; watching goes on.
      const reporter = lineReporter(() => {}, err);
      const w = watchAndBuild(
        { inputs: paths, outDir: flags.out, formats: flags.format, variant: flags.variant, draft: flags.draft ?? false },
        {
          reporter: { ...reporter, done: (_job, r) => { if (!r.ok) for (const d of r.diagnostics) err(formatDiagnostic(d) + '\n'); } },
          ready: () => out(`正在监视 watching ${paths.join(' ')} → ${flags.out}（Ctrl+C 退出 / to stop）\n`),
          rebuilt: (s, files, { reportMs, allMs }) => {
            const names = files.map(displayPath).join(', ');
            if (s.failed.length > 0) out(`✗ ${names}: ${s.failed.length} 项失败 failed\n`);
            if (s.built.length > 0) {
              const all = allMs > reportMs + 5 ? `; 含汇总 with roll-up ${Math.round(allMs)} ms` : '';
              out(`✓ ${s.built.join(', ')} 已更新 rebuilt (${Math.round(reportMs)} ms 保存→写出 save→written${all})\n`);
            }
          },
        },
      );
      await w.ready;
      // Runs until interrupted; Ctrl+C closes the watcher cleanly.
      await new Promise<void>((resolveStop) => {
        const stop = () => void w.close().then(resolveStop);
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
    });
};
