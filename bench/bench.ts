// npm run bench [-- --quick] [-- --only serve]: what a user waits for, as whole processes, next to the targets of issue 13 and
// to a Typst 公文 template doing the same work in the same run; then where the time goes.
// A benchmark, not a test: it prints figures for the README and the issues; nothing here asserts.
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import { TOOL_ROOT } from '../src/toolRoot.ts';
import { loadReportText } from '../src/load/index.ts';
import { composeReport } from '../src/compose/report.ts';
import { renderGongwen } from '../src/render/index.ts';
import { defaultWriterInputs } from '../src/render/inputs.ts';
import { writeFileAtomic } from '../src/pipeline/safeWrite.ts';
import { writeDemoCounty } from '../scripts/demo-files.ts';
import { JOB_MS, WORKER_START_MS, workersFor } from '../src/pipeline/executor.ts';

const ROOT = TOOL_ROOT; // run bundled (bin/run-ts.js), so not import.meta.url
const BIN = join(ROOT, 'bin', 'gongwen.js');
const PEAK = join(ROOT, 'bench', 'peak-rss.cjs');
const quick = process.argv.includes('--quick');
const ROUNDS = Number(/^--rounds=(\d+)$/.exec(process.argv.find((a) => a.startsWith('--rounds=')) ?? '')?.[1] ?? 6); // --rounds=N to try it out

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const fmt = (msv: number) => (msv >= 1000 ? `${(msv / 1000).toFixed(2)} s` : `${msv.toFixed(0)} ms`);

interface Proc {
  ms: number; // wall
  cpuMs: number; // user + system of the whole process (all threads)
  peakMB: number;
}

/** Runs `node [--require peak-rss] args` and measures it; fails loudly if it fails. */
function proc(args: string[], env: NodeJS.ProcessEnv = {}): Proc {
  const t = performance.now();
  const r = spawnSync(process.execPath, ['--require', PEAK, ...args], {
    encoding: 'utf8',
    env: { ...process.env, CI: '1', ...env },
    maxBuffer: 64 * 1024 * 1024,
  });
  const ms = performance.now() - t;
  if (r.status !== 0) throw new Error(`${args.join(' ')} failed (${r.status}):\n${r.stderr.slice(-2000)}`);
  const m = /peak-rss-kb=(\d+) cpu-us=(\d+)/.exec(r.stderr);
  return { ms, cpuMs: m ? Number(m[2]) / 1000 : NaN, peakMB: m ? Number(m[1]) / 1024 : NaN };
}

const typstInstalled = (() => {
  try {
    createRequire(join(ROOT, 'package.json')).resolve('@myriaddreamin/typst-ts-node-compiler');
    return true;
  } catch {
    return false;
  }
})();

/**
 * This VM sets NODE_EXTRA_CA_CERTS, which makes every Node process read and parse a 220 kB certificate bundle
 * before any script runs (about 50 ms here); a clerk's or a county office's PC does not set it, and gongwen makes
 * no TLS connection. So each process row is run both ways, interleaved, and printed with both walls; the verdict
 * is on the first (this VM as it is), the second is shown beside it.
 */
const caCerts = process.env.NODE_EXTRA_CA_CERTS;
const BARE = { NODE_EXTRA_CA_CERTS: undefined };

interface Runs {
  as: Proc[]; // the environment as it is
  bare: Proc[]; // without NODE_EXTRA_CA_CERTS (empty when it is not set)
}
const newRuns = (): Runs => ({ as: [], bare: [] });
/** `before` runs before each process: a row that must not find the file in the loader's memo edits it first. */
function measure(into: Runs, args: string[], before?: () => void): void {
  before?.();
  into.as.push(proc(args));
  if (!caCerts) return;
  before?.();
  into.bare.push(proc(args, BARE));
}

function row(what: string, runs: Runs | Proc[], target: string, met: boolean | undefined): void {
  const { as, bare } = Array.isArray(runs) ? { as: runs, bare: [] } : runs;
  const wall = median(as.map((r) => r.ms));
  const cpu = median(as.map((r) => r.cpuMs));
  const verdict = met === undefined ? '' : met ? 'met' : 'NOT met';
  const bareWall = bare.length ? fmt(median(bare.map((r) => r.ms))) : '';
  console.log(`  ${what.padEnd(52)} ${fmt(wall).padStart(9)} ${fmt(cpu).padStart(9)} ${bareWall.padStart(11)}   ${target.padEnd(26)} ${verdict}`);
}
const wallOf = (r: Runs) => median(r.as.map((p) => p.ms));

async function main() {
  const tmp = mkdtempSync(join(tmpdir(), 'gongwen-bench-'));
  const c40 = join(tmp, 'c40', '示例县', '2023');
  writeDemoCounty(c40, 40, 1000);
  // The 40 reports without their county.yaml: the row is reports only, as the Typst peer does.
  const r40 = join(tmp, 'r40');
  mkdirSync(r40);
  const files40 = readdirSync(c40).filter((f) => f !== 'county.yaml').sort();
  for (const f of files40) copyFileSync(join(c40, f), join(r40, f));
  const one = join(ROOT, 'data', 'seeds', '岔河镇-2023.yaml');
  const out = (name: string) => join(tmp, `out-${name}`);
  // Seed 000 as a clerk's edit: a comment line that changes on every run, so the loader's memo (src/load/memo.ts),
  // which the rows above find warm, never has it: the cost of a file seen for the first time.
  mkdirSync(join(tmp, 'edited'));
  const edited = join(tmp, 'edited', basename(one));
  let edits = 0;
  const edit = () => writeFileSync(edited, `${readFileSync(one, 'utf8')}\n# edit ${++edits}\n`);

  console.log(`gongwen-report benchmark — node ${process.version}, ${cpus().length} CPUs (${cpus()[0]?.model ?? '?'}), ${quick ? 'quick' : 'full'} run`);
  console.log(`whole processes, medians of ${ROUNDS} interleaved rounds; wall time and CPU time (user + system, all threads)`);
  console.log(`load average at the start: ${loadavg().map((l) => l.toFixed(2)).join(' ')} (wall times mean little when it is above 1)\n`);
  console.log(`  ${'run'.padEnd(52)} ${'wall'.padStart(9)} ${'CPU'.padStart(9)} ${(caCerts ? 'wall, no CA' : '').padStart(11)}   ${'target'.padEnd(26)}`);

  // Warm the bundle cache and the font-manifest cache once, as any second use of the tool would find them.
  proc([BIN, 'build', one, '--out', out('warm'), '--format', 'pdf']);
  const runs = { b40: newRuns(), typst: newRuns(), one: newRuns(), oneEdited: newRuns(), oneBoth: newRuns(), noop: newRuns(), help: newRuns(), validate: newRuns(), validateEdited: newRuns(), node: newRuns() };
  for (let i = 0; i < ROUNDS; i++) {
    measure(runs.b40, [BIN, 'build', r40, '--out', out('40'), '--format', 'pdf', '--force']);
    if (typstInstalled) measure(runs.typst, [join(ROOT, 'bench', 'typst', 'peer.mjs'), out('typst'), ...files40.map((f) => join(r40, f))]);
    measure(runs.one, [BIN, 'build', one, '--out', out('one'), '--format', 'pdf', '--force']);
    measure(runs.oneEdited, [BIN, 'build', edited, '--out', out('edited'), '--format', 'pdf', '--force'], edit);
    measure(runs.oneBoth, [BIN, 'build', one, '--out', out('oneBoth'), '--force']);
    measure(runs.noop, [BIN, 'build', r40, '--out', out('40'), '--format', 'pdf']);
    measure(runs.help, [BIN, '--help']);
    measure(runs.validate, [BIN, 'validate', one]);
    measure(runs.validateEdited, [BIN, 'validate', edited], edit);
    measure(runs.node, ['-e', '0']);
  }
  const typst = typstInstalled ? wallOf(runs.typst) : NaN;
  const b40 = wallOf(runs.b40);
  row('40 reports to PDF, cold (gongwen build --force)', runs.b40, `≤ 0.9 s and ≤ 0.5 × Typst`, b40 <= 900 && (!typstInstalled || b40 <= 0.5 * typst));
  if (typstInstalled) {
    row('  the same 40 with the Typst 公文 template (peer)', runs.typst, '', undefined);
    const bareRatio = caCerts ? `; without NODE_EXTRA_CA_CERTS ${(median(runs.b40.bare.map((r) => r.ms)) / median(runs.typst.bare.map((r) => r.ms))).toFixed(2)}` : '';
    console.log(`  ${''.padEnd(52)} ratio gongwen / Typst: ${(b40 / typst).toFixed(2)}${bareRatio}`);
  } else console.log('  (Typst peer not installed: npm install to get @myriaddreamin/typst-ts-node-compiler)');
  row('one report to PDF, cold (seed 000)', runs.one, '≤ 400 ms', wallOf(runs.one) <= 400);
  row('  the same, first sight of the file (edited)', runs.oneEdited, '', undefined);
  row('  the same to PDF + DOCX', runs.oneBoth, '', undefined);
  row('no-change rebuild of the 40', runs.noop, '≤ 150 ms', wallOf(runs.noop) <= 150);
  row('gongwen --help', runs.help, '≤ 250 ms', wallOf(runs.help) <= 250);
  row('gongwen validate (one file)', runs.validate, '≤ 250 ms', wallOf(runs.validate) <= 250);
  row('  the same, first sight of the file (edited)', runs.validateEdited, '', undefined);
  row("Node's own start (node -e 0), the floor", runs.node, '', undefined);

  if (!quick) {
    const root = join(tmp, 'batch2000');
    for (let k = 0; k < 50; k++) writeDemoCounty(join(root, `县${String(k).padStart(3, '0')}`, '2023'), 40, 1000 + k);
    const full = proc([BIN, 'build', root, '--out', out('2000'), '--force']);
    const again = proc([BIN, 'build', root, '--out', out('2000')]);
    const what = '2,000 reports + 50 roll-ups, PDF + DOCX (+ XLSX)';
    console.log(
      `  ${what.padEnd(52)} ${fmt(full.ms).padStart(9)} ${fmt(full.cpuMs).padStart(9)} ${''.padStart(11)}   ${'≤ 30 s, ≤ 400 MB'.padEnd(26)} ${full.ms <= 30000 && full.peakMB <= 400 ? 'met' : 'NOT met'} (peak RSS ${full.peakMB.toFixed(0)} MB, one run)`,
    );
    console.log(`  ${'  no-change rebuild of those 2,000'.padEnd(52)} ${fmt(again.ms).padStart(9)} ${fmt(again.cpuMs).padStart(9)}`);
  }

  // Threads: the measurement behind executor.ts's choice. The same batch on the main thread alone and with
  // two workers (--jobs 2), interleaved; then what the default chose.
  console.log(`\nthreads (PDF + DOCX, medians of 3 interleaved runs; the default starts workers when n · ${JOB_MS} ms · (1 − 1/speedup) > ${WORKER_START_MS} ms):`);
  for (const n of quick ? [40] : [40, 200]) {
    const dir = join(tmp, `threads${n}`);
    for (let k = 0; k * 40 < n; k++) writeDemoCounty(join(dir, `县${k}`, '2023'), 40, 2000 + k);
    const alone: Proc[] = [];
    const two: Proc[] = [];
    for (let i = 0; i < 3; i++) {
      alone.push(proc([BIN, 'build', dir, '--out', out(`t${n}a`), '--force', '--jobs', '1']));
      two.push(proc([BIN, 'build', dir, '--out', out(`t${n}b`), '--force', '--jobs', '2']));
    }
    const jobs = n + Math.ceil(n / 40);
    const [a, b] = [median(alone.map((r) => r.ms)), median(two.map((r) => r.ms))];
    console.log(
      `  ${String(jobs).padStart(4)} jobs: main thread alone ${fmt(a)} (CPU ${fmt(median(alone.map((r) => r.cpuMs)))}), ` +
        `with two workers (--jobs 2) ${fmt(b)} (CPU ${fmt(median(two.map((r) => r.cpuMs)))}): ${(a / b).toFixed(2)}×; the default starts ${workersFor(jobs, cpus().length)} worker(s) here`,
    );
  }

  // The whole path of one report in a warm process, per distinct report: load + validate + compose + layout +
  // PDF + write. Each of the 40 different reports once per round (no repeated document to flatter caches).
  const inputs = defaultWriterInputs();
  const perReport: number[] = [];
  const perSeed: number[] = [];
  const wout = out('path');
  const path = async (file: string) => {
    // Parsed and validated afresh, not recalled from the loader's memo (src/load/memo.ts): the whole path.
    const loaded = loadReportText(readFileSync(file, 'utf8'), file);
    if (!loaded.ok) throw new Error(`${file} does not validate`);
    const doc = composeReport(loaded.report, { baseDir: dirname(file) });
    const r = await renderGongwen(doc, { ...inputs, formats: ['pdf'] });
    await writeFileAtomic(join(wout, 'x.pdf'), r.files[0].bytes);
  };
  await path(one); // the first report of the process: modules and fonts
  for (let round = 0; round < 3; round++) {
    for (const f of files40) {
      const t = performance.now();
      await path(join(r40, f));
      if (round > 0) perReport.push(performance.now() - t);
    }
  }
  const seeds = readdirSync(join(ROOT, 'data', 'seeds')).filter((f) => f.endsWith('.yaml')).map((f) => join(ROOT, 'data', 'seeds', f));
  for (let round = 0; round < 5; round++) {
    for (const f of seeds) {
      const t = performance.now();
      await path(f);
      if (round > 0) perSeed.push(performance.now() - t);
    }
  }
  console.log(`\nper report, warm, whole path (load, validate, compose, layout, PDF, write), each distinct report in turn:`);
  console.log(`  the 40 synthetic reports: median ${perReport.length ? median(perReport).toFixed(1) : '?'} ms; the five seeds: median ${median(perSeed).toFixed(1)} ms (target about 13 ms for seed 000)`);

  // Watch: save → files written; and `gongwen build FILE` handed to the running watcher.
  const wdir = join(tmp, 'watch');
  mkdirSync(join(wdir, 'seeds'), { recursive: true });
  const wfile = join(wdir, 'seeds', 'seed000.yaml');
  copyFileSync(one, wfile);
  const wout2 = out('watch');
  const watcher = spawn(process.execPath, [BIN, 'watch', wdir, '--out', wout2, '--format', 'pdf'], { env: { ...process.env, CI: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
  let wtext = '';
  watcher.stdout.on('data', (b: Buffer) => (wtext += b.toString()));
  try {
    await new Promise<void>((r, j) => {
      const t = setInterval(() => wtext.includes('watching') && (clearInterval(t), r()), 50);
      watcher.on('exit', () => j(new Error('watch exited')));
    });
    const saves: number[] = [];
    const handoffs = newRuns();
    const text = readFileSync(wfile, 'utf8');
    for (let i = 0; i < 5; i++) {
      const seen = wtext.length;
      writeFileSync(wfile, `${text}\n# edit ${i}\n`);
      await new Promise<void>((r) => {
        const t = setInterval(() => /save→written/.test(wtext.slice(seen)) && (clearInterval(t), r()), 10);
      });
      saves.push(Number(/\((\d+) ms 保存→写出/.exec(wtext.slice(seen))?.[1]));
      measure(handoffs, [BIN, 'build', wfile, '--out', wout2, '--format', 'pdf']);
    }
    console.log(`\nwatch (PDF): save → written, median of 5: ${fmt(median(saves))} (target ≤ 300 ms)`);
    row('`gongwen build FILE` taken over by the running watch', handoffs, '< 100 ms', wallOf(handoffs) < 100);
  } finally {
    watcher.kill('SIGINT');
    await new Promise((r) => watcher.once('exit', r));
  }
  console.log(`\nload average at the end: ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  console.log(`peak RSS of this benchmark process: ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
  rmSync(tmp, { recursive: true, force: true });
  await (await import('./serve.ts')).benchServe(); // gongwen serve: preview latency and server memory (bench/serve.ts)
}

// `--only serve`: the editor's preview latency and memory alone (bench/serve.ts), without the builds.
if (process.argv.includes('--only') && process.argv[process.argv.indexOf('--only') + 1] === 'serve') {
  console.log(`gongwen serve benchmark — load average at the start: ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  await (await import('./serve.ts')).benchServe();
  console.log(`load average at the end: ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
} else await main();
