// Warnings about a report that is valid but probably wrong: a statutory part missing, a figure that
// disagrees with its text, a year that disagrees with the date or a heading.
import { warning, type Diagnostic } from '../diagnostics.ts';
import { metricDef } from '../schema/catalogue.ts';
import type { Part, PartKey, Report } from '../schema/report.ts';
import { metricEntries, textFacts } from '../metrics/reportFacts.ts';
import type { DataPath, Position } from './positions.ts';

type LineOf = (path: DataPath) => Position;

/** The four parts a report must have in substance (`other` may be left out). */
const REQUIRED_PARTS: { key: PartKey; zh: string; en: string }[] = [
  { key: 'measures', zh: '推进法治政府建设的主要举措和成效', en: 'main measures and results' },
  { key: 'leadership', zh: '党政主要负责人履行推进法治建设第一责任人职责情况', en: "principal leaders' performance of their first-responsibility duty" },
  { key: 'shortcomings', zh: '存在的不足和原因', en: 'shortcomings and their causes' },
  { key: 'nextYear', zh: '下一年度推进法治政府建设的主要安排', en: "next year's plans" },
];

const hasSubstance = (part: Part): boolean => (part.paragraphs?.length ?? 0) > 0 || (part.items?.length ?? 0) > 0;

export function checkParts(report: Report, file: string, lineOf: LineOf): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const { key, zh, en } of REQUIRED_PARTS) {
    const part = report.parts[key];
    if (!part) {
      out.push(warning('report.partMissing', { key, zh, en }, { file, ...lineOf(['parts']) }));
    } else if (!hasSubstance(part)) {
      out.push(warning('report.partEmpty', { key, zh, en }, { file, ...lineOf(['parts', key]) }));
    }
  }
  return out;
}

const fmt = (value: number, unit: string, qualifier?: string): string => `${value}${qualifier ?? ''}${unit}`;

export function checkMetricsAgainstText(report: Report, file: string, lineOf: LineOf): Diagnostic[] {
  const facts = textFacts(report);
  const out: Diagnostic[] = [];
  for (const { key, metric } of metricEntries(report)) {
    const mentions = facts.filter((f) => f.key === key);
    // Several mentions may count different things; only a metric that matches none of them is suspect.
    if (mentions.length === 0 || mentions.some((f) => f.value === metric.value)) continue;
    const label = metricDef(key)?.label ?? key;
    out.push(warning('report.metricMismatch', { key, label, value: fmt(metric.value, metric.unit, metric.qualifier) }, {
      file,
      ...lineOf(['metrics', key, 'value']),
      related: mentions.map((f) => ({ file, ...lineOf(f.path), zh: `正文：“${f.source}”（${fmt(f.value, f.unit, f.qualifier)}）`, en: `text: "${f.source}" = ${fmt(f.value, f.unit, f.qualifier)}` })),
    }));
  }
  return out;
}

const firstYear = (text: string): number | undefined => {
  const m = /(\d{4})\s*年/.exec(text);
  return m ? Number(m[1]) : undefined;
};

export function checkYears(report: Report, file: string, lineOf: LineOf): Diagnostic[] {
  const out: Diagnostic[] = [];
  const { year } = report;
  const yearRef = [{ file, ...lineOf(['year']), zh: `报告年度 ${year}`, en: `report year ${year}` }];
  if (report.date) {
    const dateYear = Number(report.date.slice(0, 4));
    if (dateYear < year || dateYear > year + 1) {
      out.push(warning('report.dateYear', { date: report.date, year }, { file, ...lineOf(['date']), related: yearRef }));
    }
  }
  const headings: { path: DataPath; text?: string; want: number; zh: string; en: string }[] = [
    { path: ['parts', 'nextYear', 'heading'], text: report.parts.nextYear?.heading, want: year + 1, zh: '下一年度部分的标题', en: 'the next-year heading' },
    { path: ['parts', 'measures', 'heading'], text: report.parts.measures?.heading, want: year, zh: '主要举措部分的标题', en: 'the measures heading' },
    { path: ['title'], text: report.title, want: year, zh: '标题', en: 'the title' },
  ];
  for (const h of headings) {
    const named = h.text ? firstYear(h.text) : undefined;
    if (named !== undefined && named !== h.want) {
      out.push(warning('report.headingYear', { what: [h.zh, h.en], named, want: h.want }, { file, ...lineOf(h.path), related: yearRef }));
    }
  }
  return out;
}

export function checkReport(report: Report, file: string, lineOf: LineOf): Diagnostic[] {
  return [...checkParts(report, file, lineOf), ...checkYears(report, file, lineOf), ...checkMetricsAgainstText(report, file, lineOf)];
}
