// Warnings about a report that is valid but probably wrong: a statutory part missing, a figure that
// disagrees with its text, a year that disagrees with the date or a heading.
import type { Diagnostic } from '../diagnostics.ts';
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

function warning(code: string, zh: string, en: string, file: string, pos: Position, related?: Diagnostic['related']): Diagnostic {
  return { code, severity: 'warning', zh, en, file, line: pos.line, col: pos.col, ...(related ? { related } : {}) };
}

/** Whether a section says anything under its heading. */
const hasSubstance = (section: Section): boolean => (section.body?.length ?? 0) > 0;

/** A statutory part is there when a section `covers` it; it is missing when none does, empty when they say nothing. */
export function checkParts(report: Report, file: string, lineOf: LineOf): Diagnostic[] {
  const out: Diagnostic[] = [];
  if (!report.body?.length) return out; // a new report: the template's skeleton is printed, nothing to check yet
  // A chapter whose part is unknown: say which it seems to be, so the clerk can tag it.
  for (const { section, path } of topSections(report.body)) {
    if (tagged(section)) continue;
    const near = nearestPart(section);
    const label = PART_NAMES[near];
    out.push(warning(
      'report.sectionUntagged',
      `第一级标题“${section.number ?? ''}${section.heading}”没有标明它报告哪个法定部分（covers），看来最接近“${label.zh}”，可写 covers: ${near}`,
      `section "${section.heading}" has no covers: tag; it reads like "${near}" (${label.en}): add covers: ${near}`,
      file,
      lineOf([...path, 'heading']),
    ));
  }
  for (const { key, zh, en } of REQUIRED_PARTS) {
    const covering = sectionsCovering(report.body, key);
    if (covering.length === 0) {
      out.push(warning('report.partMissing', `缺少法定部分“${zh}”：没有哪一节的 covers 标明 ${key}`, `statutory part "${key}" (${en}) is missing: no section covers it`, file, lineOf(['body'])));
    } else if (!covering.some((c) => hasSubstance(c.section))) {
      out.push(warning('report.partEmpty', `法定部分“${zh}”（covers: ${key}）没有内容`, `statutory part "${key}" (${en}) is empty`, file, lineOf(covering[0].path)));
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
    out.push(warning(
      'report.metricMismatch',
      `指标“${label}”（${key}）为 ${fmt(metric.value, metric.unit, metric.qualifier)}，与正文中的数字不一致`,
      `metric ${key} is ${fmt(metric.value, metric.unit, metric.qualifier)} but the text says otherwise`,
      file,
      lineOf(['metrics', key, 'value']),
      mentions.map((f) => ({ file, ...lineOf(f.path), zh: `正文：“${f.source}”（${fmt(f.value, f.unit, f.qualifier)}）`, en: `text: "${f.source}" = ${fmt(f.value, f.unit, f.qualifier)}` })),
    ));
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
      out.push(warning('report.dateYear', `成文日期 ${report.date} 与报告年度 ${year} 不符（通常为 ${year} 年底或 ${year + 1} 年）`, `date ${report.date} does not fit report year ${year} (expected in ${year} or ${year + 1})`, file, lineOf(['date']), yearRef));
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
      out.push(warning('report.headingYear', `${h.zh}写的是 ${named} 年，应为 ${h.want} 年`, `${h.en} names ${named}, expected ${h.want}`, file, lineOf(h.path), yearRef));
    }
  }
  return out;
}

export function checkReport(report: Report, file: string, lineOf: LineOf): Diagnostic[] {
  return [...checkParts(report, file, lineOf), ...checkYears(report, file, lineOf), ...checkMetricsAgainstText(report, file, lineOf)];
}
