// `gongwen serve` end to end, in a real browser: the county page, editing with live preview and saving,
// conflicts, validation beside the field, importing a dropped .txt, and downloading a PDF that opens.
// One browser and one server for the file, on a temp copy of data/.
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadReportText } from '../src/load/index.ts';
import type { CheckResponse } from '../src/serve/protocol.ts';
import { startServer, type Running } from '../src/serve/server.ts';
import { ROOT } from './build-helpers.ts';
import { launchBrowser } from './helpers/browser.ts';
import { readPdf } from './helpers/pdfread.ts';

/** Screenshots at the most common office screen size, kept for looking at (see README). */
const SHOTS = process.env.GONGWEN_SHOTS ?? join(tmpdir(), 'gongwen-serve-shots');
const VIEWPORT = { width: 1366, height: 768 };

let dir: string;
let data: string;
let srv: Running;
let b: Awaited<ReturnType<typeof launchBrowser>>;
let ctx: BrowserContext;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'gongwen-e2e-'));
  data = join(dir, 'data');
  cpSync(join(ROOT, 'data'), data, { recursive: true });
  mkdirSync(SHOTS, { recursive: true });
  srv = await startServer({ dataDir: data, port: 0 });
  b = await launchBrowser(VIEWPORT);
  ctx = b.context;
});
afterAll(async () => {
  await b?.close();
  await srv?.close();
});

const stamp = (page: Page) => page.evaluate(() => window.gongwenPreview?.stamp ?? 0);

async function openEditor(path: string): Promise<Page> {
  const page = await ctx.newPage();
  await page.goto(`${srv.url}#/edit?path=${encodeURIComponent(path)}`);
  await page.waitForSelector('.preview-pages:not([data-stamp="0"])', { timeout: 30_000 });
  return page;
}


describe('gongwen serve in a browser', () => {
  it('opens the demo county: townships with their status, totals, charts', async () => {
    const page = await ctx.newPage();
    await page.goto(srv.url);
    const county = page.locator('[data-folder="示例县/2023"]');
    await county.waitFor();
    const yaml = readFileSync(join(data, '示例县', '2023', 'county.yaml'), 'utf8');
    const listed = /townships:\n((?:\s+- .+\n)+)/.exec(yaml)![1].trim().split('\n').length;
    expect(await county.locator('table.reports tbody tr').count()).toBe(listed);
    const statuses = await county.locator('table.reports span.status').allTextContents();
    expect(statuses).toContain('通过');
    expect(statuses).toContain('缺少法定部分');
    expect(statuses).toContain('逾期报送');
    expect(await county.locator('.totals tbody tr').count()).toBeGreaterThan(5);
    expect(await county.locator('.chart').count()).toBeGreaterThan(0);
    await page.screenshot({ path: join(SHOTS, 'county.png') });
    await page.close();
  });

  it('edits a paragraph, the preview shows it, and the save changes exactly that line of the YAML', async () => {
    const rel = 'seeds/岔河镇-2023.yaml';
    const file = join(data, rel);
    const before = readFileSync(file, 'utf8');
    const page = await openEditor(rel);
    await page.screenshot({ path: join(SHOTS, 'editor.png') });
    const s0 = await stamp(page);
    const para = page.locator('textarea.para').first();
    const original = await para.inputValue();
    await para.click();
    await page.keyboard.press('End');
    await para.pressSequentially('另有新增内容。', { delay: 10 });
    await page.waitForFunction((s) => (window.gongwenPreview?.stamp ?? 0) > s && window.gongwenPreview!.pages.join('').includes('另有新增内容'), s0, { timeout: 20_000 });
    await page.keyboard.press('Control+s');
    await page.locator('.status', { hasText: '已保存' }).waitFor();
    const after = readFileSync(file, 'utf8');
    const a = before.split('\n');
    const changed = after.split('\n').map((l, i) => [a[i], l]).filter(([x, y]) => x !== y);
    expect(after.split('\n')).toHaveLength(a.length);
    expect(changed).toHaveLength(1);
    expect(changed[0][1]).toBe(changed[0][0].replace(original, `${original}另有新增内容。`));
    await page.close();
  });

  it('editing a paragraph far down the report brings its line into the preview', async () => {
    const rel = 'seeds/四棵树镇-2023.yaml';
    const page = await openEditor(rel);
    const s0 = await stamp(page);
    const para = page.locator('textarea.para').last();
    await para.click();
    await page.keyboard.press('Control+End');
    await para.pressSequentially('补记。', { delay: 10 });
    // The line is placed when the version is shown; the pages' text follows when the rest is drawn.
    await page.waitForFunction((s) => (window.gongwenPreview?.stamp ?? 0) > s && window.gongwenPreview!.focusLine !== undefined && window.gongwenPreview!.pages.length > 0, s0, { timeout: 20_000 });
    const { line, height, pages, top } = await page.evaluate(() => {
      const el = document.querySelector('.preview-pages') as HTMLElement;
      return { line: window.gongwenPreview!.focusLine!, height: el.clientHeight, pages: window.gongwenPreview!.pages.length, top: el.scrollTop };
    });
    expect(pages).toBeGreaterThan(2);
    expect(top).toBeGreaterThan(0); // the preview scrolled down to it
    expect(line).toBeGreaterThan(0);
    expect(line).toBeLessThan(height);
    await page.screenshot({ path: join(SHOTS, 'editor-scrolled.png') });
    await page.close();
  });

  it('updates the preview in place: one pdf.js worker for every version, and only the changed page sent and drawn again', async () => {
    const page = await ctx.newPage();
    let workers = 0;
    page.on('worker', () => (workers += 1));
    // Counted by the browser, not by the page's code: every drawing of pdf.js asks its canvas for a context.
    await page.addInitScript(() => {
      const getContext = HTMLCanvasElement.prototype.getContext;
      HTMLCanvasElement.prototype.getContext = function (this: HTMLCanvasElement, ...args: Parameters<typeof getContext>) {
        this.dataset.contexts = String(Number(this.dataset.contexts ?? 0) + 1);
        return getContext.apply(this, args);
      } as typeof getContext;
    });
    await page.goto(`${srv.url}#/edit?path=${encodeURIComponent('示例县/2023/示例丙镇.yaml')}`);
    // The first version, all its pages drawn and read.
    await page.waitForFunction(() => (window.gongwenPreview?.pages.length ?? 0) > 0, undefined, { timeout: 30_000 });
    // Each page's canvas now: whether it is the one shown there at the last look, and how often it was drawn since.
    let looks = 0;
    const canvases = () =>
      page.evaluate((look) => {
        return [...document.querySelectorAll<HTMLCanvasElement>('.preview-pages .page canvas')].map((c, i) => {
          const seen = c as HTMLCanvasElement & { seen?: string; seenDraws?: number };
          const draws = Number(c.dataset.contexts ?? 0);
          const now = { shown: seen.seen === `${look - 1}:${i}`, drawn: draws - (seen.seenDraws ?? 0) };
          Object.assign(seen, { seen: `${look}:${i}`, seenDraws: draws });
          return now;
        });
      }, ++looks);
    const first = await canvases();
    expect(first.length).toBeGreaterThan(1);
    expect(first.every((c) => c.drawn === 1)).toBe(true);
    const s0 = await stamp(page);
    // The same number of characters in the title: page 1 changes, the lines after it do not move.
    const title = page.locator('[data-field="title"] input');
    const edited = (await title.inputValue()).replace('情况', '工作');
    for (const [n, text] of [edited, edited.replace('工作', '情况'), edited].entries()) {
      const before = await stamp(page);
      const answer = page.waitForResponse((r) => r.url().endsWith('/api/check'));
      await title.fill(text);
      expect(((await (await answer).json()) as CheckResponse).preview?.sent).toEqual([0]); // the server sent page 1 alone
      await page.waitForFunction((t) => window.gongwenPreview!.pages[0]?.includes(t), text, { timeout: 20_000 });
      expect(await stamp(page)).toBeGreaterThan(before);
      const now = await canvases();
      expect(now).toHaveLength(first.length);
      expect(now[0]).toEqual({ shown: false, drawn: 1 }); // page 1 drawn once, on its other canvas, swapped in
      expect(now.slice(1)).toEqual(first.slice(1).map(() => ({ shown: true, drawn: 0 }))); // the others: the same canvases, not drawn again
      expect(await page.evaluate(() => window.gongwenPreview!.drawn)).toEqual([1]);
      expect(await stamp(page)).toBe(s0 + n + 1);
    }
    expect(await page.evaluate(() => window.gongwenPreview!.pages[0])).not.toContain('建设情况报告');
    expect(workers).toBe(1); // pdf.js's worker, started once for the first version
    await page.close();
  });

  it('detects a conflicting edit on disk and lets the user keep theirs', async () => {
    const rel = 'seeds/罗田镇-2023.yaml';
    const file = join(data, rel);
    const page = await openEditor(rel);
    writeFileSync(file, readFileSync(file, 'utf8').replace('\n', '\n# 另一人的修改\n'));
    await page.locator('[data-field="addressee"] input').fill('县委、县政府');
    await page.getByRole('button', { name: '保存' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain('文件已在别处修改');
    expect(await dialog.locator('pre.yaml').nth(1).textContent()).toContain('# 另一人的修改');
    await page.screenshot({ path: join(SHOTS, 'conflict.png') });
    expect(readFileSync(file, 'utf8')).not.toContain('addressee: 县委、县政府');
    await dialog.getByRole('button', { name: '用我的版本覆盖' }).click();
    await page.locator('.status', { hasText: '已保存' }).waitFor();
    const saved = readFileSync(file, 'utf8');
    expect(saved).toContain('# 另一人的修改');
    expect(saved).toContain('addressee: 县委、县政府');
    await page.close();
  });

  it('shows an invalid date’s message beside the date field, the same as validate', async () => {
    const rel = 'seeds/长征镇-2023.yaml';
    const page = await openEditor(rel);
    await page.locator('[data-field="date"] input').fill('2024-02-30');
    const msg = page.locator('[data-field="date"] .msgs .msg.error');
    await msg.waitFor({ timeout: 20_000 });
    // The loader `gongwen validate` runs, on the same edit made by hand:
    const text = readFileSync(join(data, rel), 'utf8');
    const edited = /^date: .*$/m.test(text) ? text.replace(/^date: .*$/m, 'date: 2024-02-30') : `${text}date: 2024-02-30\n`;
    const r = loadReportText(edited, rel);
    expect(r.ok).toBe(false);
    const expected = !r.ok ? r.diagnostics.find((d) => /date/i.test(d.en) || d.zh.includes('日期'))! : undefined;
    expect(await msg.textContent()).toContain(expected!.zh);
    await page.screenshot({ path: join(SHOTS, 'invalid-date.png') });
    await page.close();
  });

  it('imports a dropped .txt: the checklist shows, the report opens in the editor', async () => {
    const page = await ctx.newPage();
    await page.goto(srv.url);
    await page.locator('.dropzone').waitFor();
    await page.locator('.dropzone select').selectOption('示例县/2023');
    const text = readFileSync(join(ROOT, 'seeds', '001_543c494b65792b09.txt'), 'utf8');
    const transfer = await page.evaluateHandle((t) => {
      const dt = new DataTransfer();
      dt.items.add(new File([t], '旧报告.txt', { type: 'text/plain' }));
      return dt;
    }, text);
    await page.locator('.dropzone').dispatchEvent('drop', { dataTransfer: transfer });
    await page.waitForURL(/#\/edit\?path=/);
    await page.locator('.checklist li').first().waitFor();
    expect(await page.locator('.checklist li').count()).toBeGreaterThan(0);
    const yaml = join(data, '示例县', '2023', '旧报告.yaml');
    expect(existsSync(yaml)).toBe(true);
    expect(existsSync(join(data, '示例县', '2023', '旧报告.import.md'))).toBe(true);
    const township = await page.locator('[data-field="township"] input').inputValue();
    expect(township.length).toBeGreaterThan(1);
    expect(readFileSync(yaml, 'utf8')).toContain(`township: ${township}`);
    await page.screenshot({ path: join(SHOTS, 'import.png') });
    await page.close();
  });

  it('downloads a PDF that opens', async () => {
    const page = await openEditor('seeds/高显镇-2022.yaml');
    const [dl] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '下载 PDF' }).click()]);
    expect(dl.suggestedFilename()).toBe('高显镇-2022.pdf');
    const path = join(dir, 'dl.pdf');
    await dl.saveAs(path);
    const pages = await readPdf(readFileSync(path));
    expect(pages.length).toBeGreaterThan(1);
    expect(pages.flatMap((p) => p.texts.map((t) => t.str)).join('')).toContain('高显镇');
    await page.close();
  });
});
