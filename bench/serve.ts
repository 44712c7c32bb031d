// `gongwen serve` figures for `npm run bench`: keystroke-pause → preview-updated latency on seed 000 (岔河镇),
// measured in a real browser, and the server's memory after editing 50 reports. The server runs as its own
// process (the real `gongwen serve`), so its resident memory is its own.
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseDocument } from 'yaml';
import { TOOL_ROOT } from '../src/toolRoot.ts';
import { launchBrowser } from '../tests/helpers/browser.ts';
import { firstParagraph, post, send } from '../tests/helpers/serve.ts';
import type { Opened, SaveResponse } from '../src/serve/protocol.ts';

const SEED_000 = 'seeds/岔河镇-2023.yaml';
const EDITS = 10;
const REPORTS = 50;

const PARTS = ['pause', 'server', 'fetch', 'load', 'draw'] as const;
type Part = (typeof PARTS)[number];

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

function startServe(data: string): Promise<{ child: ChildProcess; url: string; port: number }> {
  const child = spawn(process.execPath, [join(TOOL_ROOT, 'bin', 'gongwen.js'), 'serve', data, '--port', '0', '--no-open'], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (c: Buffer) => {
      out += c.toString();
      const m = /(http:\/\/127\.0\.0\.1:(\d+)\/)/.exec(out);
      if (m) resolve({ child, url: m[1], port: Number(m[2]) });
    });
    child.on('exit', (code) => reject(new Error(`gongwen serve exited (${code})`)));
  });
}

const rssMB = (pid: number): number => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) / 1024;

/** Fifty reports in one folder: the seeds and the demo county's townships, copied round-robin. */
function fiftyReports(data: string): string[] {
  const sources = [join(data, 'seeds'), join(data, '示例县', '2023')].flatMap((d) =>
    readdirSync(d).filter((f) => f.endsWith('.yaml') && f !== 'county.yaml').map((f) => join(d, f)),
  );
  const folder = join(data, 'bench');
  mkdirSync(folder);
  return Array.from({ length: REPORTS }, (_, i) => {
    const name = `r${String(i + 1).padStart(2, '0')}.yaml`;
    cpSync(sources[i % sources.length], join(folder, name));
    return `bench/${name}`;
  });
}

export async function benchServe(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'gongwen-bench-serve-'));
  const data = join(dir, 'data');
  cpSync(join(TOOL_ROOT, 'data'), data, { recursive: true });
  const reports = fiftyReports(data);
  const server = await startServe(data);
  const b = await launchBrowser();
  try {
    const page = await b.context.newPage();
    await page.goto(`${server.url}#/edit?path=${encodeURIComponent(SEED_000)}`);
    await page.waitForSelector('.preview-pages:not([data-stamp="0"])', { timeout: 60_000 });
    const startMB = rssMB(server.child.pid!);
    // The moment of the last keystroke, as the page sees it; the preview records when it finished drawing.
    await page.evaluate(() => document.addEventListener('input', () => ((window as unknown as { lastInput: number }).lastInput = performance.now()), true));
    // The title field: it is printed on page 1, so every keystroke changes the preview, whatever the body holds.
    const field = page.locator('[data-field="title"] input');
    await field.click();
    const latencies: number[] = [];
    const parts: Record<Part, number[]> = { pause: [], server: [], fetch: [], load: [], draw: [] };
    let draws = 0;
    for (let i = 0; i < EDITS + 2; i++) {
      const before = await page.evaluate(() => window.gongwenPreview?.stamp ?? 0);
      await page.keyboard.press('End');
      await page.keyboard.type(i % 2 ? '年' : '度', { delay: 0 });
      await page.waitForFunction((s) => (window.gongwenPreview?.stamp ?? 0) > s, before, { timeout: 30_000 });
      const { at, drawn, timing: t, input } = await page.evaluate(() => ({ ...window.gongwenPreview!, input: (window as unknown as { lastInput: number }).lastInput }));
      if (i < 2) continue; // two warm-ups
      latencies.push(at - input);
      draws += drawn.length;
      // The page's own stamps: the pause (keystroke → request sent), the server's check + typesetting, the
      // rest of the round trip (transfer, JSON), pdf.js reading the document, drawing the changed pages in view.
      const span: Record<Part, number> = { pause: t.requested - input, server: t.serverMs, fetch: t.received - t.requested - t.serverMs, load: t.loaded - t.received, draw: t.shown - t.loaded };
      for (const k of PARTS) parts[k].push(span[k]);
    }
    const breakdown = PARTS.map((k) => `${k} ${median(parts[k]).toFixed(0)}`).join(' + ');
    console.log(
      `\ngongwen serve, seed 000: keystroke pause → preview updated ${median(latencies).toFixed(0)} ms median of ${EDITS} (min ${Math.min(...latencies).toFixed(0)}, max ${Math.max(...latencies).toFixed(0)}; target ≤ 500 ms)`,
    );
    console.log(`  medians of the page's own stamps (ms): ${breakdown}; ${(draws / EDITS).toFixed(1)} page(s) drawn per edit`);
    // Editing 50 reports through the server's API as the page does: open, check with the preview, save.
    for (const rel of reports) {
      const opened = (await send(server.port, 'GET', `/api/report?path=${encodeURIComponent(rel)}`)).json<Opened>();
      const data = parseDocument(opened.text).toJS();
      const p = firstParagraph(data);
      let v: Record<string | number, unknown> = data;
      for (const step of p.path.slice(0, -1)) v = v[step] as Record<string | number, unknown>;
      v[p.path[p.path.length - 1]] = `${p.text}（已核实）`;
      await post(server.port, '/api/check', { path: rel, data });
      const saved = (await post(server.port, '/api/save', { path: rel, data, version: opened.version })).json<SaveResponse>();
      if (saved.saved !== 'file') throw new Error(`${rel}: not saved (${saved.saved})`);
    }
    console.log(`gongwen serve memory (RSS): ${startMB.toFixed(0)} MB after the first preview, ${rssMB(server.child.pid!).toFixed(0)} MB after editing ${REPORTS} reports (open, preview, save each)`);
  } finally {
    await b.close();
    server.child.kill('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  }
}
