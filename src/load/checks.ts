// Warnings about a report that is valid but probably wrong: a statutory part missing, a figure that
// disagrees with its text, a year that disagrees with the date or a heading.
import { warning, type Diagnostic } from '../diagnostics.ts';
import { metricDef } from '../schema/catalogue.ts';
import type { Report } from '../schema/report.ts';
import type { PartKey, Section } from '../schema/body.ts';
import { sectionsCovering, tagged, topSections } from '../schema/bodyWalk.ts';
import { nearestPart } from './covers.ts';
import { metricEntries, textFacts } from '../metrics/reportFacts.ts';
import type { DataPath, Position } from './positions.ts';

type LineOf = (path: DataPath) => Position;

/** The four parts a report must have in substance (`other` may be left out). */
const PART_NAMES: Record<PartKey, { zh: string; en: string }> = {
  measures: { zh: '推进法治政府建设的主要举措和成效', en: 'main measures and results' },
  leadership: { zh: '党政主要负责人履行推进法治建设第一责任人职责情况', en: "principal leaders' performance of their first-responsibility duty" },
  shortcomings: { zh: '存在的不足和原因', en: 'shortcomings and their causes' },
  nextYear: { zh: '下一年度推进法治政府建设的主要安排', en: "next year's plans" },
  other: { zh: '其他需要报告的情况', en: 'other matters' },
};
const REQUIRED_PARTS = (['measures', 'leadership', 'shortcomings', 'nextYear'] as const).map((key) => ({ key, ...PART_NAMES[key] }));

/** Whether a section says anything under its heading. */
const hasSubstance = (section: Section): boolean => (section.body?.length ?? 0) > 0;

/** A statutory part is there when a section `covers` it; it is missing when none does, empty when they say nothing. */
export function checkParts(report: Report, file: string, lineOf: LineOf): Diagnostic[] {
  const out: Diagnostic[] = [];
  if (!report.body?.length) return out; // a new report: the template's skeleton is printed, nothing to check yet
  // A chapter whose part is unknown: say which it seems to be, so the clerk can tag it.
  for (const { section, path } of topSections(report.body)) {
    if (tagged(section)) continue;
    const near = nearestPart(section, report.year);
    const label = PART_NAMES[near];
    out.push(warning('report.sectionUntagged', { number: section.number ?? '', heading: section.heading, near, zh: label.zh, en: label.en }, { file, ...lineOf([...path, 'heading']) }));
  }
  for (const { key, zh, en } of REQUIRED_PARTS) {
    const covering = sectionsCovering(report.body, key);
    if (covering.length === 0) {
      out.push(warning('report.partMissing', { key, zh, en }, { file, ...lineOf(['body']) }));
    } else if (!covering.some((c) => hasSubstance(c.section))) {
      out.push(warning('report.partEmpty', { key, zh, en }, { file, ...lineOf(covering[0].path) }));
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
  const partHeadings = (key: PartKey, want: number, zh: string, en: string) =>
    sectionsCovering(report.body, key).map((c) => ({ path: [...c.path, 'heading'], text: c.section.heading, want, zh, en }));
  const headings: { path: DataPath; text?: string; want: number; zh: string; en: string }[] = [
    ...partHeadings('nextYear', year + 1, '下一年度部分的标题', 'the next-year heading'),
    ...partHeadings('measures', year, '主要举措部分的标题', 'the measures heading'),
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
