// The importer on the five seeds and on texts written differently: lossless both ways, and the
// particular things each seed is known for (split title, joint issuance, inline headings, page markers).
import { readFileSync, mkdtempSync, rmSync, writeFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { spawnSync } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { Document, Packer, Paragraph, TextRun } from 'docx';
import { importText, type ImportResult } from '../src/import/index.ts';
import { readSourceDocument } from '../src/import/decode.ts';
import { Report } from '../src/schema/report.ts';
import { inventedSentences, lostSentences } from './fixtures/import/lossless.ts';

const SEEDS = join(import.meta.dirname, '..', 'seeds');
const FIXTURES = join(import.meta.dirname, 'fixtures', 'import');
const seedFiles = readdirSync(SEEDS).filter((f) => f.endsWith('.txt')).sort();
const seed = (prefix: string) => {
  const file = seedFiles.find((f) => f.startsWith(prefix))!;
  const raw = readFileSync(join(SEEDS, file), 'utf8');
  return { file, raw, result: importText(raw, { source: `seeds/${file}` }) };
};

const tmp = mkdtempSync(join(tmpdir(), 'gongwen-import-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function expectLossless(raw: string, result: ImportResult) {
  expect(lostSentences(raw, result)).toEqual([]);
  expect(inventedSentences(raw, result)).toEqual([]);
  // Never invented: what no source states.
  expect(result.report.docNumber).toBeUndefined();
  expect(result.report.date).toBeUndefined();
  expect(result.report.signers).toBeUndefined();
}

describe('seeds import without loss', () => {
  it('finds five seeds', () => expect(seedFiles).toHaveLength(5));
  for (const prefix of ['000', '001', '002', '003', '004']) {
    it(`seed ${prefix}: every sentence both ways`, () => {
      const { raw, result } = seed(prefix);
      expectLossless(raw, result);
      expect(result.report.variant).toBe('file-up');
    });
  }

  it('the check itself notices a dropped paragraph and an invented one', () => {
    const { raw, result } = seed('000');
    const items = result.report.parts.measures!.items!;
    const dropped = structuredClone(result);
    dropped.report.parts.measures!.items = items.slice(1);
    expect(lostSentences(raw, dropped).length).toBeGreaterThan(0);
    const added = structuredClone(result);
    added.report.closing = [...(added.report.closing ?? []), '全年未发生任何行政争议。'];
    expect(inventedSentences(raw, added)).toEqual(['全年未发生任何行政争议。']);
  });

  it('seeds with a county in the text give a valid report', () => {
    for (const prefix of ['000', '002', '003', '004']) {
      const check = Report.safeParse(seed(prefix).result.report);
      expect(check.success, `${prefix}: ${check.error?.message}`).toBe(true);
    }
  });
});

describe('what each seed is known for', () => {
  it('000: organ, places, inline level-2 headings, closing paragraph, bookmark listed', () => {
    const { result } = seed('000');
    const r = result.report;
    expect(r.issuingOrgans).toEqual([{ name: '如东县岔河镇人民政府' }]);
    expect([r.township, r.county, r.year, r.province]).toEqual(['岔河镇', '如东县', 2023, undefined]);
    const first = r.parts.measures!.items![0];
    expect(first.heading).toBe('加强组织领导。');
    expect(first.inline).toBe(true);
    expect(first.paragraphs![0]).toMatch(/^一是紧紧抓住领导干部/);
    expect(first.paragraphs![0]).toContain('二是上半年');
    expect(r.parts.measures!.items).toHaveLength(8);
    expect(r.parts.leadership!.items).toHaveLength(4);
    expect(r.parts.nextYear!.paragraphs).toHaveLength(4);
    expect(r.closing![0]).toMatch(/^法治建设责任重大/);
    expect(r.closing![0]).toMatch(/！$/); // ASCII ! after Chinese text
    expect(result.artefacts.map((a) => a.text.trim())).toEqual(['[bookmark: _GoBack]']);
    expect(r.metrics?.['publicity.materials']).toEqual({ value: 13500, unit: '份', qualifier: '余', source: '普法宣传资料13500余份' });
  });

  it('001: no organ line, organs from the lead, no leadership part, county left for the clerk', () => {
    const { result } = seed('001');
    const r = result.report;
    expect(r.issuingOrgans?.map((o) => o.name)).toEqual(['中共高显镇党委', '高显镇人民政府']);
    expect(r.county).toBeUndefined();
    expect(r.parts.leadership).toBeUndefined();
    expect(result.notes.some((n) => n.kind === 'missingPart' && n.en.includes('leadership'))).toBe(true);
    expect(result.notes.some((n) => n.kind === 'missingField' && n.en.includes('county'))).toBe(true);
    // U+3000 indents are gone.
    expect(JSON.stringify(r)).not.toContain('\u3000');
  });

  it('002: the title split over two lines is joined, 报  告 collapsed', () => {
    const r = seed('002').result.report;
    expect(r.title).toBe('2023年度乌苏市四棵树镇法治政府建设报告');
    expect([r.township, r.county]).toEqual(['四棵树镇', '乌苏市']);
    const items = r.parts.measures!.items!;
    expect(items[0]).toMatchObject({ heading: '强化组织领导，压实工作责任' });
    expect(items[0].inline).toBeUndefined(); // heading on its own line
    // 二、主要做法和存在问题: its 存在问题 item went to the shortcomings.
    expect(r.parts.shortcomings!.items![0].heading).toBe('存在问题。');
    expect(r.parts.nextYear!.heading).toBe('2024年重点工作');
  });

  it('003: joint issuance (two organs), addressee, city', () => {
    const r = seed('003').result.report;
    expect(r.issuingOrgans?.map((o) => o.name)).toEqual(['中共重庆市万州区罗田镇委员会', '重庆市万州区罗田镇人民政府']);
    expect(r.addressee).toBe('区委、区政府');
    expect([r.township, r.county, r.city]).toEqual(['罗田镇', '万州区', '重庆市']);
    expect(r.title).toBe('关于2023年度法治政府建设情况的报告');
    expect(r.parts.shortcomings!.paragraphs).toHaveLength(1);
    expect(r.parts.nextYear!.items).toHaveLength(5);
  });

  it('004: page markers removed and listed, headings recovered, damage reported not rewritten', () => {
    const { raw, result } = seed('004');
    const markers = result.artefacts.filter((a) => /页码/.test(a.reason));
    expect(markers.map((a) => a.text)).toEqual(Array.from({ length: 11 }, (_, i) => `${i + 1}、`));
    expect(markers.map((a) => a.line)).toEqual(Array.from({ length: 11 }, (_, i) => i + 1));
    const all = JSON.stringify(result.report);
    expect(all).not.toMatch(/\d+、/); // no marker left anywhere in the data
    expect(all).toContain('依法有效化解社会矛盾纠纷'); // "依\n2、法有效化解" glued back
    const r = result.report;
    expect(r.addressee).toBe('区政府');
    expect(r.title).toBe('2023年度乡镇法治政府建设情况报告及2023年工作方案');
    expect([r.township, r.county, r.city]).toEqual(['长征镇', '普陀区', '上海市']);
    // 一、根本情况 and 二、主要做法 both mean the measures: merged in order, nothing dropped.
    expect(r.parts.measures!.heading).toBe('根本情况');
    expect(r.parts.measures!.paragraphs![0]).toMatch(/^2023年，长征镇在区委、区政府的坚强领导下/);
    const practice = r.parts.measures!.items![0];
    expect(practice.heading).toBe('主要做法');
    expect(practice.items!.map((i) => i.heading)).toEqual([
      '加强政务公开和政府信息公开',
      '主动接受人大和社会监督',
      '强化组织领导，扎实推进基层法治建设',
      '实化依法履职，构建完整的法治政府格局',
      '深化惠民普法，努力营造良好的法治环境',
    ]);
    expect(r.parts.shortcomings!.heading).toBe('存在缺乏');
    expect(result.notes.some((n) => n.kind === 'merged')).toBe(true);
    const damage = result.notes.filter((n) => n.kind === 'damage').map((n) => n.zh).join('\n');
    for (const w of ['效劳', '参谋', '反响', '根本', '缺乏']) expect(damage).toContain(`“${w}”`);
    expect(damage).toContain('引号未闭合');
    expect(all).toContain('法律效劳'); // reported, not silently rewritten
    expect(raw).toContain('区政府:'); // the ASCII colon became full-width in the lead
    expect(r.lead![0]).toMatch(/^根据中共中央、国务院印发的法治政府建设实施纲要（2023-2023）的规定/);
  });
});

describe('texts written differently', () => {
  it('ASCII brackets, inline level-3 and level-4 headings, times and decimals kept', () => {
    const raw = readFileSync(join(FIXTURES, 'ascii-brackets.txt'), 'utf8');
    const result = importText(raw);
    expectLossless(raw, result);
    const r = result.report;
    expect(r.addressee).toBe('县委、县政府');
    const [first, second] = r.parts.measures!.items!;
    expect(first.heading).toBe('强化组织保障');
    expect(first.items![0]).toMatchObject({ heading: '全面履行法治主体责任。', inline: true });
    expect(first.items![0].paragraphs![0]).toMatch(/^镇党委、政府主要负责人切实履行/);
    expect(second.items![0].items!.map((i) => i.heading)).toEqual(['线上宣传。', '线下宣传。']);
    const text = JSON.stringify(r);
    expect(text).toContain('每周六8:30至11:30'); // clock time untouched
    expect(text).toContain('阅读量1.2万人次'); // decimal point untouched
    expect(text).toContain('（含线上咨询）');
    expect(text).toContain('怎样让群众愿意学法？关键是贴近群众！');
    expect(text).not.toMatch(/[\u4e00-\u9fa5][,:;][\u4e00-\u9fa5]/);
    expect(r.metrics?.['publicity.events']).toMatchObject({ value: 35, unit: '场次' });
    expect(Report.safeParse(r).success).toBe(true);
  });

  it('an excerpt cut mid-sentence at both ends', () => {
    const raw = readFileSync(join(FIXTURES, 'excerpt-cut.txt'), 'utf8');
    const result = importText(raw);
    expectLossless(raw, result);
    expect(result.report.parts.shortcomings!.items).toHaveLength(2);
    expect(result.report.parts.shortcomings!.items![1].paragraphs![0]).toMatch(/解决问题的能力$/);
  });

  it('GB18030 text is recognised and decoded', async () => {
    const file = join(FIXTURES, 'gb18030.txt');
    const bytes = readFileSync(file);
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
    const doc = await readSourceDocument(file);
    expect(doc.encoding).toBe('gb18030');
    const result = importText(doc.text);
    expectLossless(doc.text, result);
    expect(result.report.issuingOrgans).toHaveLength(2);
    expect([result.report.township, result.report.county]).toEqual(['庙头镇', '沭阳县']);
    expect(result.report.parts.measures!.items![0].items!.map((i) => i.heading)).toEqual(['推进简政放权。', '优化营商环境。']);
    expect(Report.safeParse(result.report).success).toBe(true);
  });

  it('a .docx made with the docx package', async () => {
    const lines = [
      '盱眙县马坝镇人民政府',
      '2023年度马坝镇法治政府建设情况',
      '报  告',
      '',
      '县委、县政府：',
      '\u3000\u30002023年，马坝镇坚持以习近平法治思想为指导，现将有关情况报告如下：',
      '\u3000\u3000一、2023年推进法治政府建设的主要举措和成效',
      '\u3000\u3000（一）加强法治宣传。全年开展普法活动42场次，发放普法宣传资料5600余份。',
      '\u3000\u3000（二）规范行政执法。全镇持证执法人员9人，全年办理行政处罚案件12件。',
      '\u3000\u3000二、党政主要负责人履行推进法治建设第一责任人职责情况',
      '\u3000\u3000镇党委书记带头讲法治课1次。',
      '\u3000\u3000三、存在的不足和原因',
      '\u3000\u3000普法宣传的针对性有待加强。',
      '\u3000\u3000四、2024年推进法治政府建设的主要安排',
      '\u3000\u3000一是深化普法宣传；二是加强执法队伍建设。',
    ];
    const doc = new Document({ sections: [{ children: lines.map((t) => new Paragraph({ children: [new TextRun(t)] })) }] });
    const file = join(tmp, '马坝镇.docx');
    writeFileSync(file, await Packer.toBuffer(doc));
    const source = await readSourceDocument(file);
    expect(source.encoding).toBe('docx');
    const result = importText(source.text);
    expectLossless(source.text, result);
    const r = result.report;
    expect(r.title).toBe('2023年度马坝镇法治政府建设情况报告');
    expect(r.addressee).toBe('县委、县政府');
    expect(r.parts.measures!.items).toHaveLength(2);
    expect(r.metrics?.['publicity.materials']).toMatchObject({ value: 5600, qualifier: '余' });
    expect(Report.safeParse(r).success).toBe(true);
  });
});

describe('headings that fit no part', () => {
  it('go beside the part before them and are listed as unmapped', () => {
    const raw = [
      '某县某某镇人民政府',
      '关于2023年度法治政府建设情况的报告',
      '',
      '一、主要举措和成效',
      '（一）加强学习。全年集中学法6次。',
      '二、典型经验',
      '“院坝说法”把普法课堂搬到群众家门口。',
      '三、存在的不足和原因',
      '普法形式单一。',
    ].join('\n');
    const result = importText(raw);
    expectLossless(raw, result);
    const measures = result.report.parts.measures!;
    expect(measures.items!.map((i) => i.heading)).toEqual(['加强学习。', '典型经验']);
    expect(result.notes.filter((n) => n.kind === 'unmapped').map((n) => n.line)).toEqual([6]);
  });
});

describe('the imported seed data in data/seeds', () => {
  const DATA = join(import.meta.dirname, '..', 'data', 'seeds');
  const files = readdirSync(DATA).filter((f) => f.endsWith('.yaml')).sort();
  it('holds one file per seed, each with its import report', () => {
    expect(files).toHaveLength(5);
    for (const f of files) expect(readdirSync(DATA)).toContain(f.replace(/\.yaml$/, '.import.md'));
  });
  for (const f of files) {
    it(`${f}: valid, file-up, from its seed, nothing invented, hand edits declared`, () => {
      const text = readFileSync(join(DATA, f), 'utf8');
      expect(text.split('\n')[0]).toBe('# yaml-language-server: $schema=../../schema/report.schema.json');
      const data = parse(text);
      const check = Report.safeParse(data);
      expect(check.success, check.error?.message).toBe(true);
      expect(data.variant).toBe('file-up');
      expect(f).toBe(`${data.township}-${data.year}.yaml`);
      expect(seedFiles.map((s) => `seeds/${s}`)).toContain(data.source);
      expect([data.docNumber, data.date, data.signers]).toEqual([undefined, undefined, undefined]);
      const hasAddressee = /^(003|004)_/.test(data.source.slice('seeds/'.length));
      expect(data.addressee !== undefined).toBe(hasAddressee);
      expect(text).toMatch(/^# 手工修订 \/ hand-edited/m);
    });
  }
});

describe('gongwen import (command line)', () => {
  it('writes the YAML with the modeline and the import report, deterministically', () => {
    const out = join(tmp, 'data', 'seeds', '长征镇-2023.yaml');
    const run = () =>
      spawnSync(process.execPath, ['bin/gongwen.js', 'import', 'seeds/004_1f4ceab2d0d79870.txt', '--out', out], {
        cwd: join(import.meta.dirname, '..'),
        encoding: 'utf8',
      });
    const first = run();
    expect(first.status, first.stderr).toBe(0);
    expect(first.stderr).toMatch(/12 artefact\(s\) removed/);
    const yaml = readFileSync(out, 'utf8');
    const modeline = yaml.split('\n')[0];
    const schema = relative(dirname(out), join(import.meta.dirname, '..', 'schema', 'report.schema.json'));
    expect(modeline).toBe(`# yaml-language-server: $schema=${schema}`);
    const data = parse(yaml);
    expect(data.source).toBe('seeds/004_1f4ceab2d0d79870.txt');
    expect(Object.keys(data).slice(0, 4)).toEqual(['township', 'county', 'city', 'year']);
    expect(Report.safeParse(data).success).toBe(true);
    const md = readFileSync(out.replace(/\.yaml$/, '.import.md'), 'utf8');
    expect(md).toContain('页码标记');
    expect(md).toContain('疑似词语替换');
    expect(run().status).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe(yaml);
    expect(readdirSync(join(tmp, 'data', 'seeds')).filter((f) => f.includes('tmp'))).toEqual([]);
  });

  it('a missing file is an error message, not a stack trace', () => {
    const run = spawnSync(process.execPath, ['bin/gongwen.js', 'import', join(tmp, 'nope.txt'), '--out', join(tmp, 'x.yaml')], {
      cwd: join(import.meta.dirname, '..'),
      encoding: 'utf8',
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('import.notFound');
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });
});
