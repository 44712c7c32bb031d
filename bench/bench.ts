// npm run bench [-- --quick]: speed and memory, as medians, on the seeds and on synthetic counties.
// A benchmark, not a test: it prints figures for the README and the issues; nothing here asserts.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { TOOL_ROOT } from '../src/toolRoot.ts';
import { loadReportFile } from '../src/load/index.ts';
import { composeReport } from '../src/compose/report.ts';
import { composeRollup } from '../src/compose/rollup.ts';
import { renderPdfDocument, layoutDocument } from '../src/render/pdf/index.ts';
import { renderDocx } from '../src/render/docx/index.ts';
import { rollupCounty } from '../src/rollup/index.ts';
import { renderGongwen } from '../src/render/index.ts';
import { defaultWriterInputs } from '../src/render/inputs.ts';
import { renderRollupXlsx } from '../src/render/xlsx/index.ts';
import type { Gongwen } from '../src/compose/model.ts';
import { writeDemoCounty } from '../scripts/demo-files.ts';
import { watchAndBuild } from '../src/pipeline/watch.ts';
import { silentReporter } from '../src/pipeline/pipeline.ts';

const ROOT = TOOL_ROOT; // run bundled (bin/run-ts.js), so not import.meta.url
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
function buildCli(inputs: string, out: string, force: boolean): { ms: number; peakMB: number; summary: string } {
  const t = performance.now();
  const args = [join(ROOT, 'bin/gongwen.js'), 'build', inputs, '--out', out, ...(force ? ['--force'] : [])];
  const r = spawnSync(process.execPath, ['--require', join(ROOT, 'bench/peak-rss.cjs'), ...args], {
    encoding: 'utf8',
    env: { ...process.env, CI: '1' },
    maxBuffer: 64 * 1024 * 1024,
  });
  const wall = performance.now() - t;
  const peak = /peak-rss-kb=(\d+)/.exec(r.stderr);
  const summary = r.stdout.split('\n').filter((l) => /^\s+\S+\s+(built|unchanged|failed)\s+\d+$/.test(l)).map((l) => l.trim().replace(/\s+/g, ' ')).join(' | ');
  if (r.status !== 0) throw new Error(`build failed (${r.status}):\n${r.stderr.slice(-2000)}`);
  return { ms: wall, peakMB: peak ? Number(peak[1]) / 1024 : NaN, summary };
}

async function main() {
  const inputs = defaultWriterInputs();
  const seeds = readdirSync(join(ROOT, 'data/seeds')).filter((f) => f.endsWith('.yaml')).sort().map((f) => join(ROOT, 'data/seeds', f));
  const seed000 = seeds.find((f) => f.includes('岔河镇'))!;

  console.log(`gongwen-report benchmark — node ${process.version}, ${quick ? 'quick' : 'full'} run; medians of ${RUNS} runs after ${WARMUP} warm-ups`);
  // First report of a process: fonts parsed, modules compiled, caches cold.
  const [firstPdf] = await time(() => renderPdfDocument(compose(seed000), inputs));
  const [firstDocx] = await time(() => renderDocx(compose(seed000), inputs));
  console.log(`\nfirst report in a fresh process (seed 000): PDF ${ms(firstPdf)}, DOCX ${ms(firstDocx)}`);

  console.log('\nper report, warm, in one process:');
  console.log('  report                 pages   layout      PDF total   DOCX        PDF size');
  const pdfAll: number[] = [];
  const docxAll: number[] = [];
  for (const file of seeds) {
    const doc = compose(file);
    const pages = layoutDocument(doc, inputs).pages.length;
    const layoutMs = await medianOf(() => layoutDocument(doc, inputs));
    const pdfMs = await medianOf(() => renderPdfDocument(doc, inputs));
    const docxMs = await medianOf(() => renderDocx(doc, inputs));
    const size = (await renderPdfDocument(doc, inputs)).bytes.length;
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
    await renderGongwen(composeRollup(s), { ...inputs, formats: ['pdf', 'docx'] });
    await renderRollupXlsx(s);
  };
  const tmp = mkdtempSync(join(tmpdir(), 'gongwen-bench-'));
  const c40 = join(tmp, 'c40', '示例县', '2023');
  writeDemoCounty(c40, 40, 40);
  console.log(`\nroll-up (load, aggregate, PDF + DOCX + XLSX): demo county (14) ${ms(await medianOf(() => rollup(demoDir)))}, synthetic county of 40 ${ms(await medianOf(() => rollup(c40)))}`);

  // Batches through the real command: worker pool, manifest, safe writes. Reports come in counties of 40
  // (each folder with its county.yaml), as they would nationally, so roll-ups are part of the work.
  console.log('\nbatch, `gongwen build` in a child process (PDF + DOCX per report, plus PDF + DOCX + XLSX per county of 40):');
  const sizes = quick ? [40] : [40, 2000];
  let perReport = NaN;
  for (const n of sizes) {
    const root = join(tmp, `batch${n}`);
    for (let k = 0; k * 40 < n; k++) writeDemoCounty(join(root, `县${String(k).padStart(3, '0')}`, '2023'), Math.min(40, n - k * 40), 1000 + k);
    const out = join(tmp, `out${n}`);
    const fulls = Array.from({ length: n <= 40 ? 3 : 1 }, () => buildCli(root, out, true));
    const agains = Array.from({ length: 3 }, () => buildCli(root, out, false));
    const full = median(fulls.map((r) => r.ms));
    const again = median(agains.map((r) => r.ms));
    const peak = Math.max(...fulls.map((r) => r.peakMB));
    perReport = full / n;
    console.log(
      `  ${String(n).padStart(5)} reports: ${(full / 1000).toFixed(1)} s (${(n / (full / 1000)).toFixed(1)} reports/s, ${ms(perReport)} each), peak RSS ${peak.toFixed(0)} MB; ` +
        `no-change rebuild ${(again / 1000).toFixed(2)} s (${((again / full) * 100).toFixed(1)} % of full)`,
    );
    console.log(`         full: ${fulls[0].summary}`);
    // If the code or fonts changed between the runs (someone editing src/), the "no-change" run rebuilt: say so.
    console.log(`         no-change: ${agains[agains.length - 1].summary}`);
  }

  // Watch: save → files written, in process with fonts loaded (what `gongwen watch` does after its first build).
  const wdir = join(tmp, 'watch');
  writeDemoCounty(join(wdir, '示例县', '2023'), 40, 7);
  mkdirSync(join(wdir, 'seeds'));
  copyFileSync(seed000, join(wdir, 'seeds', 'seed000.yaml'));
  const latencies = { alone: [] as number[], county: [] as number[], countyAll: [] as number[] };
  let onRebuilt: ((ms: { reportMs: number; allMs: number }) => void) | undefined;
  const w = watchAndBuild(
    { inputs: [wdir], outDir: join(tmp, 'watch-out'), formats: ['pdf', 'docx'] },
    { reporter: silentReporter, ready: () => {}, rebuilt: (_s, _f, t) => onRebuilt?.(t) },
  );
  await w.ready;
  for (const [kind, file] of [['alone', join(wdir, 'seeds', 'seed000.yaml')], ['county', join(wdir, '示例县', '2023', '示例甲镇.yaml')]] as const) {
    const text = readFileSync(file, 'utf8');
    for (let i = 0; i < 7; i++) {
      const done = new Promise<{ reportMs: number; allMs: number }>((r) => (onRebuilt = r));
      writeFileSync(file, `${text}\n# edit ${i}\n`);
      const t = await done;
      latencies[kind].push(t.reportMs);
      if (kind === 'county') latencies.countyAll.push(t.allMs);
    }
  }
  await w.close();
  console.log(
    `\nwatch, save → files written (median of 7): a report alone ${ms(median(latencies.alone))}; ` +
      `a report in a county of 40 ${ms(median(latencies.county))}, its roll-up done at ${ms(median(latencies.countyAll))}`,
  );

  const national = 38600;
  console.log(`\nprojection: ${national} township-level divisions at ${ms(perReport)} per report ≈ ${((national * perReport) / 60000).toFixed(0)} min on this 2-core machine${quick ? ' (from the 40-report batch, where start-up dominates; run without --quick for the 2,000 figure)' : ''}`);
  console.log(`peak RSS of this benchmark process: ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
  rmSync(tmp, { recursive: true, force: true });
  await (await import('./serve.ts')).benchServe(); // gongwen serve: preview latency and server memory (bench/serve.ts)
}

await main();
