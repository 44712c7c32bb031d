// `gongwen rollup <county-dir> --out DIR [--json] [--variant file-down|plain] [--format xlsx,pdf,docx]`:
// the county roll-up as <county><year>汇总.xlsx/.pdf/.docx; --json prints the totals on stdout.
import { join } from 'node:path';
import { writeFileAtomic } from '../pipeline/safeWrite.ts';
import { safeFileName } from '../pipeline/county.ts';
import { GongwenError, diag, formatDiagnostic, type Diagnostic } from '../diagnostics.ts';
import { composeRollup } from '../compose/rollup.ts';
import { renderGongwen, type Format } from '../render/index.ts';
import { defaultWriterInputs } from '../render/inputs.ts';
import { renderRollupXlsx } from '../render/xlsx/index.ts';
import { rollupCounty } from '../rollup/index.ts';
import type { CountySummary } from '../rollup/types.ts';
import { parseVariant } from './build.ts';
import type { Register } from './commands.ts';

const ROLLUP_FORMATS = ['xlsx', 'pdf', 'docx'] as const;
type RollupFormat = (typeof ROLLUP_FORMATS)[number];

function parseRollupFormats(s: string): RollupFormat[] {
  const list = s.split(',').map((x) => x.trim().toLowerCase()).filter(Boolean);
  const bad = list.filter((f) => !(ROLLUP_FORMATS as readonly string[]).includes(f));
  if (bad.length > 0 || list.length === 0) {
    throw new GongwenError(diag('cli.format', `不支持的格式：${bad.join(',') || s}（可用 xlsx,pdf,docx）`, `unsupported format: ${bad.join(',') || s} (use xlsx,pdf,docx)`));
  }
  return ROLLUP_FORMATS.filter((f) => list.includes(f));
}

/** The --json shape: county, year, every township file's status, and per catalogue key the total. */
export function summaryJson(s: CountySummary) {
  return {
    county: s.county,
    year: s.year,
    townships: s.completeness.map((r) => ({ township: r.township, file: r.file ?? null, status: r.status, flags: r.flags, reason: r.reason ?? null })),
    metrics: Object.fromEntries(
      Object.values(s.metrics).map((t) => [
        t.key,
        { sum: t.method === 'sum' ? t.value : null, value: t.value, method: t.method, reported: t.reported, qualifier: t.qualifier ?? null },
      ]),
    ),
    rates: Object.fromEntries(s.rates.map((r) => [r.key, { value: r.value, numerator: r.numeratorSum, denominator: r.denominatorSum, reported: r.reported }])),
    roster: s.roster,
  };
}

interface RollupFlags {
  out: string;
  json?: boolean;
  variant?: string;
  format: string;
  draft?: boolean;
}

export const registerRollup: Register = (program, setExit) => {
  program
    .command('rollup')
    .description('县级汇总：合计、完整性、主题归纳，输出 XLSX/PDF/DOCX / county roll-up: totals, completeness, themes as XLSX/PDF/DOCX')
    .argument('<county-dir>', '含 county.yaml 与各乡镇报告的文件夹 / folder with county.yaml and the township reports')
    .requiredOption('-o, --out <dir>', '输出文件夹 / output folder')
    .option('--json', '在标准输出打印汇总 JSON / print the totals as JSON on stdout')
    .option('--variant <variant>', '版式 file-down（默认）或 plain / variant: file-down (default) or plain')
    .option('--format <list>', '输出格式 / formats', 'xlsx,pdf,docx')
    .option('--draft', 'PDF 中以虚线圆标出印章位置 / dashed circle where the seal goes')
    .action(async (dir: string, opts: RollupFlags) => {
      const formats = parseRollupFormats(opts.format);
      const variant = parseVariant(opts.variant);
      if (variant === 'file-up') {
        throw new GongwenError(diag('cli.variant', '汇总报告为下行文，版式只能是 file-down 或 plain', 'the roll-up goes down: use file-down or plain'));
      }
      const summary = rollupCounty(dir);
      const problems: Diagnostic[] = [...summary.diagnostics];
      const base = join(opts.out, safeFileName(`${summary.county}${summary.year}汇总`));
      const written: string[] = [];
      if (formats.includes('xlsx')) {
        await writeFileAtomic(`${base}.xlsx`, await renderRollupXlsx(summary));
        written.push(`${base}.xlsx`);
      }
      const docFormats = formats.filter((f): f is Format => f !== 'xlsx');
      if (docFormats.length > 0) {
        const doc = composeRollup(summary, { variant });
        try {
          const rendered = await renderGongwen(doc, { ...defaultWriterInputs(), formats: docFormats, draft: opts.draft });
          problems.push(...rendered.warnings);
          for (const f of rendered.files) {
            await writeFileAtomic(`${base}.${f.format}`, f.bytes);
            written.push(`${base}.${f.format}`);
          }
        } catch (e) {
          if (e instanceof GongwenError) problems.push(...e.diagnostics);
          else {
            // A writer not yet available (or failing) must not cost the office the workbook already written.
            const msg = e instanceof Error ? e.message : String(e);
            problems.push(diag('render.unavailable', `无法生成 ${docFormats.join('/')}：${msg}`, `cannot write ${docFormats.join('/')}: ${msg}`));
          }
        }
      }
      for (const d of problems) process.stderr.write(formatDiagnostic(d) + '\n');
      if (problems.some((d) => d.severity === 'error')) setExit(1);
      if (opts.json) process.stdout.write(JSON.stringify(summaryJson(summary), null, 2) + '\n');
      else process.stdout.write(written.map((f) => `→ ${f}\n`).join(''));
    });
};
