// Compose renders the author's body as written: numbers verbatim, standard numbers only where none is
// given, heading roles by the number's style, run-in headings, tables, attachments with content, and a
// data path (src) on every block back into the YAML.
import { describe, expect, it } from 'vitest';
import { bodyBlocks, composeReport, levelOfNumber } from '../src/compose/report.ts';
import type { Block } from '../src/compose/model.ts';
import { loadReportText } from '../src/load/index.ts';
import { Report } from '../src/schema/report.ts';
import type { BodyNode } from '../src/schema/body.ts';

const HEAD = { township: '岔河镇', county: '如东县', year: 2023, issuingOrgans: [{ name: '如东县岔河镇人民政府' }] };
const text = (b: Block): string => (b.kind === 'heading' ? b.text : b.kind === 'paragraph' ? b.runs.map((r) => r.text).join('') : b.kind);
const roles = (b: Block): string => (b.kind === 'heading' ? `h${b.level}` : b.kind === 'paragraph' ? b.runs.map((r) => r.role).join('+') : b.kind);

describe('numbers and heading roles', () => {
  it('reads the level from the number’s style, typos included', () => {
    expect(['一、', '十二、', '（一）', '(三)', '一)', '1.', '12．', '3、', '（1）', '(2)', '第一章', '①', ''].map(levelOfNumber)).toEqual([1, 1, 2, 2, 2, 3, 3, 3, 4, 4, undefined, undefined, undefined]);
  });

  it('prints the author’s numbers verbatim and numbers only the sections without one, counting those alone', () => {
    const body: BodyNode[] = [
      '导语。',
      { heading: '强化法治思维', number: '一、', body: [{ heading: '学法', number: '1.', body: ['甲。'] }, { heading: '用法', number: '2.' }] },
      { heading: '坚持依法决策', number: '二、', body: [{ heading: '续数', number: '3.', body: ['乙。'] }] },
      { heading: '无号标题', number: '', body: ['丙。'] },
      { heading: '自动一', body: [{ heading: '自动子', body: [{ heading: '三级', body: [{ heading: '四级', body: [{ heading: '五级' }] }] }] }] },
      { heading: '自动二' },
    ];
    const blocks = bodyBlocks(body, ['body'], 1);
    expect(blocks.map(text)).toEqual(['导语。', '一、强化法治思维', '1.学法', '甲。', '2.用法', '二、坚持依法决策', '3.续数', '乙。', '无号标题', '丙。', '一、自动一', '（一）自动子', '1.三级', '（1）四级', '（1）五级', '二、自动二']);
    // 1. directly under 一、 stays a level-3 heading (仿宋), not promoted to （一）'s 楷体
    expect(blocks.map(roles)).toEqual(['body', 'h1', 'h3', 'body', 'h3', 'h1', 'h3', 'body', 'h1', 'body', 'h1', 'h2', 'h3', 'h4', 'h4', 'h1']);
  });

  it('runs an inline heading into its first paragraph in the heading’s role; without a paragraph it stands alone', () => {
    const blocks = bodyBlocks([{ heading: '加强组织领导。', number: '（一）', inline: true, body: ['一是……二是……', '另段。'] }, { heading: '空。', number: '（二）', inline: true }], ['body'], 2);
    expect(blocks.map((b) => (b.kind === 'paragraph' ? b.runs : text(b)))).toEqual([
      [{ text: '（一）加强组织领导。', role: 'h2' }, { text: '一是……二是……', role: 'body' }],
      [{ text: '另段。', role: 'body' }],
      '（二）空。',
    ]);
    expect(blocks.map((b) => b.src)).toEqual([['body', 0], ['body', 0, 'body', 1], ['body', 1]]);
  });

  it('turns a table into a table block with its widths, and gives every block its data path', () => {
    const blocks = bodyBlocks([{ heading: '数据', number: '一、', body: ['说明。', { table: { caption: '主要数据', columns: ['项目', '数量'], widths: [3, 1], rows: [['普法活动', '67场次']] } }] }], ['body'], 1);
    expect(blocks[2]).toEqual({ kind: 'table', src: ['body', 0, 'body', 1], table: { caption: '主要数据', columns: [{ header: '项目', width: 3 }, { header: '数量', width: 1 }], rows: [['普法活动', '67场次']] } });
    expect(blocks.map((b) => b.src)).toEqual([['body', 0], ['body', 0, 'body', 0], ['body', 0, 'body', 1]]);
  });
});

describe('the report', () => {
  it('without a body prints the template’s five standard headings', () => {
    const doc = composeReport(Report.parse(HEAD), { baseDir: '.' });
    expect(doc.body.map(text)).toEqual(['一、2023年推进法治政府建设的主要举措和成效', '二、党政主要负责人履行推进法治建设第一责任人职责情况', '三、存在的不足和原因', '四、2024年推进法治政府建设的主要安排', '五、其他需要报告的情况']);
  });

  it('keeps attachments’ content and titles, and points signatures at their organ', () => {
    const doc = composeReport(Report.parse({ ...HEAD, body: ['正文。'], attachments: ['统计表', { title: '工作台账', body: ['台账说明。', { heading: '分项', body: ['明细。'] }] }] }), { baseDir: '.' });
    expect(doc.attachments.map((a) => [a.title, a.body.map(text), a.body.map((b) => b.src)])).toEqual([
      ['统计表', [], []],
      ['工作台账', ['台账说明。', '一、分项', '明细。'], [['attachments', 1, 'body', 0], ['attachments', 1, 'body', 1], ['attachments', 1, 'body', 1, 'body', 0]]],
    ]);
    expect(doc.signatures[0].src).toEqual(['issuingOrgans', 0]);
  });

  it('reads a number typed without quotes as written: `number: 1.` is 1., not 1', () => {
    const yaml = ['township: 岔河镇', 'county: 如东县', 'year: 2023', 'issuingOrgans: [{name: 岔河镇人民政府}]', 'body:', '  - heading: 甲', '    number: 1.', '  - heading: 乙', '    number: 12.', '  - {heading: 丙, number: 3}'].join('\n');
    const r = loadReportText(yaml, 't.yaml');
    if (!r.ok) throw new Error(r.diagnostics[0].en);
    expect(composeReport(r.report, { baseDir: '.' }).body.map(text)).toEqual(['1.甲', '12.乙', '3丙']);
  });

  it('refuses a table row with the wrong number of cells, at the row', () => {
    const yaml = ['township: 岔河镇', 'county: 如东县', 'year: 2023', 'issuingOrgans: [{name: 岔河镇人民政府}]', 'body:', '  - table:', '      columns: [项目, 数量]', '      rows:', '        - [普法活动, 67场次]', '        - [发放资料]'].join('\n');
    const r = loadReportText(yaml, 't.yaml');
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.diagnostics.map((d) => [d.line, d.col])).toEqual([[10, 11]]);
      expect(r.diagnostics[0].zh).toContain('有 1 格，而表头有 2 列');
    }
  });
});
