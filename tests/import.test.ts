// The importer on the five seeds and on texts written differently: lossless both ways, and the
// particular things each seed is known for (split title, joint issuance, inline headings, page markers).
import { readFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { spawnSync } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { Document, LevelFormat, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';
import { importText, type ImportResult } from '../src/import/index.ts';
import { readSourceDocument } from '../src/import/decode.ts';
import { Report } from '../src/schema/report.ts';
import { inventedSentences, lostSentences } from './fixtures/import/lossless.ts';
import { ImportedShape, outline, sections } from './helpers/imported.ts';

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
  expect(result.report.signers).toBeUndefined();
}

function expectValid(report: unknown) {
  const check = ImportedShape.safeParse(report);
  expect(check.success, check.error?.message).toBe(true);
}

describe('seeds import without loss', () => {
  it('finds five seeds', () => expect(seedFiles).toHaveLength(5));
  for (const prefix of ['000', '001', '002', '003', '004']) {
    it(`seed ${prefix}: every sentence both ways`, () => {
      const { raw, result } = seed(prefix);
      expectLossless(raw, result);
      expect(result.report.variant).toBe('file-up');
      expect(result.report.date).toBeUndefined();
    });
  }

  it('the check itself notices a dropped paragraph and an invented one', () => {
    const { raw, result } = seed('000');
    const dropped = structuredClone(result);
    const first = sections(dropped.report.body)[0];
    first.body = first.body!.slice(1);
    expect(lostSentences(raw, dropped).length).toBeGreaterThan(0);
    const added = structuredClone(result);
    added.report.body.push('全年未发生任何行政争议。');
    expect(inventedSentences(raw, added)).toEqual(['全年未发生任何行政争议。']);
  });

  it('seeds with a county in the text give a valid report', () => {
    for (const prefix of ['000', '002', '003', '004']) expectValid(seed(prefix).result.report);
  });
});

describe('what each seed is known for', () => {
  it('000: organ, places, inline level-2 headings, closing paragraph, bookmark listed', () => {
    const { result } = seed('000');
    const r = result.report;
    expect(r.issuingOrgans).toEqual([{ name: '如东县岔河镇人民政府' }]);
    expect([r.township, r.county, r.year, r.province]).toEqual(['岔河镇', '如东县', 2023, undefined]);
    expect(outline(r.body, 1)).toEqual([
      '一、本年度推进法治政府建设的主要举措和成效',
      '二、主要负责人履行法治建设第一责任人职责情况',
      '三、存在的不足和原因',
      '四、下一年度推进法治政府建设的主要安排',
    ]);
    const [measures, leadership, shortcomings, nextYear] = sections(r.body);
    expect([measures.covers, leadership.covers, shortcomings.covers, nextYear.covers]).toEqual(['measures', 'leadership', 'shortcomings', 'nextYear']);
    const first = sections(measures.body!)[0];
    expect(first).toMatchObject({ number: '（一）', heading: '加强组织领导。', inline: true });
    expect(first.body![0]).toMatch(/^一是紧紧抓住领导干部/);
    expect(first.body![0]).toContain('二是上半年');
    expect(sections(measures.body!)).toHaveLength(8);
    expect(sections(leadership.body!)).toHaveLength(4);
    expect(nextYear.body).toHaveLength(4); // 一是 … 四是 stay text
    const closing = r.body.at(-1);
    expect(closing).toMatch(/^法治建设责任重大/);
    expect(closing).toMatch(/！$/); // ASCII ! after Chinese text
    expect(result.artefacts.map((a) => a.text.trim())).toEqual(['[bookmark: _GoBack]']);
    expect(r.metrics?.['publicity.materials']).toEqual({ value: 13500, unit: '份', qualifier: '余', source: '普法宣传资料13500余份' });
  });

  it('001: no organ line, organs from the lead, no leadership chapter, county left for the clerk', () => {
    const { result } = seed('001');
    const r = result.report;
    expect(r.issuingOrgans?.map((o) => o.name)).toEqual(['中共高显镇党委', '高显镇人民政府']);
    expect(r.county).toBeUndefined();
    expect(sections(r.body).map((s) => s.covers)).toEqual(['measures', 'shortcomings', 'nextYear']);
    expect(result.notes.some((n) => n.kind === 'missingPart' && n.en.includes('leadership'))).toBe(true);
    const county = result.notes.find((n) => n.kind === 'missingField' && n.en.includes('county'));
    expect(county?.zh).toContain('--county'); // says how to fill it
    // U+3000 indents are gone.
    expect(JSON.stringify(r)).not.toContain('\u3000');
  });

  it('002: the title split over two lines is joined; 二、主要做法和存在问题 stays one chapter covering two parts', () => {
    const r = seed('002').result.report;
    expect(r.title).toBe('2023年度乌苏市四棵树镇法治政府建设报告');
    expect([r.township, r.county]).toEqual(['四棵树镇', '乌苏市']);
    expect(outline(r.body)).toEqual([
      '一、2023年法治政府建设情况',
      '  （一）强化组织领导，压实工作责任',
      '  （二）提高思想认识，认真履行法治建设第一责任人职责',
      '  （三）强化法治创建工作，推动基层治理提质增效',
      '  （四）持续推进依法行政工作，加快建设法治政府',
      '二、主要做法和存在问题',
      '  （一）主要做法。',
      '  （二）存在问题。',
      '三、2024年重点工作',
      '  （一）2024年主要目标任务。',
      '  （二）完成目标任务的主要措施。',
    ]);
    const [, both, next] = sections(r.body);
    expect(both.covers).toEqual(['measures', 'shortcomings']);
    expect(next.covers).toBe('nextYear');
    expect(sections(both.body!)[0].inline).toBe(true);
    expect(sections(sections(r.body)[0].body!)[0].inline).toBeUndefined(); // heading on its own line
  });

  it('003: joint issuance (two organs), addressee, city', () => {
    const r = seed('003').result.report;
    expect(r.issuingOrgans?.map((o) => o.name)).toEqual(['中共重庆市万州区罗田镇委员会', '重庆市万州区罗田镇人民政府']);
    expect(r.addressee).toBe('区委、区政府');
    expect([r.township, r.county, r.city]).toEqual(['罗田镇', '万州区', '重庆市']);
    expect(r.title).toBe('关于2023年度法治政府建设情况的报告');
    const [, , shortcomings, nextYear] = sections(r.body);
    expect(typeof shortcomings.body![0]).toBe('string'); // its opening paragraph before （一）
    expect(sections(nextYear.body!)).toHaveLength(5);
  });

  it('004: page markers removed and listed, every heading at its level, damage reported not rewritten', () => {
    const { raw, result } = seed('004');
    const markers = result.artefacts.filter((a) => /页码/.test(a.reason));
    expect(markers.map((a) => a.text)).toEqual(Array.from({ length: 11 }, (_, i) => `${i + 1}、`));
    expect(markers.map((a) => a.line)).toEqual(Array.from({ length: 11 }, (_, i) => i + 1));
    const all = JSON.stringify(result.report);
    expect(all).not.toMatch(/"\d+、/); // no marker left anywhere in the data
    expect(all).toContain('依法有效化解社会矛盾纠纷'); // "依\n2、法有效化解" glued back
    const r = result.report;
    expect(r.addressee).toBe('区政府');
    expect(r.title).toBe('2023年度乡镇法治政府建设情况报告及2023年工作方案');
    expect([r.township, r.county, r.city]).toEqual(['长征镇', '普陀区', '上海市']);
    // 一、根本情况 and 二、主要做法 both stay level-1 chapters: nothing merged.
    expect(outline(r.body)).toEqual([
      '一、根本情况',
      '二、主要做法',
      '  （一）加强政务公开和政府信息公开',
      '  （二）主动接受人大和社会监督',
      '  （三）强化组织领导，扎实推进基层法治建设',
      '  （四）实化依法履职，构建完整的法治政府格局',
      '  （五）深化惠民普法，努力营造良好的法治环境',
      '三、存在缺乏',
      '四、2023年工作方案',
      '  （一）积极推进基层法治建设。',
      '  （二）进一步推进全面落实行政执法“三项制度。',
      '  （三）不断完善公共法律效劳。',
      '  （四）全力做好普法工作。',
    ]);
    expect(sections(r.body).map((s) => s.covers)).toEqual(['measures', 'measures', 'shortcomings', 'nextYear']);
    expect(sections(r.body)[0].body![0]).toMatch(/^2023年，长征镇在区委、区政府的坚强领导下/);
    // The ASCII (一) of the source, written full-width, is listed.
    expect(result.notes.some((n) => n.kind === 'numbering' && n.zh.includes('“(一)”') && n.zh.includes('“（一）”'))).toBe(true);
    const damage = result.notes.filter((n) => n.kind === 'damage').map((n) => n.zh).join('\n');
    for (const w of ['效劳', '参谋', '反响', '根本', '缺乏']) expect(damage).toContain(`“${w}”`);
    expect(damage).toContain('引号未闭合');
    expect(all).toContain('法律效劳'); // reported, not silently rewritten
    expect(raw).toContain('区政府:'); // the ASCII colon became full-width in the lead
    expect(r.body[0]).toMatch(/^根据中共中央、国务院印发的法治政府建设实施纲要（2023-2023）的规定/);
  });
});

describe('texts written differently', () => {
  it('ASCII brackets, level-3 and level-4 headings, times and decimals kept', () => {
    const raw = readFileSync(join(FIXTURES, 'ascii-brackets.txt'), 'utf8');
    const result = importText(raw);
    expectLossless(raw, result);
    const r = result.report;
    expect(r.addressee).toBe('县委、县政府');
    expect(outline(r.body).slice(0, 8)).toEqual([
      '一、2023年推进法治政府建设的主要举措和成效',
      '  （一）强化组织保障',
      '    1.全面履行法治主体责任。',
      '    2.健全依法决策机制。',
      '  （二）深化普法宣传',
      '    1.开展主题宣传。',
      '      （1）线上宣传。',
      '      （2）线下宣传。',
    ]);
    const first = sections(sections(sections(r.body)[0].body!)[0].body!)[0];
    expect(first).toMatchObject({ heading: '全面履行法治主体责任。', inline: true });
    expect(first.body![0]).toMatch(/^镇党委、政府主要负责人切实履行/);
    const text = JSON.stringify(r);
    expect(text).toContain('每周六8:30至11:30'); // clock time untouched
    expect(text).toContain('阅读量1.2万人次'); // decimal point untouched
    expect(text).toContain('（含线上咨询）');
    expect(text).toContain('怎样让群众愿意学法？关键是贴近群众！');
    expect(text).not.toMatch(/[\u4e00-\u9fa5][,:;][\u4e00-\u9fa5]/);
    expect(r.metrics?.['publicity.events']).toMatchObject({ value: 35, unit: '场次' });
    // Every number written with ASCII brackets is listed as normalised.
    const normalised = result.notes.filter((n) => n.kind === 'numbering' && n.zh.includes('全角')).map((n) => n.line);
    expect(normalised).toEqual([7, 10, 12, 13, 20, 21]);
    expectValid(r);
  });

  it('an excerpt cut mid-sentence at both ends: items before any chapter stay where they are', () => {
    const raw = readFileSync(join(FIXTURES, 'excerpt-cut.txt'), 'utf8');
    const result = importText(raw);
    expectLossless(raw, result);
    expect(outline(result.report.body)).toEqual([
      '（二）加强矛盾纠纷化解。',
      '（三）推进政务公开。',
      '二、存在的不足和原因',
      '  （一）学法用法不够深入。',
      '  （二）执法力量较为薄弱。',
    ]);
    expect(result.report.body[0]).toMatch(/^习近平法治思想/);
    const last = sections(sections(result.report.body)[2].body!)[1];
    expect(last.body![0]).toMatch(/解决问题的能力$/);
    expect(result.notes.some((n) => n.kind === 'numbering' && n.zh.startsWith('“（二）”为此级第一个编号'))).toBe(true);
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
    const items = sections(sections(sections(result.report.body)[0].body!)[0].body!);
    expect(items.map((i) => `${i.number}${i.heading}`)).toEqual(['1、推进简政放权。', '2、优化营商环境。']);
    expectValid(result.report);
  });

  it('a .docx with a title over two paragraphs, an addressee, indents and a real table', async () => {
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
    const cell = (t: string) => new TableCell({ children: [new Paragraph(t)] });
    const table = new Table({
      rows: [
        ['项目', '2023年'],
        ['普法活动', '42场次'],
        ['行政处罚案件', '12件'],
      ].map((r) => new TableRow({ children: r.map(cell) })),
    });
    const paragraphs = lines.map((t) => new Paragraph({ children: [new TextRun(t)] }));
    const doc = new Document({ sections: [{ children: [...paragraphs.slice(0, 9), table, ...paragraphs.slice(9)] }] });
    const file = join(tmp, '马坝镇.docx');
    writeFileSync(file, await Packer.toBuffer(doc));
    const source = await readSourceDocument(file);
    expect(source.encoding).toBe('docx');
    const result = importText(source.text);
    expectLossless(source.text, result);
    const r = result.report;
    expect(r.title).toBe('2023年度马坝镇法治政府建设情况报告');
    expect(r.addressee).toBe('县委、县政府');
    const measures = sections(r.body)[0];
    expect(sections(measures.body!)).toHaveLength(2);
    // The table stands after （二） inside it, as in the document.
    expect(sections(measures.body!)[1].body!.at(-1)).toEqual({ table: { columns: ['项目', '2023年'], rows: [['普法活动', '42场次'], ['行政处罚案件', '12件']] } });
    expect(r.metrics?.['publicity.materials']).toMatchObject({ value: 5600, qualifier: '余' });
    expectValid(r);
  });
  it('a .docx whose headings use Word list numbering: counted, so the import report can say the numbers are missing', async () => {
    const doc = new Document({
      numbering: { config: [{ reference: 'cn', levels: [{ level: 0, format: LevelFormat.CHINESE_COUNTING, text: '%1、' }] }] },
      sections: [
        {
          children: [
            new Paragraph({ text: '主要举措和成效', numbering: { reference: 'cn', level: 0 } }),
            new Paragraph('全年集中学法6次。'),
            new Paragraph({ text: '存在的不足', numbering: { reference: 'cn', level: 0 } }),
          ],
        },
      ],
    });
    const file = join(tmp, '自动编号.docx');
    writeFileSync(file, await Packer.toBuffer(doc));
    const source = await readSourceDocument(file);
    expect(source.listItems).toBe(2);
    expect(source.text.split('\n')).toEqual(['主要举措和成效', '全年集中学法6次。', '存在的不足']);
  });
});

describe('the ordinary cases of issue 10', () => {
  const head = ['某县某某镇人民政府', '关于2023年度法治政府建设情况的报告', '', '县委、县政府：', '2023年，我镇扎实推进法治政府建设，现将有关情况报告如下：'];

  it('level-3 counts that continue across level-2 items are kept, not restarted', () => {
    const raw = [
      ...head,
      '一、主要举措和成效',
      '（一）加强学习',
      '1.集中学法。全年集中学法6次。',
      '2.专题讲座。举办法治讲座3场次。',
      '（二）规范执法',
      '3.执法培训。组织执法人员培训2次。',
      '4.案卷评查。评查行政执法案卷20卷。',
      '二、存在的不足和原因',
      '普法形式单一。',
    ].join('\n');
    const result = importText(raw);
    expectLossless(raw, result);
    expect(outline(result.report.body)).toEqual([
      '一、主要举措和成效',
      '  （一）加强学习',
      '    1.集中学法。',
      '    2.专题讲座。',
      '  （二）规范执法',
      '    3.执法培训。',
      '    4.案卷评查。',
      '二、存在的不足和原因',
    ]);
    expect(result.notes.find((n) => n.kind === 'numbering' && n.line === 11)?.zh).toContain('接续上一组的编号');
  });

  it('1. directly under 一、 stays there: no （一） level is invented', () => {
    const raw = [...head, '一、主要举措和成效', '1.加强学习。全年集中学法6次。', '2.规范执法。评查案卷20卷。', '二、存在的不足和原因', '普法形式单一。'].join('\n');
    const result = importText(raw);
    expectLossless(raw, result);
    expect(outline(result.report.body)).toEqual(['一、主要举措和成效', '  1.加强学习。', '  2.规范执法。', '二、存在的不足和原因']);
  });

  it('一) typos and an addressee line at the top, with no title', () => {
    const raw = ['市委、市政府:', '2023年,我镇扎实推进法治政府建设,现将有关情况报告如下:', '一、主要举措和成效', '一)加强学习。全年集中学法6次。', '二)规范执法。评查案卷20卷。'].join('\n');
    const result = importText(raw);
    expectLossless(raw, result);
    expect(result.report.addressee).toBe('市委、市政府');
    expect(result.report.title).toBeUndefined();
    expect(outline(result.report.body)).toEqual(['一、主要举措和成效', '  一）加强学习。', '  二）规范执法。']);
    const typos = result.notes.filter((n) => n.kind === 'numbering' && n.zh.includes('笔误'));
    expect(typos.map((n) => n.line)).toEqual([4, 5]);
  });

  it('pipe-table debris from a web page becomes a table block; its rule row is listed as removed', () => {
    const raw = [
      ...head,
      '一、主要举措和成效',
      '全年主要数据如下：',
      '| 项目 | 数量 | 备注 |',
      '|---|---|---|',
      '| 普法活动 | 42场次 | 含线上 |',
      '| 行政复议案件 | 2件 |',
      '二、存在的不足和原因',
      '普法形式单一。',
    ].join('\n');
    const result = importText(raw);
    expectLossless(raw, result);
    const measures = sections(result.report.body)[0];
    expect(measures.body).toEqual([
      '全年主要数据如下：',
      { table: { columns: ['项目', '数量', '备注'], rows: [['普法活动', '42场次', '含线上'], ['行政复议案件', '2件', '']] } },
    ]);
    expect(result.artefacts.map((a) => [a.line, a.text])).toContainEqual([9, '|---|---|---|']);
    expect(result.report.metrics?.['publicity.events']).toMatchObject({ value: 42, unit: '场次' });
    expectValid(result.report);
  });

  it('a document number inside the text is not a statistic', () => {
    const raw = [...head, '一、主要举措和成效', '按照《关于印发2023年工作要点的通知》(某府办发〔2023〕64号)要求，全年集中学法6次。'].join('\n');
    const result = importText(raw);
    expectLossless(raw, result);
    const numbers = [...Object.values(result.report.metrics ?? {}).map((m) => m.source ?? ''), ...result.notes.filter((n) => n.kind === 'unmatchedNumber').map((n) => n.zh)];
    expect(numbers.join(' ')).not.toMatch(/64号|2023〕/);
    expect(numbers.join(' ')).toContain('6次');
  });

  it('attachments keep their content; the 附件说明 gives way to them; a closing date is read', () => {
    const raw = [
      ...head,
      '一、主要举措和成效',
      '全年集中学法6次。',
      '附件：1.2023年法治建设主要数据',
      '某县某某镇人民政府',
      '2024年1月15日',
      '附件1',
      '2023年法治建设主要数据',
      '| 项目 | 数量 |',
      '| 集中学法 | 6次 |',
    ].join('\n');
    const result = importText(raw);
    const r = result.report;
    expect(r.attachments).toEqual([{ title: '2023年法治建设主要数据', body: [{ table: { columns: ['项目', '数量'], rows: [['集中学法', '6次']] } }] }]);
    expect(r.date).toBe('2024-01-15');
    expect(outline(r.body)).toEqual(['一、主要举措和成效']);
    expect(sections(r.body)[0].body).toEqual(['全年集中学法6次。']);
    expectValid(r);
  });

  it('a chapter without a cue gets its covers by position, and every guess is in the import report', () => {
    const raw = [...head, '一、强化法治思维，筑牢法治建设根基', '全年集中学法6次。', '二、坚持依法决策，提高决策法治化水平', '合法性审查12件。', '三、存在的不足', '普法形式单一。', '四、聚焦重点，久久为功', '继续深化普法。'].join('\n');
    const result = importText(raw);
    expect(sections(result.report.body).map((s) => s.covers)).toEqual(['measures', 'measures', 'shortcomings', 'nextYear']);
    const guesses = result.notes.filter((n) => n.kind === 'covers');
    expect(guesses.map((n) => n.line)).toEqual([6, 8, 10, 12]);
    expect(guesses[0].zh).toContain('据所在位置');
    expect(guesses[2].zh).toContain('据标题用语');
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
      // The document is the seed's as the importer reads it (re-imported, issue 10): no hand edit touches it.
      const fresh = importText(readFileSync(join(import.meta.dirname, '..', data.source), 'utf8'), { source: data.source });
      expect(data.body).toEqual(fresh.report.body);
      expect([data.title, data.addressee, data.issuingOrgans]).toEqual([fresh.report.title, fresh.report.addressee, fresh.report.issuingOrgans]);
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
    expectValid(data);
    const md = readFileSync(out.replace(/\.yaml$/, '.import.md'), 'utf8');
    expect(md).toContain('页码标记');
    expect(md).toContain('疑似词语替换');
    // A second import into the same file is refused (issue 12 item 9) unless asked for; with --force, the same bytes.
    expect(run().status).toBe(1);
    expect(readFileSync(out, 'utf8')).toBe(yaml);
    expect(spawnSync(process.execPath, ['bin/gongwen.js', 'import', 'seeds/004_1f4ceab2d0d79870.txt', '--out', out, '--force'], { cwd: join(import.meta.dirname, '..') }).status).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe(yaml);
    expect(readdirSync(join(tmp, 'data', 'seeds')).filter((f) => f.includes('tmp'))).toEqual([]);
  });

  it('--county, --township, --organ and the county.yaml of the folder fill what the text cannot give', () => {
    const dir = join(tmp, 'data', '某县', '2025');
    mkdirSync(dir, { recursive: true });
    writeFileSync(
      join(dir, 'county.yaml'),
      ['county: 某县', 'city: 某市', 'year: 2025', 'townships: [大中街道]', 'deadline: 2026-01-31', 'issuingOrgans:', '  - name: 某县人民政府'].join('\n') + '\n',
    );
    const source = 'tests/fixtures/import/real/01-dazhong-jiedao.txt';
    const run = (out: string, ...flags: string[]) =>
      spawnSync(process.execPath, ['bin/gongwen.js', 'import', source, '--out', out, ...flags], { cwd: join(import.meta.dirname, '..'), encoding: 'utf8' });
    // Without them: the message names each missing field and how to fill it.
    const bare = run(join(tmp, 'bare.yaml'));
    expect(bare.status, bare.stderr).toBe(0);
    for (const hint of ['township', '--township', 'county', '--county', 'county.yaml', 'issuingOrgans', '--organ']) expect(bare.stderr).toContain(hint);
    expect(readFileSync(join(tmp, 'bare.import.md'), 'utf8')).toContain('--township');
    expect(ImportedShape.safeParse(parse(readFileSync(join(tmp, 'bare.yaml'), 'utf8'))).success).toBe(false);
    // Into the county's folder, with the township and the organ: a file that validates.
    const out = join(dir, '大中街道.yaml');
    const done = run(out, '--township', '大中街道', '--organ', '中共大中街道工作委员会', '--organ', '大中街道办事处');
    expect(done.status, done.stderr).toBe(0);
    expect(done.stderr).not.toContain('import.incomplete');
    const data = parse(readFileSync(out, 'utf8'));
    expect([data.township, data.county, data.city, data.year]).toEqual(['大中街道', '某县', '某市', 2025]);
    expect(data.issuingOrgans).toEqual([{ name: '中共大中街道工作委员会' }, { name: '大中街道办事处' }]);
    expectValid(data);
    expect(readFileSync(join(dir, '大中街道.import.md'), 'utf8')).toContain('county.yaml');
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
