// Roll-up arithmetic on a three-township fixture whose expected figures were computed by hand.
import { describe, expect, it } from 'vitest';
import { rollupCounty } from '../src/rollup/index.ts';
import { combineQualifiers, formatQualified } from '../src/rollup/aggregate.ts';

const DIR = 'tests/fixtures/rollup/small';

describe('rollupCounty on the small fixture (子 丑 寅)', () => {
  const s = rollupCounty(DIR);

  it('sums and counts the reporting townships', () => {
    // 100 + 300 + 50
    expect(s.metrics['mediation.disputesMediated']).toMatchObject({ value: 450, reported: 3, method: 'sum' });
    // 13500余 + 2000: a lower bound, printed 不少于15500
    expect(s.metrics['publicity.materials']).toMatchObject({ value: 15500, reported: 2, qualifier: '余' });
    expect(formatQualified(15500, s.metrics['publicity.materials'].qualifier)).toBe('不少于15500');
    expect(s.metrics['publicity.events']).toMatchObject({ value: null, reported: 0 });
  });

  it('weights the mediation success rate by the disputes mediated', () => {
    // (100×90 + 300×98) / (100 + 300) = 38400 / 400 = 96; 寅 gave no rate and is left out
    expect(s.metrics['mediation.successRate'].method).toBe('weightedMean');
    expect(s.metrics['mediation.successRate'].value).toBeCloseTo(96, 10);
    expect(s.metrics['mediation.successRate'].reported).toBe(2);
  });

  it('computes rates from their parts', () => {
    const coverage = s.rates.find((r) => r.key === 'advisors.coverageRate')!;
    // (10 + 15 + 12) / (10 + 20 + 12) = 37 / 42
    expect(coverage).toMatchObject({ numeratorSum: 37, denominatorSum: 42, reported: 3 });
    expect(coverage.value).toBeCloseTo(88.0952, 3);
    const loss = s.rates.find((r) => r.key === 'disputes.lossRate')!;
    // (1 + 0) / (4 + 6); 寅 reported no litigation
    expect(loss).toMatchObject({ numeratorSum: 1, denominatorSum: 10, reported: 2 });
    expect(loss.value).toBeCloseTo(10, 10);
  });

  it('flags the late township against the deadline', () => {
    const late = s.completeness.filter((r) => r.late).map((r) => r.township);
    expect(late).toEqual(['示例丑镇']); // 2024-03-05 > 2024-02-29
  });

  it('groups shortcomings and plans by theme, naming the townships', () => {
    const by = Object.fromEntries(s.themes.shortcomings.map((g) => [g.label, g.townships]));
    expect(by['执法力量不足']).toEqual(['示例子镇', '示例寅镇']);
    expect(by['普法形式单一']).toEqual(['示例子镇']);
    expect(by['决策程序不规范']).toEqual(['示例丑镇']);
    expect(by['信息化水平不高']).toEqual(['示例寅镇']);
    const plans = Object.fromEntries(s.themes.nextYear.map((g) => [g.label, g.townships]));
    expect(plans['规范重大行政决策']).toEqual(['示例丑镇']);
  });
});

describe('qualifiers', () => {
  it('keep the direction of the bound, else become 约', () => {
    expect(combineQualifiers([undefined, undefined])).toBeUndefined();
    expect(combineQualifiers(['余', undefined, '多'])).toBe('余');
    expect(combineQualifiers(['近', '近'])).toBe('近');
    expect(combineQualifiers(['余', '近'])).toBe('约');
    expect(formatQualified(300, '近')).toBe('近300');
    expect(formatQualified(20.04, '约', 1)).toBe('约20');
  });
});
