// The roll-up document: title and narrative from the office's templates, tables and charts in place.
import { describe, expect, it } from 'vitest';
import { composeRollup } from '../src/compose/rollup.ts';
import { rollupCounty } from '../src/rollup/index.ts';

const text = (b: { kind: string; runs?: { text: string }[]; text?: string }) => b.runs?.map((r) => r.text).join('') ?? b.text ?? '';

describe('composeRollup', () => {
  const s = rollupCounty('data/示例县/2023');
  const doc = composeRollup(s);
  const all = doc.body.map(text).join('\n');

  it('is a red-header file-down document titled from templates/rollup-title.hbs', () => {
    expect(doc.variant).toBe('file-down');
    expect(doc.title).toBe('示例县2023年度乡镇法治政府建设情况汇总报告');
    expect(doc.header?.organs).toEqual(['示例县依法治县办']);
    expect(doc.header?.docNumber).toBe('示法治办〔2024〕6号');
    expect(doc.date).toBe('2024年3月25日');
    expect(doc.signatures.map((x) => x.organ)).toEqual(['示例县全面依法治县委员会办公室']);
  });

  it('states the totals in the narrative, with their qualifiers and reporting counts', () => {
    const events = s.metrics['publicity.events'];
    expect(all).toContain(`全县${events.reported}个乡镇共开展普法活动${events.value}场次`);
    expect(all).toContain(`发放普法资料不少于${s.metrics['publicity.materials'].value}份`);
    expect(all).toContain('示例东风镇逾期报送');
    expect(all).toContain('示例壬镇未填报统计指标');
    expect(all).toMatch(/（[一二三四五六七八九十]+）执法力量不足。/);
  });

  it('places three tables and a chart each for 普法活动 and 调解纠纷', () => {
    const tables = doc.body.filter((b) => b.kind === 'table');
    expect(tables.map((b) => b.kind === 'table' && b.table.caption)).toEqual([
      '表1　示例县各乡镇主要指标',
      '表2　示例县主要指标汇总',
      '表3　示例县各乡镇报告完整性（各部分字数）',
    ]);
    const figs = doc.body.filter((b) => b.kind === 'figure');
    expect(figs.map((b) => b.kind === 'figure' && b.chart.title)).toEqual(['各乡镇普法活动', '各乡镇调解矛盾纠纷']);
    const t1 = tables[0].kind === 'table' ? tables[0].table : undefined;
    expect(t1?.rows).toHaveLength(s.townships.length + 1); // + 合计
    for (const row of t1?.rows ?? []) expect(row).toHaveLength(t1!.columns.length);
  });

  it('takes the plain variant on request, and edited template text', () => {
    const plain = composeRollup(s, { variant: 'plain', titleTemplate: '关于{{county}}{{year}}年度法治政府建设的汇总', bodyTemplate: '共{{n}}个乡镇。\n\n{{table "totals"}}' });
    expect(plain.header).toBeUndefined();
    expect(plain.sealed).toBe(false);
    expect(plain.title).toBe('关于示例县2023年度法治政府建设的汇总');
    expect(plain.body.map((b) => b.kind)).toEqual(['paragraph', 'table']);
    expect(text(plain.body[0] as { kind: string; runs: { text: string }[] })).toBe(`共${s.townships.length}个乡镇。`);
  });

  it('names an unknown metric in a template instead of printing nonsense', () => {
    expect(() => composeRollup(s, { bodyTemplate: '{{total "publicity.nothing"}}' })).toThrow(/publicity\.nothing/);
  });
});
