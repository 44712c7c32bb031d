// The DOCX writer: structure of the XML, deterministic bytes, and geometry after LibreOffice lays it out.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { strFromU8, strToU8, unzipSync, unzlibSync, Zip, ZipPassThrough } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Gongwen } from '../src/compose/model.ts';
import { composeReport } from '../src/compose/report.ts';
import { loadReportFile } from '../src/load/index.ts';
import { Packer } from 'docx';
import { fixedDocument, renderDocx } from '../src/render/docx/index.ts';
import { defaultWriterInputs, layOut } from '../src/render/inputs.ts';
import { packageParts } from '../src/render/docx/package.ts';
import { fileDown, fileUp, joint, plain, writeSealPng } from './helpers/docx-fixtures.ts';
import { maxFullWidth, predictedParagraphs } from './helpers/word-lines.ts';
import { pageNumberDashes, rulesOnPage, textLines, type TextLine } from './helpers/docx-pdf-geometry.ts';
import { convertToPdf, hasLibreOffice } from './helpers/libreoffice.ts';
import { entriesWithDataDescriptor, ooxmlErrors, zipEntryHeaders } from './helpers/docx-package.ts';

const inputs = defaultWriterInputs();

const dir = mkdtempSync(join(tmpdir(), 'gongwen-docx-'));
const seal = writeSealPng(join(dir, 'seal.png'));

function parts(bytes: Uint8Array): Record<string, string> {
  const files = unzipSync(bytes);
  return Object.fromEntries(Object.entries(files).filter(([n]) => n.endsWith('.xml') || n.endsWith('.rels')).map(([n, d]) => [n, strFromU8(d)]));
}

function style(xml: string, id: string): string {
  const m = new RegExp(`<w:style [^>]*w:styleId="${id}"[^>]*>.*?</w:style>`).exec(xml);
  if (!m) throw new Error(`no style ${id}`);
  return m[0];
}

describe('DOCX structure', () => {
  let up: Record<string, string>;
  beforeAll(async () => {
    up = parts(await renderDocx(fileUp(seal), inputs));
  });

  it('names a style for every role, with official font names in the East Asian slot', () => {
    const s = up['word/styles.xml'];
    const names = [...s.matchAll(/<w:name w:val="([^"]+)"/g)].map((m) => m[1]);
    for (const n of ['Normal', '一级标题', '二级标题', '三级标题', '四级标题', '标题', '主送机关', '署名', '成文日期', '附注', '抄送', '印发', '发文机关标志', '发文字号', '签发人', '页码'])
      expect(names).toContain(n);
    expect(style(s, 'Normal')).toContain('w:eastAsia="仿宋_GB2312"');
    expect(style(s, 'Normal')).toContain('w:ascii="Times New Roman"');
    expect(style(s, 'GwHeading1')).toContain('w:eastAsia="黑体"');
    expect(style(s, 'GwHeading2')).toContain('w:eastAsia="楷体_GB2312"');
    expect(style(s, 'GwTitle')).toContain('w:eastAsia="方正小标宋简体"');
    expect(style(s, 'GwTitle')).toContain('<w:sz w:val="44"/>');
    expect(style(s, 'GwMark')).toContain('<w:color w:val="FF0000"/>');
    expect(style(s, 'GwCc')).toContain('<w:sz w:val="28"/>');
    expect(style(s, 'GwPageNumber')).toContain('w:ascii="宋体"');
  });

  it('sets the body on the LibreOffice-safe grid: 16 pt, −5 twips, indent in twips and chars, overflowPunct', () => {
    const normal = style(up['word/styles.xml'], 'Normal');
    expect(normal).toContain('<w:sz w:val="32"/>');
    expect(normal).toContain('<w:spacing w:val="-5"/>');
    expect(normal).toContain('w:firstLine="640" w:firstLineChars="200"');
    expect(normal).toContain('<w:overflowPunct/>');
    const doc = up['word/document.xml'];
    expect(doc).toMatch(/<w:docGrid w:type="lines" w:linePitch="579"\/>/);
    expect(doc).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    // 37, 35 and 28 mm; the right margin is what is left of 210 mm after the 156 mm block
    expect(doc).toMatch(/<w:pgMar w:top="2098" w:right="147[45]" w:bottom="1984" w:left="1587"/);
  });

  it('adds what the style options of the package lack, in schema order: no widow control, grid off for exact heights', () => {
    const s = up['word/styles.xml'];
    expect(style(s, 'Normal')).toMatch(/<w:widowControl w:val="0"\/><w:overflowPunct\/><w:autoSpaceDE w:val="0"\/><w:autoSpaceDN w:val="0"\/><w:spacing /);
    for (const id of ['GwTitle', 'GwSpacer', 'GwRule', 'GwDocNumber', 'GwCc', 'GwPrinter', 'GwTable']) expect(style(s, id)).toMatch(/<w:snapToGrid w:val="0"\/><w:spacing /);
    expect(style(s, 'GwHeading1')).not.toContain('snapToGrid');
  });

  it('has odd and even footers with a PAGE field between em dashes, outside by parity', () => {
    expect(up['word/settings.xml']).toContain('<w:evenAndOddHeaders/>');
    const doc = up['word/document.xml'];
    expect(doc).toMatch(/<w:footerReference w:type="default"/);
    expect(doc).toMatch(/<w:footerReference w:type="even"/);
    const footers = Object.entries(up).filter(([n]) => /word\/footer\d+\.xml/.test(n)).map(([, x]) => x);
    expect(footers).toHaveLength(2);
    for (const f of footers) {
      expect(f).toContain('PAGE');
      expect(f).toMatch(/— <\/w:t>.*— ?<\/w:t>|— <\/w:t>.* —<\/w:t>/);
    }
    expect(footers.some((f) => f.includes('<w:jc w:val="right"/>'))).toBe(true);
    expect(footers.some((f) => f.includes('<w:jc w:val="left"/>'))).toBe(true);
  });

  it('draws the red rule as a red bottom border and pins the colophon to the bottom margin', () => {
    const doc = up['word/document.xml'];
    expect(doc).toMatch(/<w:pStyle w:val="GwRule"\/>.*?<w:bottom w:val="single"[^>]*w:color="FF0000"/);
    expect(doc).toMatch(/<wp:positionV relativeFrom="margin"><wp:align>bottom<\/wp:align><\/wp:positionV>.*抄送：县人大常委会办公室/);
    // 抄送 hangs after its label; firstLineChars 0 stops Word applying Normal's two-character first line instead.
    expect(doc).toMatch(/<w:pStyle w:val="GwCc"\/><w:ind w:left="\d+" w:right="\d+" w:hanging="\d+" w:firstLineChars="0"\/>/);
    expect(doc).toMatch(/behindDoc="1"/); // the seal sits behind the text
  });

  it('gives the colophon text box a VML fallback with the same content, for readers without DrawingML shapes', () => {
    const doc = up['word/document.xml'];
    const m = /<mc:AlternateContent><mc:Choice Requires="wps">(.*?)<\/mc:Choice><mc:Fallback>(.*?)<\/mc:Fallback><\/mc:AlternateContent>/s.exec(doc);
    expect(m).not.toBeNull();
    const [, choice, fallback] = m as RegExpExecArray;
    const content = (x: string) => /<w:txbxContent>.*<\/w:txbxContent>/s.exec(x)?.[0];
    expect(content(choice)).toContain('抄送：县人大常委会办公室');
    expect(content(fallback)).toBe(content(choice));
    expect(fallback).toMatch(/^<w:pict><v:rect style="[^"]*mso-position-vertical:bottom;mso-position-vertical-relative:margin;v-text-anchor:bottom"/);
    expect(fallback).toContain('<w10:wrap type="topAndBottom"');
  });

  it('defines every style a part names', () => {
    const defined = new Set([...up['word/styles.xml'].matchAll(/w:styleId="([^"]+)"/g)].map((m) => m[1]));
    const named = Object.entries(up).flatMap(([, x]) => [...x.matchAll(/<w:(?:pStyle|rStyle|tblStyle) w:val="([^"]+)"/g)].map((m) => m[1]));
    expect(named).toContain('FootnoteReference');
    expect(named).toContain('EndnoteReference');
    expect([...new Set(named)].filter((id) => !defined.has(id))).toEqual([]);
    expect(style(up['word/styles.xml'], 'FootnoteReference')).toContain('<w:vertAlign w:val="superscript"/>');
  });

  it('writes document properties from the data and is byte-identical across runs', async () => {
    const a = await renderDocx(fileUp(seal), inputs);
    const b = await renderDocx(fileUp(seal), inputs);
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    const core = up['docProps/core.xml'];
    expect(core).toContain('<dc:creator>如东县岔河镇人民政府</dc:creator>');
    expect(core).toContain('<dc:title>岔河镇2023年度法治政府建设情况报告</dc:title>');
    expect(core).toContain('2024-01-05T00:00:00Z');
    expect(core).not.toMatch(new RegExp(String(new Date().getFullYear()) + '-\\d\\d-\\d\\dT(?!00:00:00)'));
  });

  it('renders tables as real Word tables with a repeating header row', async () => {
    const doc = parts(await renderDocx(fileDown(), inputs))['word/document.xml'];
    expect(doc).toMatch(/<w:tblHeader\/>/);
    expect(doc).toContain('第30镇');
    expect(doc).toContain('<w:pStyle w:val="GwTableHead"/>');
  });

  it('draws chart bars grey, as the PDF does (red is for the mark, the rule and seals)', async () => {
    const files = unzipSync(await renderDocx(fileDown(), inputs));
    const pngs = Object.entries(files).filter(([n]) => n.startsWith('word/media/') && n.endsWith('.png'));
    expect(pngs).toHaveLength(1);
    const png = pngs[0][1];
    const at = Buffer.from(png).indexOf('IDAT');
    const len = new DataView(png.buffer, png.byteOffset + at - 4, 4).getUint32(0);
    // one filter byte, then one RGB pixel
    expect([...unzlibSync(png.subarray(at + 4, at + 4 + len))]).toEqual([0, 0x80, 0x80, 0x80]);
  });

  it('takes the same parts from the package as its own zip holds, before zipping', async () => {
    const zipped = unzipSync(await Packer.pack(fixedDocument(inputs.profile), 'uint8array'));
    const parts = await packageParts(fixedDocument(inputs.profile));
    expect([...parts.keys()].sort()).toEqual(Object.keys(zipped).sort());
    for (const [path, data] of parts) {
      if (path === 'docProps/core.xml') continue; // the package dates it with the clock
      const bytes = typeof data === 'string' ? strToU8(data) : data;
      expect(Buffer.from(bytes).equals(Buffer.from(zipped[path])), path).toBe(true);
    }
  });

  it('moves an addressee that would leave the first page without body text to the colophon, as 主送 above 抄送 (7.3.3)', async () => {
    const organs = Array.from({ length: 40 }, (_, i) => `县第${i + 1}办公室`).join('、');
    const doc: Gongwen = { ...fileUp(seal), addressee: `${organs}：` };
    const laid = layOut(doc, inputs);
    expect(laid.laid.landings.addressee?.inColophon).toBe(true);
    const xml = parts(await renderDocx(doc, laid))['word/document.xml'];
    expect(xml).not.toContain('GwAddressee');
    // In the colophon's box, one row: 主送 then 抄送 with no rule between them, the addressee's colon dropped.
    const box = /<w:txbxContent>.*?<\/w:txbxContent>/s.exec(xml)?.[0] ?? '';
    expect(box).toMatch(/主送：县第1办公室、.*县第40办公室。<\/w:t>.*抄送：县人大常委会办公室/s);
    expect(box.match(/<w:tr>/g)).toHaveLength(2);
    // and the addressee stays in the body when it leaves room for text
    expect(parts(await renderDocx(fileUp(seal), inputs))['word/document.xml']).toContain('GwAddressee');
  });

  it('leaves out the header for the plain variant', async () => {
    const doc = parts(await renderDocx(plain(), inputs))['word/document.xml'];
    expect(doc).not.toContain('GwMark');
    expect(doc).not.toContain('GwRule');
  });
});

/** The four fixture documents, each rendered once for the package checks and for LibreOffice. */
const docs: Record<string, Gongwen> = { fileup: fileUp(seal), joint: joint(seal), filedown: fileDown(), plain: plain() };
const rendered = new Map<string, Promise<Uint8Array>>();
function docxOf(name: string): Promise<Uint8Array> {
  if (!rendered.has(name)) rendered.set(name, renderDocx(docs[name], inputs));
  return rendered.get(name) as Promise<Uint8Array>;
}

describe('DOCX package', () => {
  const bytes: Record<string, Uint8Array> = {};
  beforeAll(async () => {
    for (const name of Object.keys(docs)) bytes[name] = await docxOf(name);
  });

  it('writes every entry with its sizes in the local header, never with a data descriptor', () => {
    for (const [name, zip] of Object.entries(bytes)) {
      const entries = zipEntryHeaders(zip);
      expect(entries.length, name).toBeGreaterThan(10);
      expect(entriesWithDataDescriptor(zip), name).toEqual([]);
      for (const e of entries) expect(e.compressedSize, `${name} ${e.name}`).toBe(e.centralCompressedSize);
    }
    // pictures (the seal, the chart's bar) are among them, stored as they are
    expect(zipEntryHeaders(bytes.fileup).filter((e) => e.name.startsWith('word/media/')).map((e) => e.method)).toEqual([0]);
    expect(zipEntryHeaders(bytes.filedown).filter((e) => e.name.startsWith('word/media/')).map((e) => e.method)).toEqual([0]);
  });

  it('the data-descriptor check finds them where a streaming zip writes them', () => {
    const chunks: Uint8Array[] = [];
    const zip = new Zip((_err, chunk) => chunks.push(chunk));
    const entry = new ZipPassThrough('word/media/image1.png');
    zip.add(entry);
    entry.push(new Uint8Array([1, 2, 3]), true);
    zip.end();
    expect(entriesWithDataDescriptor(Buffer.concat(chunks))).toEqual(['word/media/image1.png']);
  });

  it('validates against the Office Open XML schemas with no error', async () => {
    const paths = Object.entries(bytes).map(([name, zip]) => {
      const p = join(dir, `package-${name}.docx`);
      writeFileSync(p, zip);
      return p;
    });
    expect(await ooxmlErrors(paths)).toEqual([]);
  }, 240_000); // about 0.7 s a file on an idle machine, much more under load
});

// ---- LibreOffice layout -------------------------------------------------------------------------------------
const TOP = 37;
const BLOCK_BOTTOM = 297 - 35;
const LEFT = 28;
const RIGHT = 210 - 26;
const emTop = (l: TextLine) => l.baseline - (0.88 * l.size) / (72 / 25.4);

describe.skipIf(!hasLibreOffice())('DOCX laid out by LibreOffice', () => {
  const pdf: Record<string, string> = {};
  const text: Record<string, Awaited<ReturnType<typeof textLines>>> = {};

  beforeAll(async () => {
    const paths: string[] = [];
    for (const name of Object.keys(docs)) {
      const p = join(dir, `${name}.docx`);
      writeFileSync(p, await docxOf(name));
      paths.push(p);
    }
    const pdfs = await convertToPdf(paths, dir);
    Object.keys(docs).forEach((name, i) => (pdf[name] = pdfs[i]));
    for (const name of Object.keys(docs)) text[name] = await textLines(pdf[name]);
    for (const name of ['fileup', 'joint']) execFileSync('pdftoppm', ['-r', '60', '-png', pdf[name], join(dir, name)]);
  }, 180_000);

  it('puts 22 lines on a full page, one grid pitch apart', () => {
    const t = text.fileup;
    const page = t.lines.filter((l) => l.page === 1 && l.size === 16);
    expect(page).toHaveLength(22);
    const pitch = (page[21].baseline - page[0].baseline) / 21;
    expect(pitch).toBeCloseTo(225 / 22, 1);
  });

  it('sets 28 characters on a full line of Chinese text, filling the block', () => {
    const full = text.fileup.lines.filter((l) => l.size === 16 && /^[\u4e00-\u9fff，、。；：“”（）《》]+$/.test(l.text) && [...l.text].length === 28);
    expect(full.length).toBeGreaterThan(20);
    for (const l of full.slice(0, 20)) {
      expect(l.left).toBeCloseTo(LEFT, 0);
      expect(Math.abs(l.right - RIGHT)).toBeLessThan(1);
    }
    // and no line holds more than 28 full-width characters, but in a paragraph drawn tighter (as many as fit there)
    const wide = text.fileup.lines.filter((l) => l.size === 16 && /^[\u4e00-\u9fff，、。；：“”（）《》]+$/.test(l.text));
    const most = maxFullWidth(predictedParagraphs(docs.fileup, inputs), inputs);
    for (const l of wide) expect([...l.text].length, l.text).toBeLessThanOrEqual(most(l.text));
  });

  it('places the mark 35 mm below the block top and the red rule 4 mm under the number', () => {
    for (const name of ['fileup', 'filedown']) {
      const lines = text[name].lines.filter((l) => l.page === 0);
      const mark = lines.find((l) => l.text.includes('文件'));
      expect(mark).toBeDefined();
      expect(Math.abs(emTop(mark as TextLine) - (TOP + 35))).toBeLessThan(1.5);
      const number = lines.find((l) => l.text.includes('〔2024〕'));
      const red = rulesOnPage(pdf[name], 0).filter((r) => r.color === 'red');
      expect(red).toHaveLength(1);
      const numberBottom = (number as TextLine).baseline + (0.12 * (number as TextLine).size) / (72 / 25.4);
      expect(Math.abs(red[0].y - numberBottom - 4)).toBeLessThan(1);
      expect(red[0].x1).toBeCloseTo(LEFT, 0);
      expect(red[0].x2).toBeCloseTo(RIGHT, 0);
    }
  });

  it('puts file-up number and 签发人 on one line, the number one character in from the left', () => {
    const line = text.fileup.lines.find((l) => l.page === 0 && l.text.includes('签发人'));
    expect(line?.text).toContain('岔政发〔2024〕5号');
    expect(Math.abs((line as TextLine).left - (LEFT + 16 / (72 / 25.4)))).toBeLessThan(1);
    expect(Math.abs((line as TextLine).right - (RIGHT - 16 / (72 / 25.4)))).toBeLessThan(1.5);
  });

  it('numbers pages — n — on the outside edge by parity, the dashes\' ink 7 mm below the block', () => {
    const t = text.fileup;
    expect(t.pages).toBeGreaterThan(2);
    const allDashes = pageNumberDashes(pdf.fileup, t.pages, BLOCK_BOTTOM);
    for (let p = 0; p < t.pages; p++) {
      const num = t.lines.find((l) => l.page === p && l.text.replace(/\s/g, '') === `—${p + 1}—`);
      expect(num, `page ${p + 1}`).toBeDefined();
      const n = num as TextLine;
      const dashes = allDashes[p];
      expect(dashes, `page ${p + 1}`).toHaveLength(2);
      for (const d of dashes) expect(Math.abs(d.y - d.thickness / 2 - (BLOCK_BOTTOM + 7)), `page ${p + 1}`).toBeLessThan(0.3);
      expect(dashes[0].thickness).toBeLessThan(0.6); // a stroke, not a glyph's body
      if (p % 2 === 0) expect(Math.abs(n.right - (RIGHT - 14 / (72 / 25.4)))).toBeLessThan(1);
      else expect(Math.abs(n.left - (LEFT + 14 / (72 / 25.4)))).toBeLessThan(1);
    }
  });

  it('pins the colophon to the bottom of the last page: thick, thin, thick rules, the last on the block edge', () => {
    for (const name of ['fileup', 'joint', 'filedown']) {
      const last = text[name].pages - 1;
      const black = rulesOnPage(pdf[name], last).filter((r) => r.color === 'black');
      expect(black.length, name).toBe(3);
      const [top, mid, bottom] = black;
      expect(Math.abs(bottom.y - BLOCK_BOTTOM), name).toBeLessThan(1);
      expect(top.thickness).toBeGreaterThan(mid.thickness);
      expect(bottom.x1).toBeCloseTo(LEFT, 0);
      expect(bottom.x2).toBeCloseTo(RIGHT, 0);
      const cc = text[name].lines.find((l) => l.page === last && l.text.startsWith('抄送：'));
      expect(cc && cc.baseline > top.y && cc.baseline < mid.y).toBe(true);
    }
  });

  it('places a sealed signature with the date four characters in and the organ centred above it', () => {
    const t = text.fileup;
    const last = t.pages - 1;
    const date = t.lines.find((l) => l.page === last && l.text === '2024年1月5日') as TextLine;
    const organ = t.lines.find((l) => l.page === last && l.text === '如东县岔河镇人民政府') as TextLine;
    const ch = 156 / 28;
    expect(Math.abs(date.right - (RIGHT - 4 * ch))).toBeLessThan(1);
    // LibreOffice adds space between CJK and digits whatever autoSpaceDN says, so the date is wider there than
    // in Word: allow for it in the centring.
    expect(Math.abs((organ.left + organ.right) / 2 - (date.left + date.right) / 2)).toBeLessThan(4);
    expect(organ.baseline).toBeLessThan(date.baseline);
  });

  it('renders a body table: every row, and its header row again on each page the table runs over (issue 10)', () => {
    const lines = text.filedown.lines.map((l) => ({ page: l.page, text: l.text.replace(/\s/g, '') }));
    const rows = Array.from({ length: 30 }, (_, i) => `第${i + 1}镇${10 + i * 3}${i % 4}`);
    for (const r of rows) expect(lines.some((l) => l.text === r), r).toBe(true);
    const rowPages = new Set(lines.filter((l) => /^第\d+镇/.test(l.text)).map((l) => l.page));
    const headPages = new Set(lines.filter((l) => l.text.startsWith('乡镇执法案件')).map((l) => l.page));
    expect(rowPages.size).toBeGreaterThanOrEqual(2);
    expect([...headPages].sort()).toEqual([...rowPages].sort());
  });

  it('places an unsealed signature two characters in from the right', () => {
    const t = text.plain;
    const organ = t.lines.find((l) => l.text === '如东县岔河镇人民政府') as TextLine;
    expect(Math.abs(organ.right - (RIGHT - 2 * (156 / 28)))).toBeLessThan(1);
  });
});

describe('DOCX attachment pages', () => {
  it('puts each attachment with content on a new page after the signature and before the colophon: 附件N, title, blocks, a repeating table header', async () => {
    const file = join(import.meta.dirname, 'fixtures', 'golden', '青石镇-2023.yaml');
    const r = loadReportFile(file);
    if (!r.ok) throw new Error(r.diagnostics.map((d) => d.en).join('\n'));
    const doc = composeReport(r.report, { baseDir: dirname(file), variant: 'file-up' });
    const xml = parts(await renderDocx(doc, inputs))['word/document.xml'];
    const at = (s: string) => xml.indexOf(s);
    const labels = [...xml.matchAll(/<w:pStyle w:val="GwAttachmentLabel"\/><w:pageBreakBefore\/><\/w:pPr><w:r><w:t xml:space="preserve">(附件\d)<\/w:t>/g)].map((m) => m[1]);
    expect(labels).toEqual(['附件1', '附件2']);
    // after the date and 附注, in order, each title in the title style, before the colophon's box
    const [one, two] = [at('>附件1<'), at('>附件2<')];
    expect(at('2024年1月12日')).toBeLessThan(one);
    expect(one).toBeLessThan(at(`>${doc.attachments[0].title}<`));
    expect(at(`>${doc.attachments[0].title}<`)).toBeLessThan(two);
    expect(xml.slice(one, two)).toContain('<w:pStyle w:val="GwTitle"/>');
    expect(two).toBeLessThan(at('<mc:AlternateContent>'));
    // the second attachment's table, its header row marked to repeat on every page
    const table = xml.slice(two, at('<mc:AlternateContent>'));
    expect(table).toMatch(/<w:tr><w:trPr><w:cantSplit\/><w:tblHeader\/>(<w:trHeight [^>]*\/>)?<\/w:trPr>/);
    expect(table).toContain('>盐井村<');
  });
});
