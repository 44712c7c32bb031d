// Warnings on valid reports: missing statutory parts, figures that disagree with the text, years that disagree.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { partsOf } from '../src/import/covers.ts';
import { nearestPart } from '../src/load/covers.ts';
import type { PartKey } from '../src/schema/body.ts';
import type { Diagnostic } from '../src/diagnostics.ts';
import { loadReportFile } from '../src/load/index.ts';

const dir = mkdtempSync(join(tmpdir(), 'gongwen-warn-'));
let n = 0;
function warnings(lines: string[]): Diagnostic[] {
  const file = join(dir, `w${n++}.yaml`);
  writeFileSync(file, lines.join('\n') + '\n');
  const r = loadReportFile(file);
  if (!r.ok) throw new Error(r.diagnostics.map((d) => `${d.line}:${d.col} ${d.en}`).join('\n'));
  expect(r.warnings.every((w) => w.severity === 'warning' && w.file === file)).toBe(true);
  return r.warnings;
}
const where = (d: Diagnostic) => ({ code: d.code, line: d.line, col: d.col });

const HEAD = ['township: 岔河镇', 'county: 如东县', 'year: 2023', 'issuingOrgans: [{name: 岔河镇人民政府}]']; // lines 1–4
const ALL_PARTS = [
  'parts:', // 5
  '  measures:', // 6
  '    items:', // 7
  '      - heading: 加强法治宣传', // 8
  '        paragraphs:', // 9
  '          - 开展普法活动67场次，发放普法宣传资料13500余份。', // 10
  '  leadership: {paragraphs: [主要负责人讲法治课2次。]}', // 11
  '  shortcomings: {paragraphs: [宣传形式单一。]}', // 12
  '  nextYear: {paragraphs: [继续加强。]}', // 13
];

describe('a complete, consistent report', () => {
  it('has no warnings (the fixture on disk)', () => {
    const r = loadReportFile(join(import.meta.dirname, 'fixtures/load/complete.yaml'));
    expect(r.ok && r.warnings).toEqual([]);
  });
  it('has no warnings (inline)', () => {
    expect(warnings([...HEAD, ...ALL_PARTS])).toEqual([]);
  });
});

describe('statutory parts', () => {
  it('a missing part is flagged at the parts mapping, one warning per part; `other` is optional', () => {
    const ws = warnings([...HEAD, 'parts:', '  measures: {paragraphs: [做了工作。]}', '  shortcomings: {paragraphs: [不足。]}']);
    expect(ws.map(where)).toEqual([
      { code: 'report.partMissing', line: 6, col: 3 },
      { code: 'report.partMissing', line: 6, col: 3 },
    ]);
    expect(ws[0].zh).toContain('党政主要负责人');
    expect(ws[0].en).toContain('leadership');
    expect(ws[1].en).toContain('nextYear');
  });

  it('a part with a heading but no content is flagged as empty, at the part', () => {
    const ws = warnings([...HEAD, ...ALL_PARTS.slice(0, 8), '  nextYear:', '    heading: 四、2024年主要安排']);
    expect(ws.map(where)).toEqual([{ code: 'report.partEmpty', line: 14, col: 5 }]);
  });
});

describe('figures against the text', () => {
  it('a metric that disagrees with its phrase shows both positions', () => {
    const ws = warnings([...HEAD, ...ALL_PARTS, 'metrics:', '  publicity.events:', '    value: 76', '    unit: 场次']);
    expect(ws.map(where)).toEqual([{ code: 'report.metricMismatch', line: 16, col: 12 }]);
    expect(ws[0].zh).toContain('76场次');
    expect(ws[0].related).toEqual([
      { file: ws[0].file, line: 10, col: 13, zh: '正文：“普法活动67场次”（67场次）', en: 'text: "普法活动67场次" = 67场次' },
    ]);
  });

  it('agreeing figures, and figures the text does not mention, give no warning', () => {
    const ws = warnings([...HEAD, ...ALL_PARTS, 'metrics:', '  publicity.events: {value: 67, unit: 场次}', '  publicity.materials: {value: 13500, unit: 份, qualifier: 余}', '  enforcement.inspections: {value: 800, unit: 次}']);
    expect(ws).toEqual([]);
  });
});

describe('years', () => {
  it.each([
    ['2023-12-28', false],
    ['2024-01-05', false],
    ['2022-12-30', true],
    ['2025-01-10', true],
  ])('date %s against year 2023', (date, warn) => {
    const ws = warnings([...HEAD, `date: ${date}`, ...ALL_PARTS]);
    expect(ws.map(where)).toEqual(warn ? [{ code: 'report.dateYear', line: 5, col: 7 }] : []);
    if (warn) expect(ws[0].related?.[0]).toMatchObject({ line: 3, col: 7 });
  });

  it('a next-year heading that names another year than year+1', () => {
    const lines = [...HEAD, ...ALL_PARTS.slice(0, 8), '  nextYear:', '    heading: 四、2023年推进法治政府建设的主要安排', '    paragraphs: [继续加强。]'];
    const ws = warnings(lines);
    expect(ws.map(where)).toEqual([{ code: 'report.headingYear', line: 14, col: 14 }]);
    expect(ws[0].zh).toContain('应为 2024 年');
    lines[13] = '    heading: 四、2024年推进法治政府建设的主要安排';
    expect(warnings(lines)).toEqual([]);
  });
});

describe('statutory parts by the covers tags (body form)', () => {
  const tagged = (covers: string, heading = '章') => [`  - heading: ${heading}`, `    covers: ${covers}`, '    body: [有内容。]'];
  it('a part is there when any section covers it, at any depth, a list covering two', () => {
    const ws = warnings([...HEAD, 'body:', ...tagged('[measures, leadership]'), '  - heading: 主要做法和存在问题', '    body:', '      - heading: 存在问题', '        covers: shortcomings', '        body: [不足。]', ...tagged('nextYear')]);
    expect(ws).toEqual([]);
  });

  it('a missing part is one no section covers; an untagged chapter is named with its nearest part', () => {
    const ws = warnings([...HEAD, 'body:', '  - 导语。', ...tagged('measures'), '  - heading: 存在的差距和短板', '    number: 二、', '    body: [学法不够系统。]', ...tagged('nextYear')]);
    expect(ws.map(where)).toEqual([
      { code: 'report.partMissing', line: 6, col: 3 },
      { code: 'report.partMissing', line: 6, col: 3 },
      { code: 'report.sectionUntagged', line: 10, col: 14 },
    ]);
    expect(ws.map((w) => w.en.match(/"(\w+)"/)?.[1])).toEqual(['leadership', 'shortcomings', 'shortcomings']);
    expect(ws[2].zh).toContain('二、存在的差距和短板');
    expect(ws[2].en).toContain('add covers: shortcomings');
  });

  it('validate and the importer read one word list (templates/covers.yaml): a heading the importer tags with one part is that part’s nearest', () => {
    const cases: [string, PartKey][] = [
      ['存在缺乏', 'shortcomings'],
      ['2024年主要目标任务', 'nextYear'], // {next}年: the year after the report's
      ['主要负责人履行法治建设第一责任人职责情况', 'leadership'],
      ['工作成效及措施', 'measures'],
      ['其他需要报告的情况', 'other'],
    ];
    for (const [heading, part] of cases) {
      expect(partsOf(heading, 2023), heading).toEqual([part]);
      expect(nearestPart({ heading, body: ['有内容。'] }, 2023), heading).toBe(part);
    }
    expect(partsOf('2024年主要目标任务', 2024)).toEqual([]);
  });

  it('the nearest part of a heading without cue words comes from its text', () => {
    const ws = warnings([...HEAD, 'body:', ...tagged('[measures, leadership, shortcomings]'), '  - heading: 展望', '    body: [下一步，我们将继续完善工作计划。]']);
    expect(ws.map((w) => [w.code, w.en.includes('covers: nextYear')])).toEqual([['report.partMissing', false], ['report.sectionUntagged', true]]);
  });
});
