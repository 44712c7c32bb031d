// The numeric facts of one report: its `metrics:` entries and the numbers in its running text, each with its YAML path.
import { metricDef, type MetricKey } from '../schema/catalogue.ts';
import type { MetricValue, Report } from '../schema/report.ts';
import { bodyTexts } from '../schema/bodyWalk.ts';
import type { DataPath } from '../load/positions.ts';
import { extractFacts, type Fact } from './extract.ts';

export interface TextChunk {
  path: DataPath; // where the string sits in the YAML, e.g. ["body",1,"body",2,"body",0]
  text: string;
}

/** Every piece of running text in reading order: the body, then the attachments' contents. */
export function reportTexts(report: Report): TextChunk[] {
  const attachments = (report.attachments ?? []).flatMap((a, i) => (typeof a === 'string' ? [] : bodyTexts(a.body, ['attachments', i, 'body'])));
  return [...bodyTexts(report.body, ['body']), ...attachments].map(({ path, text }) => ({ path, text }));
}

export interface TextFact extends Fact {
  path: DataPath; // the paragraph holding the phrase
}

export function textFacts(report: Report): TextFact[] {
  return reportTexts(report).flatMap((chunk) => extractFacts(chunk.text).map((f) => ({ ...f, path: chunk.path })));
}

export interface MetricEntry {
  key: MetricKey;
  metric: MetricValue;
}

export function metricEntries(report: Report): MetricEntry[] {
  return Object.entries(report.metrics ?? {}).flatMap(([key, metric]) => (metric ? [{ key: key as MetricKey, metric }] : []));
}

/** Where a figure comes from: declared under `metrics:`, or found in the paragraphs. */
export type Origin = 'data' | 'text';

/** One line of `gongwen metrics --json`. */
export interface FactRecord {
  key: MetricKey | null;
  label: string;
  value: number;
  unit: string;
  qualifier: string | null;
  source: string | null;
  origin: Origin;
  // Whether the roll-up counts it for its key: every declared figure, and for a key not declared the
  // first figure the text gives (a later mention of the same key usually counts a part of it).
  counted: boolean;
}

/** Whether a text fact is where a listed metric came from, so it is not counted twice. */
export function isSourceOf(fact: Fact, entry: MetricEntry): boolean {
  const src = entry.metric.source;
  if (src && (src === fact.source || src.includes(fact.source) || fact.source.includes(src))) return true;
  return fact.key === entry.key && fact.value === entry.metric.value;
}

/** The `metrics:` entries, then the numbers of the text that none of them came from (key null when no metric matched). */
export function reportFactRecords(report: Report): FactRecord[] {
  const entries = metricEntries(report);
  const listed: FactRecord[] = entries.map(({ key, metric }) => ({
    key,
    label: metricDef(key)?.label ?? key,
    value: metric.value,
    unit: metric.unit,
    qualifier: metric.qualifier ?? null,
    source: metric.source ?? null,
    origin: 'data',
    counted: true,
  }));
  const taken = new Set<MetricKey>(entries.map((e) => e.key));
  const rest: FactRecord[] = textFacts(report)
    .filter((f) => !entries.some((e) => isSourceOf(f, e)))
    .map((f) => {
      const counted = f.key !== null && !taken.has(f.key);
      if (f.key) taken.add(f.key);
      return { key: f.key, label: f.label, value: f.value, unit: f.unit, qualifier: f.qualifier ?? null, source: f.source, origin: 'text', counted };
    });
  return [...listed, ...rest];
}

/** A catalogue figure as the roll-up counts it, with where it came from. */
export type CountedMetric = MetricValue & { origin: Origin };

/** The figure that counts for each catalogue key: the one `metrics --json` marks counted. */
export function countedMetrics(report: Report): Partial<Record<MetricKey, CountedMetric>> {
  const out: Partial<Record<MetricKey, CountedMetric>> = {};
  for (const r of reportFactRecords(report)) {
    if (!r.counted || r.key === null) continue;
    out[r.key] = {
      value: r.value,
      unit: r.unit,
      ...(r.qualifier ? { qualifier: r.qualifier as MetricValue['qualifier'] } : {}),
      ...(r.source ? { source: r.source } : {}),
      origin: r.origin,
    };
  }
  return out;
}
