// The county summary (汇总): what rollupCounty() returns and compose, the XLSX writer and --json read.
import type { County } from '../schema/county.ts';
import type { MetricKey } from '../schema/catalogue.ts';
import type { MetricValue, PartKey, Report } from '../schema/report.ts';
import type { Diagnostic } from '../diagnostics.ts';
import type { CountedMetric } from '../metrics/reportFacts.ts';

export type Qualifier = NonNullable<MetricValue['qualifier']>;

/** How a total was formed: a sum, a mean weighted by another metric, or a plain mean when weights are missing. */
export type TotalMethod = 'sum' | 'weightedMean' | 'mean';

export interface MetricTotal {
  key: MetricKey;
  label: string;
  unit: string;
  method: TotalMethod;
  value: number | null; // null when no township reported it
  reported: number; // how many townships reported it
  townships: string[]; // which, in the county's order
  fromText: string[]; // of those, whose figure was found in the text (据正文提取), not declared
  // 余/多 → the total is a lower bound (不少于); 近 → an upper bound; 约 → approximate either way.
  qualifier?: Qualifier;
}

/** A rate computed from two summed parts, e.g. 法律顾问覆盖率 = covered / villages. */
export interface DerivedRate {
  key: 'advisors.coverageRate' | 'disputes.lossRate';
  label: string;
  numerator: MetricKey;
  denominator: MetricKey;
  numeratorSum: number;
  denominatorSum: number;
  value: number | null; // percent; null when the denominator is 0 or nobody reported both
  reported: number; // townships reporting both parts
  qualifier?: Qualifier;
}

/** Why a township's file is kept out of the totals. */
export type Exclusion = 'invalid' | 'duplicate' | 'unexpected';

export interface PartLength {
  present: boolean;
  chars: number; // characters of text in the part, headings included
}

/** One row of the completeness table (完整性), one per file found plus one per township listed but absent. */
export interface CompletenessRow {
  township: string;
  file?: string; // absent when the township sent nothing
  listed: boolean; // named in county.yaml
  status: 'ok' | 'invalid' | 'duplicate' | 'unexpected' | 'absent';
  reason?: string; // 未通过校验的原因, or which file it duplicates
  parts?: Record<PartKey, PartLength>;
  missingParts: PartKey[]; // required parts left out (五、其他 is optional)
  metricsReported: number;
  metricsMissing: MetricKey[]; // key metrics (the by-township table's columns) not reported
  date?: string; // ISO 成文日期
  late?: boolean; // date after the county's deadline
  flags: string[]; // short Chinese labels of every problem, for the tables
}

export interface ThemeGroup {
  key: string;
  label: string;
  townships: string[];
  points: { township: string; text: string }[]; // the sentences that raised it
}

export interface RosterIssues {
  duplicates: { township: string; files: string[] }[];
  unexpected: { township: string; file: string }[]; // in the folder, not in county.yaml
  absent: string[]; // in county.yaml, no file
}

export interface TownshipEntry {
  township: string;
  file: string;
  report: Report;
  metrics: Partial<Record<MetricKey, CountedMetric>>; // its figures as counted: declared, else from its text
}

export interface CountySummary {
  county: string;
  year: number;
  countyInfo: County;
  townships: TownshipEntry[]; // those rolled up, in county.yaml order
  metrics: Record<MetricKey, MetricTotal>;
  rates: DerivedRate[];
  completeness: CompletenessRow[];
  themes: { shortcomings: ThemeGroup[]; nextYear: ThemeGroup[] };
  roster: RosterIssues;
  diagnostics: Diagnostic[]; // every file's validation errors, for the CLI to print
}
