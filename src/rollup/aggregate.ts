// Totals for every catalogue metric, and rates computed from summed parts.
// Approximations carry through: a sum with one "13500余" in it is itself only a lower bound.
import { CATALOGUE, type MetricKey } from '../schema/catalogue.ts';
import type { MetricValue } from '../schema/report.ts';
import type { Origin } from '../metrics/reportFacts.ts';
import type { DerivedRate, MetricTotal, Qualifier } from './types.ts';

export interface MetricSource {
  township: string;
  metrics: Partial<Record<MetricKey, MetricValue & { origin?: Origin }>>; // origin absent: declared
}

/** The qualifier of a total: lower bounds stay lower bounds, upper bounds stay upper; anything mixed is 约. */
export function combineQualifiers(qs: (Qualifier | undefined)[]): Qualifier | undefined {
  const present = qs.filter((q): q is Qualifier => q !== undefined);
  if (present.length === 0) return undefined;
  if (present.every((q) => q === '余' || q === '多')) return '余';
  if (present.every((q) => q === '近')) return '近';
  return '约';
}

/** 不少于13500 / 近300 / 约20 / 42 — how a qualified total is printed in the roll-up. */
export function formatQualified(value: number, qualifier?: Qualifier, digits = 0): string {
  const n = formatNumber(value, digits);
  switch (qualifier) {
    case '余':
    case '多':
      return `不少于${n}`;
    case '近':
      return `近${n}`;
    case '约':
      return `约${n}`;
    default:
      return n;
  }
}

/** Rounds for print without trailing zeros: 97.5, 100, 1234. */
export function formatNumber(value: number, digits = 0): string {
  const f = 10 ** digits;
  return String(Math.round(value * f) / f);
}

function total(def: (typeof CATALOGUE)[number], sources: MetricSource[]): MetricTotal {
  const reporting = sources.filter((s) => s.metrics[def.key] !== undefined);
  const values = reporting.map((s) => s.metrics[def.key]!);
  const base = {
    key: def.key,
    label: def.label,
    unit: def.unit,
    reported: reporting.length,
    townships: reporting.map((s) => s.township),
    fromText: reporting.filter((s) => s.metrics[def.key]!.origin === 'text').map((s) => s.township),
    qualifier: combineQualifiers(values.map((v) => v.qualifier)),
  };
  if (values.length === 0) return { ...base, method: def.rollup.kind, value: null };
  if (def.rollup.kind === 'sum') return { ...base, method: 'sum', value: values.reduce((a, v) => a + v.value, 0) };
  // Weighted mean: only when every reporting township also gave the weight, else an honest plain mean.
  const weightKey = def.rollup.weight as MetricKey | undefined;
  const weights = weightKey ? reporting.map((s) => s.metrics[weightKey]?.value) : [];
  const wsum = weights.reduce<number>((a, w) => a + (w ?? 0), 0);
  if (weightKey && weights.every((w) => w !== undefined) && wsum > 0) {
    const v = values.reduce((a, m, i) => a + m.value * weights[i]!, 0) / wsum;
    return { ...base, method: 'weightedMean', value: v };
  }
  return { ...base, method: 'mean', value: values.reduce((a, m) => a + m.value, 0) / values.length };
}

export function metricTotals(sources: MetricSource[]): Record<MetricKey, MetricTotal> {
  return Object.fromEntries(CATALOGUE.map((def) => [def.key, total(def, sources)])) as Record<MetricKey, MetricTotal>;
}

const RATE_DEFS: Pick<DerivedRate, 'key' | 'label' | 'numerator' | 'denominator'>[] = [
  { key: 'advisors.coverageRate', label: '法律顾问覆盖率', numerator: 'advisors.covered', denominator: 'advisors.villages' },
  { key: 'disputes.lossRate', label: '行政诉讼败诉率', numerator: 'disputes.litigationLost', denominator: 'disputes.litigationCases' },
];

/** Rates from parts, over the townships that reported both parts (so the ratio compares like with like). */
export function derivedRates(sources: MetricSource[]): DerivedRate[] {
  return RATE_DEFS.map((def) => {
    const both = sources.filter((s) => s.metrics[def.numerator] && s.metrics[def.denominator]);
    const num = both.reduce((a, s) => a + s.metrics[def.numerator]!.value, 0);
    const den = both.reduce((a, s) => a + s.metrics[def.denominator]!.value, 0);
    const qualifier = combineQualifiers(
      both.flatMap((s) => [s.metrics[def.numerator]!.qualifier, s.metrics[def.denominator]!.qualifier]),
    );
    return {
      ...def,
      numeratorSum: num,
      denominatorSum: den,
      value: den > 0 ? (100 * num) / den : null,
      reported: both.length,
      // A ratio of approximations is approximate, whatever direction its parts lean.
      ...(qualifier ? { qualifier: '约' as const } : {}),
    };
  });
}
