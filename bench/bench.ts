// npm run bench [-- --quick]: speed and memory, as medians, on the seeds and on synthetic counties.
// A benchmark, not a test: it prints figures for the README and the issues; nothing here asserts.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadReportFile } from '../src/load/index.ts';
import { composeReport } from '../src/compose/report.ts';
import { composeRollup } from '../src/compose/rollup.ts';
import { renderPdfDocument, layoutDocument } from '../src/render/pdf/index.ts';
import { renderDocx } from '../src/render/docx/index.ts';
import { rollupCounty } from '../src/rollup/index.ts';
import { renderGongwen } from '../src/render/index.ts';
import type { Gongwen } from '../src/compose/model.ts';
import { writeDemoCounty } from '../scripts/make-demo-county.ts';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const quick = process.argv.includes('--quick');
const WARMUP = 3;
const RUNS = 20;

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const ms = (x: number) => `${x.toFixed(1)} ms`;

async function time<T>(f: () => Promise<T> | T): Promise<[number, T]> {
  const t = performance.now();
  const r = await f();
  return [performance.now() - t, r];
}

async function medianOf(f: () => Promise<unknown> | unknown): Promise<number> {
  for (let i = 0; i < WARMUP; i++) await f();
  const xs: number[] = [];
  for (let i = 0; i < RUNS; i++) xs.push((await time(f))[0]);
  return median(xs);
}

function compose(file: string): Gongwen {
  const loaded = loadReportFile(file);
  if (!loaded.ok) throw new Error(`${file} does not validate`);
  return composeReport(loaded.report, { baseDir: dirname(file) });
}

/** Runs `gongwen build` in a child process; returns wall time and its peak RSS (all threads). */
function buildCli(inputs: string, out: string): { ms: number; peakMB: number; summary: string } {
  const t = performance.now();
  const r = spawnSync(process.execPath, ['--require', join(ROOT, 'bench/peak-rss.cjs'), join(ROOT, 'bin/gongwen.js'), 'build', inputs, '--out', out], {
    encoding: 'utf8',
    env: { ...process.env, CI: '1' },
    maxBuffer: 64 * 1024 * 1024,
  });
  const wall = performance.now() - t;
  const peak = /peak-rss-kb=(\d+)/.exec(r.stderr);
  const summary = (r.stdout + r.stderr).split('\n').filter((l) => /built|unchanged|failed/.test(l) && /\d/.test(l)).slice(-3).join(' | ');
  if (r.status !== 0) throw new Error(`build failed (${r.status}):\n${r.stderr.slice(-2000)}`);
  return { ms: wall, peakMB: peak ? Number(peak[1]) / 1024 : NaN, summary };
}

async function main() {
  const seeds = readdirSync(join(ROOT, 'data/seeds')).filter((f) => f.endsWith('.yaml')).sort().map((f) => join(ROOT, 'data/seeds', f));
  const seed000 = seeds.find((f) => f.includes('岔河镇'))!;

  console.log(`gongwen-report benchmark — node ${process.version}, ${quick ? 'quick' : 'full'} run; medians of ${RUNS} runs after ${WARMUP} warm-ups`);
  // First report of a process: fonts parsed, modules compiled, caches cold.
  const [firstPdf] = await time(() => renderPdfDocument(compose(seed000)));
  const [firstDocx] = await time(() => renderDocx(compose(seed000)));
  console.log(`\nfirst report in a fresh process (seed 000): PDF ${ms(firstPdf)}, DOCX ${ms(firstDocx)}`);

  console.log('\nper report, warm, in one process:');
  console.log('  report                 pages   layout      PDF total   DOCX        PDF size');
  const pdfAll: number[] = [];
  const docxAll: number[] = [];
  for (const file of seeds) {
    const doc = compose(file);
    const pages = layoutDocument(doc).pages.length;
    const layoutMs = await medianOf(() => layoutDocument(doc));
    const pdfMs = await medianOf(() => renderPdfDocument(doc));
    const docxMs = await medianOf(() => renderDocx(doc));
    const size = (await renderPdfDocument(doc)).bytes.length;
    pdfAll.push(pdfMs);
    docxAll.push(docxMs);
    const name = file.split('/').pop()!.replace('.yaml', '');
    console.log(`  ${name.padEnd(20)} ${String(pages).padStart(5)}   ${ms(layoutMs).padEnd(10)}  ${ms(pdfMs).padEnd(10)}  ${ms(docxMs).padEnd(10)}  ${(size / 1024).toFixed(0)} KB`);
  }
  console.log(`  median over the seeds: PDF ${ms(median(pdfAll))}, DOCX ${ms(median(docxAll))}`);

  // Roll-ups: the demo county from disk, and a synthetic county of 40 townships.
  const demoDir = join(ROOT, 'data/示例县/2023');
  const rollup = async (dir: string) => {
    const s = rollupCounty(dir);
    await renderGongwen(composeRollup(s), { formats: ['pdf', 'docx'] });
  };
  const tmp = mkdtempSync(join(tmpdir(), 'gongwen-bench-'));
  const c40 = join(tmp, 'c40', '示例县', '2023');
  writeDemoCounty(c40, 40, 40);
  console.log(`\nroll-up (load, aggregate, PDF + DOCX): demo county (14) ${ms(await medianOf(() => rollup(demoDir)))}, synthetic county of 40 ${ms(await medianOf(() => rollup(c40)))}`);

  // Batches through the real command: worker pool, manifest, safe writes.
  console.log('\nbatch, `gongwen build` in a child process (PDF + DOCX, and the county roll-up):');
  const sizes = quick ? [40] : [40, 2000];
  let perReport = NaN;
  for (const n of sizes) {
    const dir = join(tmp, `c${n}b`, '示例县', '2023');
    writeDemoCounty(dir, n, n);
    const out = join(tmp, `out${n}`);
    const full = buildCli(join(tmp, `c${n}b`), out);
    const again = buildCli(join(tmp, `c${n}b`), out);
    perReport = full.ms / n;
    console.log(
      `  ${String(n).padStart(5)} reports: ${(full.ms / 1000).toFixed(1)} s (${(n / (full.ms / 1000)).toFixed(1)} reports/s), peak RSS ${full.peakMB.toFixed(0)} MB; ` +
        `no-change rebuild ${(again.ms / 1000).toFixed(2)} s (${((again.ms / full.ms) * 100).toFixed(1)} % of full)`,
    );
  }
  const national = 38600;
  console.log(`\nprojection: ${national} township-level divisions at ${ms(perReport)} per report ≈ ${((national * perReport) / 60000).toFixed(0)} min on this 2-core machine`);
  console.log(`peak RSS of this benchmark process: ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
  rmSync(tmp, { recursive: true, force: true });
}

await main();
