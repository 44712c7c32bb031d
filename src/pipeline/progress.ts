// Progress and the closing summary: a bar on a terminal, plain lines in a log (not a TTY, or CI set).
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type CliProgress from 'cli-progress';
import { TOOL_ROOT } from '../toolRoot.ts';
import { formatDiagnostic, type Diagnostic } from '../diagnostics.ts';
import type { BuildSummary, Reporter } from './pipeline.ts';
import { displayPath } from './plan.ts';

type Write = (s: string) => void;

export function wantsBar(stream: NodeJS.WriteStream): boolean {
  return Boolean(stream.isTTY) && !process.env.CI;
}

/** Plain lines: one per finished job, errors in full as they happen. */
export function lineReporter(out: Write, err: Write): Reporter {
  let total = 0;
  let n = 0;
  return {
    start(t, skipped) {
      total = t;
      if (skipped > 0) out(`${skipped} 项未变化，跳过 / ${skipped} unchanged, skipped\n`);
    },
    done(p, r) {
      n += 1;
      const tag = r.ok ? '已生成 built' : '失败 failed';
      out(`[${n}/${total}] ${tag} ${p.label} (${Math.round(r.ms)} ms)\n`);
      if (!r.ok) for (const d of r.diagnostics) err(formatDiagnostic(d) + '\n');
    },
    warn: (d) => err(formatDiagnostic(d) + '\n'),
  };
}

/** A progress bar on a terminal; errors and warnings are printed above it as they come. */
export function barReporter(stream: NodeJS.WriteStream): Reporter {
  // Required here, not imported: a build in a log or with nothing to do never draws a bar (about 10 ms to load).
  const cliProgress = createRequire(join(TOOL_ROOT, 'package.json'))('cli-progress') as typeof CliProgress;
  const bar = new cliProgress.SingleBar(
    { stream, format: '生成 building [{bar}] {value}/{total} {label}', hideCursor: true, clearOnComplete: true },
    cliProgress.Presets.shades_classic,
  );
  let active = false;
  const above = (text: string) => {
    if (active) {
      stream.write('\r\x1b[K' + text);
      bar.render();
    } else stream.write(text);
  };
  return {
    start(total, skipped) {
      if (skipped > 0) stream.write(`${skipped} 项未变化，跳过 / ${skipped} unchanged, skipped\n`);
      if (total > 0) {
        bar.start(total, 0, { label: '' });
        active = true;
      }
    },
    done(p, r) {
      if (!r.ok) above(r.diagnostics.map((d) => formatDiagnostic(d)).join('\n') + '\n');
      bar.increment(1, { label: p.label });
      if (bar.getProgress() >= 1 && active) {
        bar.stop();
        active = false;
      }
    },
    warn: (d: Diagnostic) => above(formatDiagnostic(d) + '\n'),
  };
}

/** The table printed at the end: counts, then each failure with its first reason. */
export function formatSummary(s: BuildSummary): string {
  const lines = [
    '',
    `结果 summary (${(s.ms / 1000).toFixed(1)} s${s.threads > 0 ? `, ${s.threads} worker thread${s.threads > 1 ? "s" : ""}` : ''})`,
    `  已生成       built      ${String(s.built.length).padStart(6)}`,
    `  未变化跳过   unchanged  ${String(s.skipped.length).padStart(6)}`,
    `  失败         failed     ${String(s.failed.length).padStart(6)}`,
  ];
  if (s.removed.length > 0) {
    lines.push(`  已删除过期   removed    ${String(s.removed.length).padStart(6)}  （来源已删除或本次失败的旧输出 / stale outputs of a deleted source or a failed job）`);
    for (const f of s.removed) lines.push(`    - ${displayPath(f)}`);
  }
  if (s.failed.length > 0) {
    lines.push('', '失败原因 failures:');
    for (const f of s.failed) {
      const first = f.diagnostics.find((d) => d.severity === 'error') ?? f.diagnostics[0];
      const more = f.diagnostics.length > 1 ? ` (+${f.diagnostics.length - 1})` : '';
      lines.push(`  ${f.label}`, `    ${first ? formatDiagnostic(first).split('\n')[0] : '?'}${more}`);
    }
  }
  return lines.join('\n') + '\n';
}
