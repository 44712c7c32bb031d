// The roll-up's three tables as typed cells, shared by the document (strings) and the workbook (numbers).
import { CATALOGUE, type MetricKey } from '../schema/catalogue.ts';
import type { MetricValue } from '../schema/report.ts';
import { PART_KEYS } from '../schema/report.ts';
import { formatNumber, formatQualified } from './aggregate.ts';
import { REQUIRED_PARTS } from './completeness.ts';
import type { CountySummary, MetricTotal } from './types.ts';

export type Cell = string | number | null; // null: not reported

/** The mark on figures the roll-up took from a township's text, not from its `metrics:`. */
export const FROM_TEXT = '据正文提取';

export interface DataTable {
  title: string;
  columns: { header: string; width: number; align: 'left' | 'center' | 'right'; numeric?: boolean }[];
  rows: Cell[][];
  /** Printed form of a numeric cell where it differs from the number: 7600余, 99.6%. */
  text?: (string | undefined)[][];
}

/** The by-township columns: short headers, as a 156 mm block holds about seven of them in 小四. */
export const TOWNSHIP_COLUMNS: { key: MetricKey; header: string }[] = [
  { key: 'publicity.events', header: '普法活动（场次）' },
  { key: 'publicity.materials', header: '普法资料（份）' },
  { key: 'mediation.disputesMediated', header: '调解纠纷（件）' },
  { key: 'enforcement.certifiedOfficers', header: '持证执法人员（人）' },
  { key: 'enforcement.penaltyCases', header: '处罚案件（件）' },
  { key: 'disputes.litigationCases', header: '行政诉讼（件）' },
];

const pct = (v: number | null) => (v === null ? undefined : `${formatNumber(v, 1)}%`);
const cellText = (m: MetricValue | undefined) => (m ? `${formatNumber(m.value, 1)}${m.qualifier ?? ''}` : undefined);
const totalText = (t: MetricTotal) => (t.value === null ? undefined : `${formatNumber(t.value, t.unit === '%' ? 1 : 0)}${t.qualifier ?? ''}`);

function coverage(m: Partial<Record<MetricKey, MetricValue>>): number | null {
  const v = m['advisors.villages']?.value;
  const c = m['advisors.covered']?.value;
  return v && c !== undefined ? (100 * c) / v : null;
}

/** 表1: one row per rolled-up township, plus the county total. */
export function townshipTable(s: CountySummary): DataTable {
  const rows: Cell[][] = [];
  const text: (string | undefined)[][] = [];
  for (const t of s.townships) {
    const m = t.metrics;
    const cov = coverage(m);
    // Figures found in the text rather than declared are marked, so the office checks them.
    const fromText = TOWNSHIP_COLUMNS.some((c) => m[c.key]?.origin === 'text');
    rows.push([t.township, ...TOWNSHIP_COLUMNS.map((c) => m[c.key]?.value ?? null), cov]);
    text.push([fromText ? `${t.township}（${FROM_TEXT}）` : undefined, ...TOWNSHIP_COLUMNS.map((c) => cellText(m[c.key])), pct(cov)]);
  }
  const coverageRate = s.rates.find((r) => r.key === 'advisors.coverageRate')!;
  rows.push(['合计', ...TOWNSHIP_COLUMNS.map((c) => s.metrics[c.key].value), coverageRate.value]);
  text.push([undefined, ...TOWNSHIP_COLUMNS.map((c) => totalText(s.metrics[c.key])), pct(coverageRate.value)]);
  // 普法资料 runs to six digits and a qualifier (106555余): it gets a wider column than the rest.
  const wide = 0.15;
  const w = (1 - 0.16 - wide) / TOWNSHIP_COLUMNS.length;
  return {
    title: `表1　${s.county}各乡镇主要指标`,
    columns: [
      { header: '乡镇', width: 0.16, align: 'center' },
      ...TOWNSHIP_COLUMNS.map((c) => ({ header: c.header, width: c.key === 'publicity.materials' ? wide : w, align: 'right' as const, numeric: true })),
      { header: '法律顾问覆盖率', width: w, align: 'right', numeric: true },
    ],
    rows,
    text,
  };
}

/** 表2: every catalogue metric anybody reported, and the rates from parts. */
export function totalsTable(s: CountySummary): DataTable {
  const rows: Cell[][] = [];
  const text: (string | undefined)[][] = [];
  for (const def of CATALOGUE) {
    const t = s.metrics[def.key];
    if (t.value === null) continue;
    const rate = t.unit === '%';
    rows.push([`${def.label}（${def.unit}）`, t.value, t.reported]);
    text.push([
      undefined,
      `${formatQualified(t.value, t.qualifier, rate ? 1 : 0)}${rate && t.method === 'mean' ? '（简单平均）' : ''}`,
      t.fromText.length ? `${t.reported}（其中${t.fromText.length}个${FROM_TEXT}）` : undefined,
    ]);
  }
  for (const r of s.rates) {
    if (r.value === null) continue;
    rows.push([`${r.label}（%）`, r.value, r.reported]);
    text.push([undefined, formatQualified(r.value, r.qualifier, 1), undefined]);
  }
  return {
    title: `表2　${s.county}主要指标汇总`,
    columns: [
      { header: '指标', width: 0.56, align: 'left' },
      { header: '合计', width: 0.26, align: 'right', numeric: true },
      { header: '填报乡镇数', width: 0.18, align: 'right', numeric: true },
    ],
    rows,
    text,
  };
}

const PART_HEADERS = ['举措成效', '第一责任人', '不足', '安排', '其他'];

/** `2024-02-08` → `2月8日` (the year is the county's own, and the narrow column thanks us). */
export function shortDate(iso: string | undefined): string {
  if (!iso) return '—';
  const [, m, d] = iso.split('-').map(Number);
  return `${m}月${d}日`;
}

/** 表3: one row per file (and per township that sent none): parts' lengths, date, problems. */
export function completenessTable(s: CountySummary): DataTable {
  const rows: Cell[][] = s.completeness.map((r) => [
    r.township,
    // An optional part left out is not a gap: — rather than 缺.
    ...PART_KEYS.map((k) => (r.parts?.[k].present ? r.parts[k].chars : r.parts && REQUIRED_PARTS.includes(k) ? '缺' : '—')),
    r.date ? shortDate(r.date) : '—',
    [...r.flags, ...(r.reason ? [r.reason] : [])].join('；') || '齐全',
  ]);
  return {
    title: `表3　${s.county}各乡镇报告完整性（各部分字数）`,
    columns: [
      { header: '乡镇', width: 0.16, align: 'center' },
      ...PART_HEADERS.map((h) => ({ header: h, width: 0.085, align: 'right' as const, numeric: true })),
      { header: '成文日期', width: 0.12, align: 'center' },
      { header: '问题', width: 0.295, align: 'left' },
    ],
    rows,
  };
}

/** A cell as printed in the document. */
export function printed(t: DataTable, row: number, col: number): string {
  const shown = t.text?.[row]?.[col];
  if (shown !== undefined) return shown;
  const v = t.rows[row][col];
  return v === null ? '—' : typeof v === 'number' ? formatNumber(v, 1) : v;
}
