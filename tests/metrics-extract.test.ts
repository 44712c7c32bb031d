// Numeric facts in running text: the figures quoted in REPORT-CONTENT.md, numerals, qualifiers, and what to ignore.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractFacts, type Fact } from '../src/metrics/extract.ts';
import { parseChineseNumeral } from '../src/metrics/numerals.ts';

const seedsDir = join(import.meta.dirname, '..', 'seeds');
const seed = (prefix: string): string => readFileSync(join(seedsDir, readdirSync(seedsDir).find((f) => f.startsWith(prefix))!), 'utf8');
const brief = (f: Fact) => ({ key: f.key, value: f.value, unit: f.unit, qualifier: f.qualifier });

// [seed, phrase as quoted in REPORT-CONTENT.md, key, value, unit, qualifier]
const SEED_FIGURES: [string, string, string, number, string, string?][] = [
  ['000', '普法活动67场次', 'publicity.events', 67, '场次'],
  ['000', '普法宣传资料13500余份', 'publicity.materials', 13500, '份', '余'],
  ['000', '执法资格人员11人', 'enforcement.certifiedOfficers', 11, '人'],
  ['000', '执法辅助人员21人', 'enforcement.auxiliaryStaff', 21, '人'],
  ['000', '普通程序处罚案件5件', 'enforcement.penaltyCases', 5, '件'],
  ['000', '行政复议案件2件', 'disputes.reconsiderationCases', 2, '件'],
  ['000', '行政诉讼案件4件', 'disputes.litigationCases', 4, '件'],
  ['000', '25个村（社区）均配备法律顾问', 'advisors.villages', 25, '个'],
  ['000', '大调解中心调解矛盾纠纷67件', 'mediation.disputesMediated', 67, '件'],
  ['000', '社区矫正对象41人', 'corrections.communityCorrection', 41, '人'],
  ['000', '安置帮教对象141人', 'corrections.rehabilitation', 141, '人'],
  ['000', '主动公开21件', 'disclosure.proactive', 21, '件'],
  ['000', '依申请公开3件', 'disclosure.onRequest', 3, '件'],
  ['000', '出庭应诉率达100%', 'disputes.appearanceRate', 100, '%'],
  ['003', '执法检查800余次', 'enforcement.inspections', 800, '次', '余'],
  ['003', '排查化解矛盾纠纷278件', 'mediation.disputesMediated', 278, '件'],
  ['003', '调解案件285件次', 'mediation.disputesMediated', 285, '件次'],
  ['003', '新增持证执法人员2名', 'enforcement.certifiedOfficers', 2, '名'],
  ['002', '发放法治宣传资料1060多份', 'publicity.materials', 1060, '份', '多'],
  ['002', '接待咨询180人次', 'publicity.consultations', 180, '人次'],
  ['002', '调解矛盾纠纷90余件', 'mediation.disputesMediated', 90, '件', '余'],
];

describe('the figures seen in the seeds', () => {
  it.each(SEED_FIGURES)('seed %s: %s', (seedNo, phrase, key, value, unit, qualifier) => {
    const expected = { key, value, unit, qualifier };
    // on its own …
    const alone = extractFacts(phrase);
    expect(alone.map(brief)).toEqual([expected]);
    expect(phrase).toContain(alone[0].source);
    // … and where it stands in the seed, with the text around it
    const text = seed(seedNo);
    const at = text.indexOf(phrase);
    expect(at).toBeGreaterThanOrEqual(0);
    const inSeed = extractFacts(text).filter((f) => f.index >= at && f.index < at + phrase.length);
    expect(inSeed.map(brief)).toContainEqual(expected);
  });

  it('the bare 出庭应诉率100% of REPORT-CONTENT.md', () => {
    expect(extractFacts('出庭应诉率100%').map(brief)).toEqual([{ key: 'disputes.appearanceRate', value: 100, unit: '%', qualifier: undefined }]);
  });
});

describe('numbers and qualifiers', () => {
  it.each([
    ['两万', 20000], ['三十', 30], ['十二', 12], ['一百零五', 105], ['一万二', 12000], ['两千三百四十五', 2345], ['五十万', 500000],
  ])('Chinese numeral %s = %d', (s, v) => expect(parseChineseNumeral(s)).toBe(v));

  it.each(['四五', '二〇二三', '十四五', '万一', '百十'])('%s is not one number', (s) => expect(parseChineseNumeral(s)).toBeNull());

  it.each([
    ['发放宣传资料两万余份', { value: 20000, unit: '份', qualifier: '余', key: 'publicity.materials' }],
    ['培训干部三十多人', { value: 30, unit: '人', qualifier: '多', key: null }],
    ['召开专题会议十二次', { value: 12, unit: '次', qualifier: undefined, key: null }],
    ['接待群众近300人', { value: 300, unit: '人', qualifier: '近', key: null }],
    ['受益群众约5万', { value: 50000, unit: '', qualifier: '约', key: null }],
    ['发放资料1,060份', { value: 1060, unit: '份', qualifier: undefined, key: null }],
    ['调解成功率达98.5%', { value: 98.5, unit: '%', qualifier: undefined, key: 'mediation.successRate' }],
    ['投入经费2.5万元', { value: 2.5, unit: '万元', qualifier: undefined, key: null }],
    ['社区矫正对象４１人', { value: 41, unit: '人', qualifier: undefined, key: 'corrections.communityCorrection' }],
  ])('%s', (text, want) => {
    const facts = extractFacts(text);
    expect(facts).toHaveLength(1);
    expect(brief(facts[0])).toEqual(want);
  });

  it('a cue whose metric counts in another unit does not claim the number', () => {
    // 法律咨询 counts 人次; 设摊活动3次 is not a consultation count
    const [stall, people] = extractFacts('开展法律咨询设摊活动3次，接待咨询180人次');
    expect(stall.key).toBeNull();
    expect(people.key).toBe('publicity.consultations');
  });

  it('the nearest cue in the same clause wins, never one from the previous clause', () => {
    const facts = extractFacts('镇政府发文主动公开21件，政府信息依申请公开3件。');
    expect(facts.map((f) => [f.key, f.value])).toEqual([['disclosure.proactive', 21], ['disclosure.onRequest', 3]]);
    expect(extractFacts('开展普法活动。共计12次')[0].key).toBeNull();
  });

  it('a label without a cue stops at the previous figure', () => {
    const [, second] = extractFacts('参加法庭旁听庭审2场次160多人参加');
    expect(second).toMatchObject({ value: 160, qualifier: '多', unit: '人', source: '160多人' });
  });
});

describe('a figure right after a quotation counts what the quotation names', () => {
  it('“法治流动课堂”18次 is a 普法活动 figure, its phrase from the opening mark (real report 08-lizi-xiang)', () => {
    const facts = extractFacts('依托“邻栗小院”法治文化阵地,在6个行政村开展“法治流动课堂”18次,邀请专业力量开展宣讲');
    expect(facts.filter((f) => f.value === 18)).toEqual([{ key: 'publicity.events', label: '普法活动', value: 18, unit: '次', source: '“法治流动课堂”18次', index: 23 }]);
  });

  it('a cue inside the quotation names the metric: 培育“法律明白人”96人', () => {
    expect(extractFacts('培育“法律明白人”96人').map(brief)).toEqual([{ key: 'publicity.legalLiterates', value: 96, unit: '人', qualifier: undefined }]);
  });

  it('without a cue, the quotation is the figure’s label, whole', () => {
    expect(extractFacts('落实“三项制度”2次')).toMatchObject([{ key: null, label: '“三项制度”', value: 2, unit: '次', source: '“三项制度”2次' }]);
  });

  it('a number inside a quotation is still no figure', () => {
    expect(extractFacts('开展“3·15”宣传，“八五”普法')).toEqual([]);
  });
});

describe('what is not a statistic', () => {
  it.each([
    ['years and dates', '2023年1月以来，于2024年3月31日前完成，12月5日召开'],
    ['ordinals', '县委依治委第五次会议、第3次全体会议'],
    ['document numbers', '岔依治委【2023】02号、岔政发〔2024〕5号、渝府发[2023]12号'],
    ['plan names', '“十四五”规划，全方位推进“八五”普法，落实十四五规划'],
    ['“三项制度”-style names', '严格执行行政执法“三项制度”，行政执法三项制度，“三重一大”事项，三官一律一员'],
    ['numbers inside 《》 titles', '《万州区贯彻落实〈重庆市法治政府建设实施方案（2021—2025 年）〉的任务分工清单》《第2号令》'],
    ['festival dates in quotes', '利用“3·15”“5·1”等节点'],
    ['idioms with numerals', '十分重视，千家万户，一起抓，一体推进，统一部署'],
    ['ranges', '配备村级调解员3—5人'],
    ['headings and points', '一是加强学习；二是完善制度。（一）加强组织领导。1.全面履行职责'],
  ])('%s', (_what, text) => {
    expect(extractFacts(text)).toEqual([]);
  });

  it('no seed yields a year, a document number or a number from a title as a fact', () => {
    for (const file of readdirSync(seedsDir).filter((f) => f.endsWith('.txt'))) {
      const facts = extractFacts(readFileSync(join(seedsDir, file), 'utf8'));
      expect(facts.length).toBeGreaterThan(0);
      for (const f of facts) {
        expect(f.value >= 2000 && f.value <= 2100 && f.unit === '', `${file}: ${f.source}`).toBe(false);
        expect(f.source).not.toMatch(/[《》〔〕【】]/);
      }
    }
  });
});

describe('source phrases', () => {
  it('every fact’s source is exactly the text at its index, in every seed', () => {
    for (const file of readdirSync(seedsDir).filter((f) => f.endsWith('.txt'))) {
      const text = readFileSync(join(seedsDir, file), 'utf8');
      const facts = extractFacts(text);
      for (const f of facts) expect(text.slice(f.index, f.index + f.source.length)).toBe(f.source);
      // in reading order, and deterministic
      expect(facts.map((f) => f.index)).toEqual([...facts.map((f) => f.index)].sort((a, b) => a - b));
      expect(extractFacts(text)).toEqual(facts);
    }
  });

  it('a matched fact’s source runs from its cue to its unit', () => {
    const [f] = extractFacts('今年以来，开展“法律进乡村”普法活动67场次。');
    expect(f.source).toBe('普法活动67场次');
    expect(f.label).toBe('普法活动');
  });
});
