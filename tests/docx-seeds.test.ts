// The five seed reports as DOCX, laid out by LibreOffice (one soffice call for all), measured against the standard
// and against the project's own PDF: the same page count, the title on the same line, the seal where the PDF puts it.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { Gongwen } from '../src/compose/model.ts';
import { composeReport } from '../src/compose/report.ts';
import { composeRollup } from '../src/compose/rollup.ts';
import { rollupCounty } from '../src/rollup/index.ts';
import { DEMO_COUNTY } from './helpers/golden-docs.ts';
import { loadReportFile } from '../src/load/index.ts';
import type { ImageItem, LaidOut, Page, TextItem } from '../src/layout/types.ts';
import { layoutDocument } from '../src/render/pdf/index.ts';
import { renderDocx } from '../src/render/docx/index.ts';
import { measureOf } from '../src/fonts/measure.ts';
import { defaultWriterInputs } from '../src/render/inputs.ts';
import { Report, VARIANTS } from '../src/schema/report.ts';
import { writeSealPng } from './helpers/docx-fixtures.ts';
import { pageNumberDashes, rulesOnPage, textLines, type TextLine } from './helpers/docx-pdf-geometry.ts';
import { convertToPdf, hasLibreOffice } from './helpers/libreoffice.ts';
import { entriesWithDataDescriptor, ooxmlErrors } from './helpers/docx-package.ts';
import { maxFullWidth, predictedParagraphs, trackingOfLine } from './helpers/word-lines.ts';

const inputs = defaultWriterInputs();

const PT_MM = 72 / 25.4;
const TOP = 37;
const LEFT = 28;
const RIGHT = 210 - 26;
const BLOCK_BOTTOM = 297 - 35;
const PITCH = 225 / 22;
const CHAR = 156 / 28;
const emTop = (l: TextLine) => l.baseline - (0.88 * l.size) / PT_MM;
const isBody = (l: TextLine) => Math.abs(l.size - 16) < 0.5;
const isPageNumber = (l: TextLine) => /^—\d+—$/.test(l.text.replace(/\s/g, ''));
const FULL_WIDTH = /^[\u4e00-\u9fff，、。；：？！“”（）《》]+$/;

const SEEDS = join(import.meta.dirname, '..', 'data', 'seeds');
const seedFiles = readdirSync(SEEDS).filter((f) => f.endsWith('.yaml')).sort();
const dir = mkdtempSync(join(tmpdir(), 'gongwen-docx-seeds-'));
const seal = writeSealPng(join(dir, 'seal.png'));

interface Case {
  name: string;
  fixture?: boolean; // a short document made for the parts the seeds lack
  doc: Gongwen;
  laid: LaidOut; // the project's own typesetting: its pages, and where each block landed
  pdfPages: Page[];
}

/** A case, laid out once for every test that asks. */
function laidCase(name: string, doc: Gongwen, fixture?: boolean): Case {
  const laid = layoutDocument(doc, inputs);
  return { name, fixture, doc, laid, pdfPages: laid.pages };
}

function load(file: string): Report {
  return Report.parse(parse(readFileSync(join(SEEDS, file), 'utf8')));
}

const cases: Case[] = [];
for (const file of seedFiles) {
  const report = load(file);
  // Every variant: file-down writes its header without the 签发人 cell file-up has room for (src/render/docx/header.ts).
  for (const variant of VARIANTS) {
    const doc = composeReport(report, { baseDir: SEEDS, variant });
    cases.push(laidCase(`${file.replace(/\.yaml$/, '')}-${variant}`, doc));
  }
}
// The seeds carry no seal, signer, note or colophon: one seed with all of them, as a clerk would fill them in. With
// them 四棵树镇's signature, seal and note stand on a page set tighter (7.3.5.5): the seal's place at that pitch.
const SEALED = '四棵树镇-2023-sealed';
{
  const base = load('四棵树镇-2023.yaml');
  const report: Report = {
    ...base,
    issuingOrgans: [{ name: base.issuingOrgans[0].name, seal }],
    date: '2024-01-05',
    signers: ['张三'],
    note: { contact: '李四', phone: '0513-84000000' },
    cc: ['县人大常委会办公室', '县政协办公室', '县司法局'],
    printer: { organ: '四棵树镇党政办公室', date: '2024-01-08' },
  };
  const doc = composeReport(report, { baseDir: dirname(seal), variant: 'file-up' });
  cases.push(laidCase(SEALED, doc));
}

// The fixtures with what the seeds lack: joint issuance with seals, 附注 and a colophon that exactly fills the lines
// left under the signature; joint issuance without seals (stacked names); two attachments with content, one a
// table over two pages.
for (const [file, variant] of [['golden/联合行文-2023.yaml', 'file-up'], ['layout/联合行文-不盖章-2023.yaml', 'plain'], ['golden/青石镇-2023.yaml', 'file-up']] as const) {
  const path = join(import.meta.dirname, 'fixtures', file);
  const r = loadReportFile(path);
  if (!r.ok) throw new Error(r.diagnostics.map((d) => d.en).join('\n'));
  const doc = composeReport(r.report, { baseDir: dirname(path), variant });
  cases.push(laidCase(`${file.replace(/^.*\//, '').replace(/\.yaml$/, '')}-${variant}`, doc, true));
}

/**
 * Page counts LibreOffice cannot match, with the reason (none today). An entry here still fails when the difference
 * changes, so it is removed once the cause is fixed. 罗田镇 file-up was one page longer until the typesetter learnt
 * where LibreOffice breaks a paragraph (src/layout/wordLines.ts) and draws a paragraph it would set on one more
 * line a little tighter in both writers.
 */
const KNOWN_EXTRA_PAGES: Record<string, number> = {};

const county = rollupCounty(DEMO_COUNTY);
const rollups: Case[] = (['file-down', 'plain'] as const).map((variant) => laidCase(`rollup-${variant}`, composeRollup(county, { variant })));

/**
 * Pages whose lines LibreOffice splits differently from the PDF, with the reason (none today); as KNOWN_EXTRA_PAGES,
 * an entry still fails when the split changes. 长征镇 plain and 高显镇 file-up/file-down had 1 and 3 lines more on
 * the signature's page until the typesetter moved lines forward for the signature as whole paragraphs, as
 * LibreOffice does with a keep-with-next paragraph (src/layout/paginate.ts, wholeParagraphNeeds).
 */
const KNOWN_OTHER_SPLIT: Record<string, { lo: number[]; reason: string }> = {};

const texts = (page: Page, tag: string) => page.items.filter((i): i is TextItem => i.kind === 'text' && i.tag === tag);
const bare = (text: string) => text.replace(/\s/g, '');

/** The captions of tables and charts (the roll-up's 图1, 表1…) in the project's PDF, per page, without spaces. */
const pdfCaptions = (c: Case): string[][] =>
  c.pdfPages.map((pg) => {
    const items = texts(pg, 'caption');
    return [...new Set(items.map((t) => t.y))].map((y) => bare(items.filter((t) => t.y === y).map((t) => t.text).join('')));
  });
/** LibreOffice's lines that are the PDF's captions (it may add a space between 图 and the digit). */
/** The PDF's chart rows, per page: a bar's label and value as one text without spaces (示例甲镇66). */
const pdfChartRows = (c: Case): string[][] =>
  c.pdfPages.map((pg) => {
    const at = (tag: string, y: number) => bare(texts(pg, tag).filter((t) => t.y === y).map((t) => t.text).join(''));
    return [...new Set(texts(pg, 'chart.label').map((t) => t.y))].map((y) => at('chart.label', y) + at('chart.value', y));
  });
const loCaptionLines = (c: Case, t: { pages: number; lines: TextLine[] }): TextLine[][] => {
  const captions = new Set(pdfCaptions(c).flat());
  return Array.from({ length: t.pages }, (_, p) => t.lines.filter((l) => l.page === p && captions.has(bare(l.text))));
};

/**
 * Lines a page holds at the body's size (三号: the body, headings, addressee, signature, date, 附注), counting text
 * on one baseline (within 1.5 pt) once: per page, in the project's PDF and in LibreOffice's. A table's or chart's
 * caption is a line of the flow in both, set at the table head's size (小四) in both: it counts on both sides.
 */
const bodySizeRows = (baselines: number[]): number => baselines.sort((a, b) => a - b).filter((y, k, all) => k === 0 || y - all[k - 1] > 1.5).length;
const pdfBodyRows = (c: Case): number[] => c.pdfPages.map((pg) => bodySizeRows(pg.items.filter((i): i is TextItem => i.kind === 'text' && (Math.abs(i.size - 16) < 0.5 || i.tag === 'caption')).map((t) => t.y)));
const loBodyRows = (c: Case, t: { pages: number; lines: TextLine[] }): number[] => {
  const captions = loCaptionLines(c, t);
  return Array.from({ length: t.pages }, (_, p) =>
    bodySizeRows(t.lines.filter((l) => l.page === p && (isBody(l) || captions[p].includes(l)) && l.baseline < BLOCK_BOTTOM).map((l) => l.baseline * PT_MM)),
  );
};

const hasAttachmentPages = (c: Case) => c.doc.attachments.some((a) => a.body.length > 0);
/** The page of the signature: the last, unless attachment pages follow it. */
const sigPage = (c: Case) => c.laid.landings.signature.page;
/** Each case's DOCX, rendered once: the package checks and LibreOffice read the same bytes. */
const rendered = new Map<string, Promise<Uint8Array>>();
const docxOf = (c: Case): Promise<Uint8Array> => {
  if (!rendered.has(c.name)) rendered.set(c.name, renderDocx(c.doc, { ...inputs, laid: c.laid }));
  return rendered.get(c.name) as Promise<Uint8Array>;
};

it('sets the sealed case\'s signature page tighter, as the seal test there expects', () => {
  expect(cases.find((c) => c.name === SEALED)?.laid.landings.signature.remedy.kind).toBe('pitch');
});

describe('seed DOCX packages', () => {
  it('has no entry with a data descriptor and validates against the OOXML schemas with no error', async () => {
    const paths: string[] = [];
    for (const c of cases) {
      const bytes = await docxOf(c);
      expect(entriesWithDataDescriptor(bytes), c.name).toEqual([]);
      const p = join(dir, `package-${c.name}.docx`);
      writeFileSync(p, bytes);
      paths.push(p);
    }
    expect(await ooxmlErrors(paths)).toEqual([]);
  }, 240_000); // about 0.7 s a file on an idle machine, much more under load
});

describe.skipIf(!hasLibreOffice())('seed DOCX laid out by LibreOffice', () => {
  const pdf: Record<string, string> = {};
  const lo: Record<string, Awaited<ReturnType<typeof textLines>>> = {};

  beforeAll(async () => {
    const paths: string[] = [];
    for (const c of [...cases, ...rollups]) {
      const p = join(dir, `${c.name}.docx`);
      writeFileSync(p, await docxOf(c));
      paths.push(p);
    }
    const pdfs = await convertToPdf(paths, dir);
    for (const [i, c] of [...cases, ...rollups].entries()) {
      pdf[c.name] = pdfs[i];
      lo[c.name] = await textLines(pdfs[i]);
    }
  }, 240_000);

  // The county roll-up: its charts (rows as tall as the PDF's bars stand apart, kept whole) and tables (rows at
  // least as tall as the PDF's, the line after each on the grid line the PDF uses) fill the pages as in the PDF.
  it.each(['file-down', 'plain'] as const)('lays the roll-up (%s) on as many pages as the project PDF', (variant) => {
    const c = rollups.find((r) => r.name === `rollup-${variant}`) as Case;
    expect(lo[c.name].pages).toBe(c.pdfPages.length);
    expect(loBodyRows(c, lo[c.name])).toEqual(pdfBodyRows(c));
    // Each caption on the PDF's page, at the PDF's size (小四 黑体, the table head's role).
    const captions = loCaptionLines(c, lo[c.name]);
    expect(captions.map((ls) => ls.map((l) => bare(l.text)))).toEqual(pdfCaptions(c));
    const sizes = new Set(c.pdfPages.flatMap((pg) => texts(pg, 'caption').map((t) => t.size)));
    const size = inputs.profile.roles.tableHead.size;
    expect([...sizes]).toEqual([size]);
    for (const l of captions.flat()) expect(l.size, l.text).toBeCloseTo(size, 0);
    // Each bar's label and value read as in the PDF (the value alone: the unit is in the caption).
    const rows = pdfChartRows(c);
    expect(rows.flat().length).toBeGreaterThan(0);
    expect(rows.map((want, p) => lo[c.name].lines.filter((l) => l.page === p && want.includes(bare(l.text))).map((l) => bare(l.text)))).toEqual(rows);
    // Each bar as long as the PDF's: every row's value ends the same distance from where the PDF's ends (LibreOffice
    // sets a space after the bar, the PDF half an em), and each label starts within a millimetre of the PDF's.
    const measure = measureOf(inputs.fonts);
    const ends = c.pdfPages.flatMap((pg, p) =>
      texts(pg, 'chart.label').filter((t, k, all) => all.findIndex((u) => u.y === t.y) === k).map((label) => {
        const value = texts(pg, 'chart.value').filter((t) => t.y === label.y);
        const last = value[value.length - 1];
        const row = lo[c.name].lines.find((l) => l.page === p && Math.abs(l.baseline - label.y / PT_MM) < 1.5) as TextLine;
        expect(Math.abs(row.left - label.x / PT_MM), row.text).toBeLessThan(1);
        return row.right - (last.x + measure.width(last.font, last.text, last.size)) / PT_MM;
      }),
    );
    expect(ends.length).toBe(rows.flat().length);
    expect(Math.max(...ends) - Math.min(...ends)).toBeLessThan(0.5);
    expect(Math.max(...ends.map(Math.abs))).toBeLessThan(2.5);
  });

  describe.each(cases.map((c) => [c.name, c] as const))('%s', (name, c) => {
    it('has as many pages as the project PDF', () => {
      expect(lo[name].pages).toBe(c.pdfPages.length + (KNOWN_EXTRA_PAGES[name] ?? 0));
    });

    // Where the PDF moved lines forward for the signature, a word processor must move the same ones (its keeps).
    it('puts as many body-size lines on each page as the PDF: the pages split where the PDF splits them', () => {
      const known = KNOWN_OTHER_SPLIT[name];
      expect(loBodyRows(c, lo[name])).toEqual(known ? known.lo : pdfBodyRows(c));
    });

    it('starts the title on the grid line the PDF uses, broken where the PDF breaks it', () => {
      const want = texts(c.pdfPages[0], 'title');
      const got = lo[name].lines.filter((l) => l.page === 0 && Math.abs(l.size - 22) < 0.5);
      expect(got.map((l) => l.text.replace(/\s/g, ''))).toEqual([...new Set(want.map((t) => t.y))].map((y) => want.filter((t) => t.y === y).map((t) => t.text).join('')));
      expect(Math.abs(got[0].baseline - want[0].y / PT_MM)).toBeLessThan(1);
    });

    it('puts at most 22 body lines a page, one grid pitch apart (the signature\'s page: its pitch, as in the PDF); full pages hold 22', () => {
      const t = lo[name];
      const remedy = c.laid.landings.signature.remedy;
      let full = 0;
      for (let p = 0; p < t.pages; p++) {
        const lines = t.lines.filter((l) => l.page === p && isBody(l) && l.baseline < BLOCK_BOTTOM);
        // A page the typesetter set tighter for the signature (7.3.5.5) holds as many lines as fit at its pitch.
        const pitch = (c.laid.landings.pitch[p] ?? PITCH * PT_MM) / PT_MM;
        const most = Math.floor(225 / pitch + 1e-6);
        expect(lines.length, `page ${p + 1}`).toBeLessThanOrEqual(most);
        // A paragraph running onto that page is set at its pitch whole (one line spacing a paragraph): its lines at
        // the foot of the page before stand that pitch apart.
        const carried = remedy.kind === 'pitch' && remedy.page === p + 1
          ? (c.laid.landings.blocks.find((b) => b.pieces.some((x) => x.page === p + 1))?.pieces.filter((x) => x.page === p).length ?? 0)
          : 0;
        const runs = carried > 0 ? [[lines.slice(0, -carried), pitch], [lines.slice(-carried), remedy.kind === 'pitch' ? remedy.pitch / PT_MM : pitch]] as const : [[lines, pitch]] as const;
        for (const [run, q] of runs) for (const l of run) {
          const k = (l.baseline - run[0].baseline) / q;
          expect(Math.abs(k - Math.round(k)), `page ${p + 1}: ${l.text}`).toBeLessThan(0.12);
        }
        if (lines.length === most) {
          full++;
          if (carried === 0) expect((lines[most - 1].baseline - lines[0].baseline) / (most - 1)).toBeCloseTo(pitch, 1);
        }
      }
      // Every page of the body but the first and the last is full, or one short where a heading moved on with its
      // text (attachment pages, with their tables, are not counted).
      const middle = sigPage(c) - 1;
      expect(full).toBeGreaterThanOrEqual(Math.ceil(middle / 2));
    });

    it('sets 28 characters on a full line of Chinese text, filling the block, and never more (a tracked paragraph: as many as fit)', () => {
      const lines = lo[name].lines.filter((l) => isBody(l) && FULL_WIDTH.test(l.text));
      const paragraphs = predictedParagraphs(c.doc, inputs);
      const most = maxFullWidth(paragraphs, inputs);
      // (a line of 28 in a tracked paragraph may be its last, not filling the line)
      const tracking = trackingOfLine(paragraphs);
      const full = lines.filter((l) => [...l.text].length === 28 && tracking(l.text) === 0);
      expect(full.length).toBeGreaterThan(c.fixture ? 2 : 10);
      for (const l of full) {
        expect(Math.abs(l.left - LEFT), l.text).toBeLessThan(0.6);
        expect(Math.abs(l.right - RIGHT), l.text).toBeLessThan(1);
      }
      for (const l of lines) expect([...l.text].length, l.text).toBeLessThanOrEqual(most(l.text));
      expect(Math.max(...lines.map((l) => [...l.text].length))).toBeGreaterThanOrEqual(28);
    });

    it('breaks every body paragraph where the typesetter predicts, on as many lines as the PDF', () => {
      const have = new Set(lo[name].lines.map((l) => l.text.replace(/\s/g, '')));
      const paragraphs = predictedParagraphs(c.doc, inputs);
      expect(paragraphs.length).toBeGreaterThan(c.fixture ? 2 : 10);
      for (const p of paragraphs) {
        expect(p.wordLines.length, p.text.slice(0, 20)).toBe(p.pdfLines);
        // A line cut off by the page number row or a page break is still one of LibreOffice's lines, whole.
        for (const l of p.wordLines) expect(have.has(l), `${p.text.slice(0, 12)}…: ${l}`).toBe(true);
      }
    });

    it('numbers every page — n — outside by parity, the dashes\' ink 7 mm below the block', () => {
      const t = lo[name];
      const allDashes = pageNumberDashes(pdf[name], t.pages, BLOCK_BOTTOM);
      for (let p = 0; p < t.pages; p++) {
        const num = t.lines.find((l) => l.page === p && isPageNumber(l) && l.text.replace(/\D/g, '') === String(p + 1));
        expect(num, `page ${p + 1}`).toBeDefined();
        const n = num as TextLine;
        const dashes = allDashes[p];
        expect(dashes, `page ${p + 1}`).toHaveLength(2);
        for (const d of dashes) expect(Math.abs(d.y - d.thickness / 2 - (BLOCK_BOTTOM + 7)), `page ${p + 1}`).toBeLessThan(0.3);
        if (p % 2 === 0) expect(Math.abs(n.right - (RIGHT - 14 / PT_MM))).toBeLessThan(1);
        else expect(Math.abs(n.left - (LEFT + 14 / PT_MM))).toBeLessThan(1);
      }
    });

    it.runIf(c.doc.header)('places the mark 35 mm below the block top and the red rule 4 mm under the number', () => {
      const lines = lo[name].lines.filter((l) => l.page === 0);
      const mark = lines.find((l) => l.size > 30);
      expect(Math.abs(emTop(mark as TextLine) - (TOP + 35))).toBeLessThan(1.5);
      const number = lines.find((l) => l.text.includes('号')) as TextLine;
      const red = rulesOnPage(pdf[name], 0).filter((r) => r.color === 'red');
      expect(red).toHaveLength(1);
      const numberBottom = number.baseline + (0.12 * number.size) / PT_MM;
      expect(Math.abs(red[0].y - numberBottom - 4)).toBeLessThan(1);
      expect(Math.abs(red[0].x1 - LEFT)).toBeLessThan(0.5);
      expect(Math.abs(red[0].x2 - RIGHT)).toBeLessThan(0.5);
      // and where the PDF draws it
      const pdfRule = c.pdfPages[0].items.find((i) => i.kind === 'rule' && i.tag === 'rule.red');
      expect(pdfRule && Math.abs(red[0].y - pdfRule.y / PT_MM)).toBeLessThan(1);
    });

    it.runIf(c.doc.colophon)('pins the colophon to the bottom of the last page: thick, thin, thick, the last on the block edge', () => {
      const last = lo[name].pages - 1;
      // An attachment's table may share the last page: the colophon's rules are the lowest three.
      const black = rulesOnPage(pdf[name], last).filter((r) => r.color === 'black');
      if (!hasAttachmentPages(c)) expect(black).toHaveLength(3);
      const [top, mid, bottom] = black.slice(-3);
      expect(Math.abs(bottom.y - BLOCK_BOTTOM)).toBeLessThan(1);
      expect(top.thickness).toBeGreaterThan(mid.thickness);
      const cc = lo[name].lines.find((l) => l.page === last && l.text.startsWith('抄送：'));
      expect(cc && cc.baseline > top.y && cc.baseline < mid.y).toBe(true);
    });

    it.runIf(c.doc.attachments.some((a) => a.body.length > 0))('opens each attachment on the page the PDF does: 附件N on line 1, its title on line 3, the table header repeated', () => {
      const laid = c.laid.landings.attachments;
      expect(laid.length).toBeGreaterThan(0);
      for (const a of laid) {
        const lines = lo[name].lines.filter((l) => l.page === a.page && !isPageNumber(l));
        expect(lines[0].text.replace(/\s/g, ''), `page ${a.page + 1}`).toBe(c.doc.attachments.length > 1 ? `附件${a.item + 1}` : '附件');
        expect(lines[0].baseline - TOP, 'on line 1').toBeGreaterThan(0);
        expect(lines[0].baseline - TOP, 'on line 1').toBeLessThan(PITCH);
        const title = lines.filter((l) => Math.abs(l.size - 22) < 0.5);
        expect(title.map((l) => l.text.replace(/\s/g, '')).join('')).toBe(c.doc.attachments[a.item].title);
        expect(Math.abs(title[0].baseline - lines[0].baseline - 2 * PITCH)).toBeLessThan(1.5);
      }
      // A table running over pages repeats its header row at the top of the next page.
      const head = c.doc.attachments.flatMap((a) => a.body).find((b) => b.kind === 'table');
      if (head?.kind === 'table') {
        const first = head.table.columns[0].header;
        const pages = new Set(lo[name].lines.filter((l) => l.text.replace(/\s/g, '').startsWith(first)).map((l) => l.page));
        expect(pages.size).toBeGreaterThanOrEqual(2);
      }
    });

    it.runIf(!c.doc.sealed && c.doc.signatures.length > 1)('stacks unsealed joint signatures as the PDF does: lead organ first, one a line, then the date', () => {
      const last = sigPage(c);
      const at = (text: string) => lo[name].lines.find((l) => l.page === last && l.text.replace(/\s/g, '') === text) as TextLine;
      const names = c.doc.signatures.map((s) => at(s.organ));
      const date = at(c.doc.date ?? '年月日'); // a date not given prints blank for the clerk: 　　　　年　　月　　日
      const pdfSig = texts(c.pdfPages[last], 'signature');
      [...names, date].forEach((l, i, all) => {
        expect(l, String(i)).toBeDefined();
        if (i > 0) expect(l.baseline - all[i - 1].baseline).toBeCloseTo(PITCH, 0);
      });
      // Each name ends where the PDF ends it (names are Han text only: no gap is added to them).
      c.doc.signatures.forEach((s, i) => {
        const t = pdfSig.find((p) => p.text === s.organ) as TextItem;
        expect(Math.abs(names[i].right - (t.x / PT_MM + [...s.organ].length * CHAR)), s.organ).toBeLessThan(1);
      });
      expect(date.right).toBeLessThanOrEqual(RIGHT - 2 * CHAR + 1);
    });

    it.runIf(c.doc.signatures.length > 1 && c.doc.signatures.some((s) => s.seal))('sets each joint seal as high on its name as the PDF does: 0.2 line above its line bottom', () => {
      const last = sigPage(c);
      const pdfLast = c.pdfPages[last];
      const byPlace = (a: { x: number; y: number }, b: { x: number; y: number }) => a.y - b.y || a.x - b.x;
      const pdfSeals = pdfLast.items.filter((i): i is ImageItem => i.kind === 'image' && i.tag === 'seal')
        .map((i) => ({ x: (i.x + i.w / 2) / PT_MM, y: (i.y + i.h / 2) / PT_MM })).sort(byPlace);
      // A ring's centre from its top and width: what lies below may be covered (the colophon's box is opaque).
      const rings = redRings(pdf[name], last).map((b) => ({ x: (b.x1 + b.x2) / 2, y: b.y1 + (b.x2 - b.x1) / 2 })).sort(byPlace);
      expect(rings).toHaveLength(pdfSeals.length);
      const names = texts(pdfLast, 'signature');
      pdfSeals.forEach((seal, k) => {
        // The name the seal presses in the PDF (on the seal's line, the nearest across), and that name's line in
        // LibreOffice's PDF.
        const across = (t: TextItem) => Math.abs(t.x / PT_MM + ([...t.text].length * CHAR) / 2 - seal.x);
        const organ = names.filter((t) => Math.abs(t.y / PT_MM - seal.y) < PITCH).sort((a, b) => across(a) - across(b))[0];
        expect(organ, `seal ${k + 1}`).toBeDefined();
        const line = lo[name].lines.find((l) => l.page === last && l.text.replace(/\s/g, '').includes(organ.text)) as TextLine;
        expect(line, organ.text).toBeDefined();
        const want = seal.y - organ.y / PT_MM;
        const got = rings[k].y - line.baseline;
        expect(Math.abs(got - want), organ.text).toBeLessThan(1);
      });
    });

    // One organ: the seal floats in the name's paragraph.
    it.runIf(c.doc.signatures.length === 1 && c.doc.signatures.some((s) => s.seal))('centres the seal as the PDF does: on the name, 0.2 line above its line bottom', () => {
      const last = sigPage(c);
      const organ = lo[name].lines.find((l) => l.page === last && l.text === c.doc.signatures[0].organ) as TextLine;
      const box = redBox(pdf[name], last);
      const pdfLast = c.pdfPages[last];
      const pdfSeal = pdfLast.items.find((i): i is ImageItem => i.kind === 'image' && i.tag === 'seal') as ImageItem;
      const pdfOrgan = texts(pdfLast, 'signature')[0];
      // Centre relative to the name's baseline, in mm, in both outputs.
      const want = { x: (pdfSeal.x + pdfSeal.w / 2) / PT_MM, dy: (pdfSeal.y + pdfSeal.h / 2 - pdfOrgan.y) / PT_MM };
      const got = { x: (box.x1 + box.x2) / 2, dy: (box.y1 + box.y2) / 2 - organ.baseline };
      expect(Math.abs(got.x - want.x)).toBeLessThan(1.5);
      expect(Math.abs(got.dy - want.dy)).toBeLessThan(1);
      expect(Math.abs(box.x2 - box.x1 - 42)).toBeLessThan(1);
      // the seal presses on the date, which sits four characters in from the right
      const date = lo[name].lines.find((l) => l.page === last && l.text.replace(/\s/g, '') === c.doc.date) as TextLine;
      expect(date.baseline).toBeGreaterThan((box.y1 + box.y2) / 2);
      expect(date.baseline).toBeLessThan(box.y2);
      expect(Math.abs(date.right - (RIGHT - 4 * CHAR))).toBeLessThan(1);
    });
  });

  it('renders the first and last page of each as PNG for a look', () => {
    for (const c of cases) {
      const n = lo[c.name].pages;
      for (const p of new Set([1, n])) execFileSync('pdftoppm', ['-r', '50', '-png', '-f', String(p), '-l', String(p), pdf[c.name], join(dir, c.name)]);
    }
    expect(readdirSync(dir).filter((f) => f.endsWith('.png')).length).toBeGreaterThanOrEqual(cases.length * 2 - 1);
  });
});

/** Bounding boxes (mm) of the red rings on a page below its top quarter, each seal's outline: what is red and
 * connected, at least 30 mm wide. */
function redRings(pdfPath: string, page: number): { x1: number; y1: number; x2: number; y2: number }[] {
  const dpi = 50;
  const ppm = execFileSync('pdftoppm', ['-r', String(dpi), '-f', String(page + 1), '-l', String(page + 1), pdfPath], { maxBuffer: 64 << 20 });
  const header = ppm.subarray(0, 20).toString('latin1').split(/\s+/);
  const [w, h] = [Number(header[1]), Number(header[2])];
  const start = ppm.length - w * h * 3;
  const red = (x: number, y: number) => {
    const o = start + (y * w + x) * 3;
    return y >= h / 4 && ppm[o] > 160 && ppm[o + 1] < 120 && ppm[o + 2] < 120;
  };
  const seen = new Uint8Array(w * h);
  const mm = 25.4 / dpi;
  const out: { x1: number; y1: number; x2: number; y2: number }[] = [];
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) {
    if (seen[y * w + x] || !red(x, y)) continue;
    let [x1, y1, x2, y2] = [x, y, x, y];
    const stack = [[x, y]];
    seen[y * w + x] = 1;
    while (stack.length) {
      const [px, py] = stack.pop() as number[];
      x1 = Math.min(x1, px); x2 = Math.max(x2, px); y1 = Math.min(y1, py); y2 = Math.max(y2, py);
      for (const [dx, dy] of [[1, 0], [-1, 0], [0, 1], [0, -1]]) {
        const [nx, ny] = [px + dx, py + dy];
        if (nx >= 0 && ny >= 0 && nx < w && ny < h && !seen[ny * w + nx] && red(nx, ny)) {
          seen[ny * w + nx] = 1;
          stack.push([nx, ny]);
        }
      }
    }
    out.push({ x1: x1 * mm, y1: y1 * mm, x2: (x2 + 1) * mm, y2: (y2 + 1) * mm });
  }
  // Text drawn over a ring cuts it into arcs, with gaps of a pixel or so: boxes within 1 mm belong to one seal.
  const meet = (a: (typeof out)[number], b: (typeof out)[number]) => a.x1 <= b.x2 + 1 && b.x1 <= a.x2 + 1 && a.y1 <= b.y2 + 1 && b.y1 <= a.y2 + 1;
  for (let merged = true; merged; ) {
    merged = false;
    for (let i = 0; i < out.length && !merged; i++) for (let j = i + 1; j < out.length && !merged; j++) {
      if (!meet(out[i], out[j])) continue;
      const [a, b] = [out[i], out[j]];
      out[i] = { x1: Math.min(a.x1, b.x1), y1: Math.min(a.y1, b.y1), x2: Math.max(a.x2, b.x2), y2: Math.max(a.y2, b.y2) };
      out.splice(j, 1);
      merged = true;
    }
  }
  return out.filter((b) => b.x2 - b.x1 >= 30);
}

/** Bounding box (mm) of the red pixels on a page below its top quarter: the seal, where the mark is not. */
function redBox(pdfPath: string, page: number): { x1: number; y1: number; x2: number; y2: number } {
  const dpi = 100;
  const ppm = execFileSync('pdftoppm', ['-r', String(dpi), '-f', String(page + 1), '-l', String(page + 1), pdfPath], { maxBuffer: 64 << 20 });
  const header = ppm.subarray(0, 20).toString('latin1').split(/\s+/);
  const [w, h] = [Number(header[1]), Number(header[2])];
  const start = ppm.length - w * h * 3;
  let x1 = Infinity, y1 = Infinity, x2 = -Infinity, y2 = -Infinity;
  for (let y = Math.floor(h / 4); y < h; y++) {
    for (let x = 0; x < w; x++) {
      const o = start + (y * w + x) * 3;
      if (ppm[o] > 180 && ppm[o + 1] < 100 && ppm[o + 2] < 100) {
        x1 = Math.min(x1, x); x2 = Math.max(x2, x); y1 = Math.min(y1, y); y2 = Math.max(y2, y);
      }
    }
  }
  const mm = 25.4 / dpi;
  return { x1: x1 * mm, y1: y1 * mm, x2: (x2 + 1) * mm, y2: (y2 + 1) * mm };
}
