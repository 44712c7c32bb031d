// The numeric facts of one report: its `metrics:` entries and the numbers in its running text, each with its YAML path.
import { metricDef, type MetricKey } from '../schema/catalogue.ts';
import { PART_KEYS, type Item, type MetricValue, type Report } from '../schema/report.ts';
import type { DataPath } from '../load/positions.ts';
import { extractFacts, type Fact } from './extract.ts';

export interface TextChunk {
  path: DataPath; // where the string sits in the YAML, e.g. ["parts","measures","items",2,"paragraphs",0]
  text: string;
}

function itemChunks(item: Item, path: DataPath): TextChunk[] {
  return [
    { path: [...path, 'heading'], text: item.heading },
    ...(item.paragraphs ?? []).map((text, i) => ({ path: [...path, 'paragraphs', i], text })),
    ...(item.items ?? []).flatMap((sub, i) => itemChunks(sub, [...path, 'items', i])),
  ];
}

/** Every piece of running text in reading order: lead, the five parts, closing. */
export function reportTexts(report: Report): TextChunk[] {
  const out: TextChunk[] = (report.lead ?? []).map((text, i) => ({ path: ['lead', i], text }));
  for (const key of PART_KEYS) {
    const part = report.parts[key];
    if (!part) continue;
    const base = ['parts', key];
    if (part.heading) out.push({ path: [...base, 'heading'], text: part.heading });
    (part.paragraphs ?? []).forEach((text, i) => out.push({ path: [...base, 'paragraphs', i], text }));
    (part.items ?? []).forEach((item, i) => out.push(...itemChunks(item, [...base, 'items', i])));
  }
  (report.closing ?? []).forEach((text, i) => out.push({ path: ['closing', i], text }));
  return out;
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

/** One line of `gongwen metrics --json`. */
export interface FactRecord {
  key: MetricKey | null;
  label: string;
  value: number;
  unit: string;
  qualifier: string | null;
  source: string | null;
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
  }));
  const rest: FactRecord[] = textFacts(report)
    .filter((f) => !entries.some((e) => isSourceOf(f, e)))
    .map((f) => ({ key: f.key, label: f.label, value: f.value, unit: f.unit, qualifier: f.qualifier ?? null, source: f.source }));
  return [...listed, ...rest];
}
