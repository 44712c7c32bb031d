// Figures of the text → `metrics:` (catalogue matches, first mention wins); the rest goes to the import report.
import { extractFacts } from '../metrics/extract.ts';
import type { MetricKey } from '../schema/catalogue.ts';
import type { MetricValue } from '../schema/report.ts';
import type { Note } from './types.ts';

export type Metrics = Partial<Record<MetricKey, MetricValue>>;

export function importMetrics(texts: string[], notes: Note[]): Metrics {
  const metrics: Metrics = {};
  for (const text of texts) {
    for (const f of extractFacts(text)) {
      if (f.key === null) {
        notes.push({ kind: 'unmatchedNumber', zh: `数字“${f.source}”未对应指标目录`, en: `number "${f.source}" matches no catalogue metric` });
        continue;
      }
      const have = metrics[f.key];
      if (!have) {
        metrics[f.key] = { value: f.value, unit: f.unit || unitOf(f.label), ...(f.qualifier ? { qualifier: f.qualifier } : {}), source: f.source };
      } else if (have.value !== f.value || have.unit !== (f.unit || have.unit)) {
        notes.push({
          kind: 'conflictingMetric',
          zh: `指标 ${f.key}（${f.label}）再次出现为“${f.source}”，已保留首次出现的“${have.source}”`,
          en: `metric ${f.key} appears again as "${f.source}"; the first, "${have.source}", was kept`,
        });
      }
    }
  }
  return metrics;
}

// A fact without a unit (rare: "答复率达100" written without %) still needs one for the schema.
const unitOf = (label: string): string => (/率/.test(label) ? '%' : '项');
