// The completeness table (完整性): which parts each township wrote and how long, its metrics, its date.
import { PART_KEYS, type PartKey, type Report } from '../schema/report.ts';
import { bodyTexts, sectionsCovering } from '../schema/bodyWalk.ts';
import type { MetricKey } from '../schema/catalogue.ts';
import type { CompletenessRow, PartLength } from './types.ts';

/** The parts a report must have; 五、其他需要报告的情况 is optional. */
export const REQUIRED_PARTS: readonly PartKey[] = ['measures', 'leadership', 'shortcomings', 'nextYear'];

export const PART_LABELS: Record<PartKey, string> = {
  measures: '主要举措和成效',
  leadership: '第一责任人履职',
  shortcomings: '存在的不足',
  nextYear: '下一年度安排',
  other: '其他情况',
};

/**
 * The metrics every township is expected to give: the columns of the by-township table.
 * Missing ones are listed per township in the completeness table.
 */
export const KEY_METRICS: readonly MetricKey[] = [
  'publicity.events',
  'publicity.materials',
  'mediation.disputesMediated',
  'enforcement.certifiedOfficers',
  'enforcement.penaltyCases',
  'disputes.litigationCases',
  'advisors.villages',
  'advisors.covered',
];

const chars = (s: string) => [...s].length;

/** How much a part says: the characters under the sections that cover it (their own headings not counted). */
export function partLength(body: Report['body'], key: PartKey): PartLength {
  const n = sectionsCovering(body, key)
    .flatMap((c) => bodyTexts(c.section.body, c.path))
    .reduce((a, t) => a + chars(t.text), 0);
  // A part written as a bare heading with nothing under it counts as missing.
  return { present: n > 0, chars: n };
}

/** The row of a township whose file validated. */
export function completenessOf(report: Report, file: string, deadline: string, listed: boolean): CompletenessRow {
  const parts = Object.fromEntries(PART_KEYS.map((k) => [k, partLength(report.body, k)])) as Record<PartKey, PartLength>;
  const missingParts = REQUIRED_PARTS.filter((k) => !parts[k].present);
  const metrics = report.metrics ?? {};
  const metricsMissing = KEY_METRICS.filter((k) => metrics[k] === undefined);
  // ISO dates compare correctly as strings.
  const late = report.date !== undefined ? report.date > deadline : undefined;
  const flags: string[] = [];
  for (const k of missingParts) flags.push(`缺“${PART_LABELS[k]}”`);
  if (report.metrics === undefined || Object.keys(report.metrics).length === 0) flags.push('未填报统计指标');
  else if (metricsMissing.length > 0) flags.push(`缺主要指标${metricsMissing.length}项`);
  if (late) flags.push('逾期报送');
  if (report.date === undefined) flags.push('未注明成文日期');
  return {
    township: report.township,
    file,
    listed,
    status: 'ok',
    parts,
    missingParts,
    metricsReported: Object.keys(metrics).length,
    metricsMissing,
    date: report.date,
    late,
    flags,
  };
}
