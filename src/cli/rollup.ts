// `gongwen rollup <county-dir> --out DIR [--json] [--variant file-down|plain] [--format xlsx,pdf,docx]`:
// the county roll-up as <county><year>汇总.xlsx/.pdf/.docx; --json prints the totals on stdout.
import { join } from 'node:path';
import { GongwenError, diag, formatDiagnostic, type Diagnostic } from '../diagnostics.ts';
import type { Format } from '../render/index.ts';
import type { CountySummary } from '../rollup/types.ts';
import type { Register } from './commands.ts';
import { addOptions, OPTIONS, type Flags } from './options.ts';

const ROLLUP_FORMATS = ['xlsx', 'pdf', 'docx'] as const;
type RollupFormat = (typeof ROLLUP_FORMATS)[number];

/**
 * The --json shape: county, year, every township file's status, and per catalogue key the total, how many
 * townships gave it, and how many of those figures were found in the text rather than declared (fromText).
 */
export function summaryJson(s: CountySummary) {
  return {
    county: s.county,
    year: s.year,
    townships: s.completeness.map((r) => ({ township: r.township, file: r.file ?? null, status: r.status, flags: r.flags, reason: r.reason ?? null })),
    metrics: Object.fromEntries(
      Object.values(s.metrics).map((t) => [
        t.key,
        { sum: t.method === 'sum' ? t.value : null, value: t.value, method: t.method, reported: t.reported, fromText: t.fromText.length, fromTextTownships: t.fromText, qualifier: t.qualifier ?? null },
      ]),
    ),
    rates: Object.fromEntries(s.rates.map((r) => [r.key, { value: r.value, numerator: r.numeratorSum, denominator: r.denominatorSum, reported: r.reported }])),
    roster: s.roster,
  };
}

type RollupFlags = Flags<'out' | 'variant' | 'format' | 'draft', RollupFormat> & { json?: boolean };

export const registerRollup: Register = (program, setExit) => {
  const cmd = program
    .command('rollup')
    .description('县级汇总：合计、完整性、主题归纳，输出 XLSX/PDF/DOCX / county roll-up: totals, completeness, themes as XLSX/PDF/DOCX')
    .argument('<county-dir>', '含 county.yaml 与各乡镇报告的文件夹 / folder with county.yaml and the township reports');
  addOptions(
    cmd,
    OPTIONS.out(),
    // The roll-up goes down: file-down (the default, or county.yaml's) or plain, never file-up.
    OPTIONS.variant(['file-down', 'plain'], '版式（汇总为下行文） / variant (the roll-up goes down)'),
    OPTIONS.format(ROLLUP_FORMATS),
    OPTIONS.draft(),
  )
    .option('--json', '在标准输出打印汇总 JSON / print the totals as JSON on stdout')
    .action(async (dir: string, opts: RollupFlags) => {
      const { format: formats, variant } = opts;
      // Loaded here, not at the top: other commands never pay for the roll-up and workbook code (exceljs).
      const [{ writeFileAtomic }, { safeFileName }, { composeRollup }, { renderGongwen }, { defaultWriterInputs }, { renderRollupXlsx }, { rollupCounty }] =
        await Promise.all([
          import('../pipeline/safeWrite.ts'),
          import('../pipeline/county.ts'),
          import('../compose/rollup.ts'),
          import('../render/index.ts'),
          import('../render/inputs.ts'),
          import('../render/xlsx/index.ts'),
          import('../rollup/index.ts'),
        ]);
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
            problems.push(diag('render.unavailable', { formats: docFormats.join('/'), msg }));
          }
        }
      }
      for (const d of problems) process.stderr.write(formatDiagnostic(d) + '\n');
      if (problems.some((d) => d.severity === 'error')) setExit(1);
      if (opts.json) process.stdout.write(JSON.stringify(summaryJson(summary), null, 2) + '\n');
      else process.stdout.write(written.map((f) => `→ ${f}\n`).join(''));
    });
};
