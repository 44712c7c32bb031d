// Attachments with content (GB/T 9704 7.3.7), measured on the finished PDF read back with pdfjs: each
// attachment opens a new page after the signature, 附件N flush left on line 1 in 三号黑体, its title centred on
// line 3 in 二号小标宋, page numbers running on; a table over two pages repeats its header row; the colophon
// closes the last page; every clause of every attachment is in the text.
import { describe, expect, it } from 'vitest';
import { dirname } from 'node:path';
import { composeReport } from '../src/compose/report.ts';
import { renderPdfDocument } from '../src/render/pdf/index.ts';
import { defaultWriterInputs } from '../src/render/inputs.ts';
import { geometry, baselineInLine } from '../src/layout/geometry.ts';
import { loadReportFile } from '../src/load/index.ts';
import type { Report } from '../src/schema/report.ts';
import type { BodyNode } from '../src/schema/body.ts';
import { columnEdges } from '../src/layout/table.ts';
import { readPdf, linesOf, type PdfPage } from './helpers/pdfread.ts';
import { ATTACHMENTS } from './helpers/golden-docs.ts';

const inputs = defaultWriterInputs();
const g = geometry(inputs.profile);
const fonts = inputs.fonts.fonts;
const psName = (role: keyof typeof fonts) => fonts[role].postscriptName.replace(/ /g, '_');
const baseline = (line: number, size: number) => baselineInLine(g.top + line * g.linePitch, g.linePitch, size);
const isPageNumber = (s: string) => /^— \d+ —$/.test(s);
const squeeze = (s: string) => s.replace(/[\s\u3000\u00a0]+/g, '');
/** Clauses: the pieces between ，。；！？ (a clause never spans them). */
const clauses = (s: string) => s.split(/[，。；！？]/).map(squeeze).filter((c) => c !== '');

const loaded = loadReportFile(ATTACHMENTS);
if (!loaded.ok) throw new Error(loaded.diagnostics.map((d) => d.zh).join('\n'));
const report: Report = loaded.report;

async function pdfOf(r: Report): Promise<PdfPage[]> {
  const doc = composeReport(r, { baseDir: dirname(ATTACHMENTS), variant: 'file-up' });
  return readPdf((await renderPdfDocument(doc, inputs)).bytes);
}

const textLines = (p: PdfPage) => linesOf(p.texts).filter((l) => !isPageNumber(l.str));
/** The pages whose first line is an attachment's label (附件 or 附件N), with that label. */
const labelPages = (pages: PdfPage[]) =>
  pages.flatMap((p, i) => {
    const first = textLines(p)[0];
    return first && /^附件\d*$/.test(first.str) ? [{ index: i, label: first.str }] : [];
  });

describe('a report with two attachments that carry content (tests/fixtures/golden/青石镇-2023.yaml)', () => {
  let pages: PdfPage[] = [];
  const attachments = report.attachments!.filter((a) => typeof a !== 'string');

  it('renders, each attachment from a new page with 附件N on line 1 in 黑体 at the block’s left', async () => {
    pages = await pdfOf(report);
    const labels = labelPages(pages);
    expect(labels.map((l) => l.label)).toEqual(['附件1', '附件2']);
    for (const { index } of labels) {
      const label = textLines(pages[index])[0];
      expect(label.texts[0].x).toBeCloseTo(g.left, 1);
      expect(label.y).toBeCloseTo(baseline(0, 16), 1);
      for (const t of label.texts) {
        expect(t.font).toBe(psName('heiti'));
        expect(t.size).toBeCloseTo(16, 2);
      }
    }
    // After the signature: the first attachment's page follows the page with the date.
    const datePage = pages.findIndex((p) => textLines(p).some((l) => l.str.replace(/\s/g, '') === '2024年1月12日'));
    expect(labels[0].index).toBe(datePage + 1);
  });

  it('centres each title on line 3 in 二号小标宋, as the 附件说明 names it', () => {
    const labels = labelPages(pages);
    labels.forEach(({ index }, k) => {
      const lines = textLines(pages[index]);
      const titleLines = lines.filter((l) => l.texts.every((t) => t.font === psName('xiaobiaosong') && Math.abs(t.size - 22) < 0.01));
      expect(titleLines.length).toBeGreaterThan(0);
      expect(titleLines[0].y).toBeCloseTo(baseline(2, 22), 1);
      titleLines.forEach((l, j) => {
        expect(l.y).toBeCloseTo(baseline(2 + j, 22), 1);
        const left = l.texts[0].x;
        const last = l.texts[l.texts.length - 1];
        expect((left + last.x + last.width) / 2).toBeCloseTo(g.left + g.width / 2, 0);
      });
      expect(squeeze(titleLines.map((l) => l.str).join(''))).toBe(attachments[k].title);
    });
    // The 附件说明 names them with the same numbers: 附件：1.… and 2.… aligned under it.
    const note = pages.flatMap((p) => textLines(p)).filter((l) => attachments.some((a) => squeeze(l.str).includes(a.title)) && l.texts.some((t) => t.font === psName('fangsong')));
    expect(note.map((l) => squeeze(l.str))).toEqual([`附件：1.${attachments[0].title}`, `2.${attachments[1].title}`]);
    const numberX = (l: (typeof note)[number]) => l.texts.find((t) => /^\d/.test(t.str))!.x;
    expect(numberX(note[1])).toBeCloseTo(numberX(note[0]), 1);
  });

  it('numbers every page on, through the attachments', () => {
    pages.forEach((p, i) => {
      const n = linesOf(p.texts).find((l) => isPageNumber(l.str));
      expect(n?.str, `page ${i + 1}`).toBe(`— ${i + 1} —`);
    });
  });

  it('repeats the statistics table’s header row on the page the table runs over to', () => {
    const [, second] = labelPages(pages);
    const header = ['序号', '村（社区）'];
    const headerLine = (p: PdfPage) => linesOf(p.texts).find((l) => header.every((h) => l.str.includes(h)));
    const first = headerLine(pages[second.index]);
    expect(first).toBeDefined();
    const next = pages[second.index + 1];
    const repeated = headerLine(next);
    expect(repeated, 'header row on the next page').toBeDefined();
    // It opens that page, the same cells as on the first: the header is the table's only 黑体 text, and on the
    // second page every 黑体 text stands above every row's text.
    const head = (p: PdfPage) => p.texts.filter((t) => t.font === psName('heiti') && !/^附件|^\d+$/.test(t.str)).map((t) => t.str).join('|');
    expect(head(next)).toBe(head(pages[second.index]));
    const headBottom = Math.max(...next.texts.filter((t) => t.font === psName('heiti')).map((t) => t.y));
    const rowsTop = Math.min(...next.texts.filter((t) => t.font !== psName('heiti') && !isPageNumber(t.str)).map((t) => t.y));
    expect(headBottom).toBeLessThan(rowsTop);
    // The rows are split between the two pages, none lost: row 1 before the break, the 合计 row after it.
    const has = (p: PdfPage, s: string) => p.texts.some((t) => t.str === s);
    expect([has(pages[second.index], '青石社区'), has(next, '青石社区')]).toEqual([true, false]);
    expect([has(pages[second.index], '合计'), has(next, '合计')]).toEqual([false, true]);
  });

  it('puts the colophon at the bottom of the last page, after the attachments', () => {
    const last = pages[pages.length - 1];
    const cc = linesOf(last.texts).find((l) => l.str.startsWith('抄送：'));
    expect(cc).toBeDefined();
    expect(linesOf(last.texts).some((l) => l.str.includes('合计'))).toBe(true);
    for (const p of pages.slice(0, -1)) expect(linesOf(p.texts).some((l) => l.str.startsWith('抄送：'))).toBe(false);
  });

  it('keeps every clause of every attachment: the text in order, each table cell in its column', () => {
    const doc = composeReport(report, { baseDir: dirname(ATTACHMENTS), variant: 'file-up' });
    const labels = labelPages(pages);
    const text = squeeze(pages.flatMap((p) => textLines(p).map((l) => l.str)).join(''));
    let from = text.indexOf('附件1');
    doc.attachments.forEach((a, k) => {
      const own = pages.slice(labels[k].index, labels[k + 1]?.index ?? pages.length);
      for (const c of clauses(a.title)) from = expectAt(text, c, from);
      for (const b of a.body) {
        if (b.kind === 'heading') for (const c of clauses(b.text)) from = expectAt(text, c, from);
        if (b.kind === 'paragraph') for (const c of clauses(b.runs.map((r) => r.text).join(''))) from = expectAt(text, c, from);
        if (b.kind !== 'table') continue;
        // A cell may wrap inside its column, so its text is read down its column, page after page.
        columnEdges(b.table, g.width).forEach((col, i) => {
          const down = squeeze(own.flatMap((p) => p.texts.filter((t) => t.x >= g.left + col.x && t.x < g.left + col.x + col.w && !isPageNumber(t.str)).sort((p, q) => p.y - q.y || p.x - q.x)).map((t) => t.str).join(''));
          let at = 0;
          for (const cell of [b.table.columns[i].header, ...b.table.rows.map((r) => r[i])]) at = expectAt(down, squeeze(cell), at);
        });
      }
    });
  });
});

/** Where `piece` stands in `text` from `from` on; fails the test when it is not there. */
function expectAt(text: string, piece: string, from: number): number {
  const at = text.indexOf(piece, from);
  expect(at, piece).toBeGreaterThanOrEqual(0);
  return at;
}

describe('other shapes of attachments', () => {
  const table = attachments2Table();

  it('a single attachment is labelled 附件, without a number, in the note and on its page', async () => {
    const pages = await pdfOf({ ...report, attachments: [table] });
    expect(labelPages(pages).map((l) => l.label)).toEqual(['附件']);
    const note = pages.flatMap((p) => textLines(p)).find((l) => squeeze(l.str).startsWith('附件：'));
    expect(squeeze(note!.str)).toBe(`附件：${table.title}`);
  });

  it('an attachment given by name only prints in the note alone; the next keeps its own number', async () => {
    const pages = await pdfOf({ ...report, attachments: ['青石镇2023年度行政执法统计表', table] });
    expect(labelPages(pages).map((l) => l.label)).toEqual(['附件2']);
    const all = pages.flatMap((p) => textLines(p).map((l) => squeeze(l.str)));
    expect(all.filter((s) => s.includes('青石镇2023年度行政执法统计表'))).toEqual(['附件：1.青石镇2023年度行政执法统计表']);
  });

  it('a report without attachments lays out as before: no label page', async () => {
    const pages = await pdfOf({ ...report, attachments: undefined });
    expect(labelPages(pages)).toEqual([]);
  });
});

function attachments2Table(): { title: string; body: BodyNode[] } {
  const a = report.attachments![1];
  if (typeof a === 'string') throw new Error('the fixture’s second attachment carries its table');
  return { title: a.title, body: a.body ?? [] };
}
