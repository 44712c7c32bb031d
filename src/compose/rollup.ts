// CountySummary → Gongwen: the county roll-up (汇总报告) as a document, narrative from templates/rollup.hbs.
// The office edits the wording there; tables and charts are placed by {{table}} / {{chart}} markers.
import { readFileSync } from 'node:fs';
import Handlebars from 'handlebars';
import type { BarChart, Block, Gongwen, Run, Table } from './model.ts';
import type { Variant } from '../schema/report.ts';
import type { MetricKey } from '../schema/catalogue.ts';
import { metricDef } from '../schema/catalogue.ts';
import { formatChineseDate, formatDocNumber } from '../schema/format.ts';
import { chineseNumber } from './numbering.ts';
import { ROLLUP_BODY_TEMPLATE, ROLLUP_TITLE_TEMPLATE } from './templates.ts';
import { formatQualified } from '../rollup/aggregate.ts';
import { PART_LABELS } from '../rollup/completeness.ts';
import { completenessTable, printed, totalsTable, townshipTable, type DataTable } from '../rollup/tables.ts';
import type { CountySummary } from '../rollup/types.ts';

export interface RollupComposeOptions {
  variant?: Variant; // file-down (default, or county.yaml's) or plain
  titleTemplate?: string; // template text; defaults to templates/rollup-title.hbs
  bodyTemplate?: string; // defaults to templates/rollup.hbs
}


/** Bars per chart: more than this no longer fits a page at 小四, so long counties get several charts. */
export const BARS_PER_CHART = 40;

const MARKER = /^@@(table|chart):([\w.]+)@@$/;

/** The narrative's variables: what a template author can write without knowing the code. */
function templateVars(s: CountySummary) {
  const c = s.countyInfo;
  const problems: string[] = [];
  for (const r of s.completeness) {
    if (r.status === 'absent') continue; // said in the opening paragraph
    if (r.status === 'invalid') problems.push(`${r.township}的报告未通过校验（${r.reason}）；`);
    else if (r.status === 'duplicate') problems.push(`${r.township}重复报送（${r.reason}）；`);
    else if (r.status === 'unexpected') problems.push(`${r.township}不在汇总名单中，其报告未计入汇总；`);
    if (r.status !== 'ok') continue;
    if (r.missingParts.length) problems.push(`${r.township}的报告缺少“${r.missingParts.map((k) => PART_LABELS[k]).join('”“')}”部分；`);
    if (r.flags.includes('未填报统计指标')) {
      const taken = s.townships.find((t) => t.township === r.township);
      const n = taken ? Object.values(taken.metrics).filter((m) => m.origin === 'text').length : 0;
      problems.push(n > 0 ? `${r.township}未填报统计指标，合计中其${n}项数字据正文提取，请核对；` : `${r.township}未填报统计指标；`);
    }
  }
  return {
    county: s.county,
    year: s.year,
    nextYear: s.year + 1,
    n: s.townships.length,
    listed: c.townships.length,
    received: s.completeness.filter((r) => r.status !== 'absent' && r.status !== 'duplicate').length,
    deadline: formatChineseDate(c.deadline),
    late: s.completeness.filter((r) => r.late).map((r) => r.township),
    absent: s.roster.absent,
    shortcomings: s.themes.shortcomings,
    plans: s.themes.nextYear,
    problems,
  };
}

function handlebarsFor(s: CountySummary): typeof Handlebars {
  const hb = Handlebars.create();
  const key = (k: unknown): MetricKey => {
    if (typeof k !== 'string' || !metricDef(k)) throw new Error(`rollup.hbs: 未知指标 unknown metric “${String(k)}”`);
    return k as MetricKey;
  };
  hb.registerHelper('total', (k: unknown) => {
    const t = s.metrics[key(k)];
    return t.value === null ? '—' : formatQualified(t.value, t.qualifier, t.unit === '%' ? 1 : 0);
  });
  hb.registerHelper('reported', (k: unknown) => String(s.metrics[key(k)].reported));
  const rateOf = (k: unknown) => {
    const r = s.rates.find((x) => x.key === k);
    if (!r) throw new Error(`rollup.hbs: 未知比率 unknown rate “${String(k)}”`);
    return r;
  };
  hb.registerHelper('rate', (k: unknown) => {
    const r = rateOf(k);
    return r.value === null ? '—' : formatQualified(r.value, r.qualifier, 1);
  });
  // A rate's own parts: summed over the townships that reported both, so the sentence agrees with the rate.
  hb.registerHelper('rateNumerator', (k: unknown) => formatQualified(rateOf(k).numeratorSum, undefined, 0));
  hb.registerHelper('rateDenominator', (k: unknown) => formatQualified(rateOf(k).denominatorSum, undefined, 0));
  hb.registerHelper('rateReported', (k: unknown) => String(rateOf(k).reported));
  hb.registerHelper('join', (xs: unknown) => (Array.isArray(xs) ? xs.map(String).join('、') : ''));
  hb.registerHelper('seq', (i: unknown) => chineseNumber(Number(i) + 1));
  hb.registerHelper('gt', (a: unknown, b: unknown) => Number(a) > Number(b));
  hb.registerHelper('table', (name: unknown) => `\n\n@@table:${String(name)}@@\n\n`);
  hb.registerHelper('chart', (k: unknown) => `\n\n@@chart:${key(k)}@@\n\n`);
  return hb;
}

function toTable(t: DataTable): Table {
  return {
    caption: t.title,
    columns: t.columns.map((c) => ({ header: c.header, width: c.width, align: c.align })),
    rows: t.rows.map((row, i) => row.map((_, j) => printed(t, i, j))),
  };
}

/** One or more bar charts of a metric by township, BARS_PER_CHART bars each. */
function charts(s: CountySummary, k: MetricKey): BarChart[] {
  const def = metricDef(k)!;
  const bars = s.townships
    .filter((t) => t.metrics[k] !== undefined)
    .map((t) => ({ label: t.township, value: t.metrics[k]!.value }));
  const out: BarChart[] = [];
  for (let i = 0; i < bars.length; i += BARS_PER_CHART) {
    out.push({ title: `各乡镇${def.label}`, unit: def.unit, bars: bars.slice(i, i + BARS_PER_CHART) });
  }
  return out;
}

/** `**（一）标题。**正文` → a run-in heading; `#1 `/`#2 ` → headings; else a body paragraph. */
function textBlock(chunk: string): Block {
  const h = /^#([1-4]) +(.+)$/su.exec(chunk);
  if (h) return { kind: 'heading', level: Number(h[1]) as 1 | 2 | 3 | 4, text: h[2] };
  const runIn = /^\*\*(.+?)\*\*(.*)$/su.exec(chunk);
  if (runIn) {
    const runs: Run[] = [{ text: runIn[1], role: 'h2' }];
    if (runIn[2]) runs.push({ text: runIn[2], role: 'body' });
    return { kind: 'paragraph', runs };
  }
  return { kind: 'paragraph', runs: [{ text: chunk, role: 'body' }] };
}

export function composeRollup(s: CountySummary, opts: RollupComposeOptions = {}): Gongwen {
  const c = s.countyInfo;
  const variant = opts.variant ?? c.variant;
  const hb = handlebarsFor(s);
  const vars = templateVars(s);
  const titleText = opts.titleTemplate ?? readFileSync(ROLLUP_TITLE_TEMPLATE, 'utf8');
  const title = hb.compile(titleText, { noEscape: true, strict: true })(vars).trim();
  const bodyText = opts.bodyTemplate ?? readFileSync(ROLLUP_BODY_TEMPLATE, 'utf8');
  const narrative = hb.compile(bodyText, { noEscape: true })(vars);

  const tables: Record<string, () => DataTable> = {
    township: () => townshipTable(s),
    totals: () => totalsTable(s),
    completeness: () => completenessTable(s),
  };
  const body: Block[] = [];
  let figureNo = 0;
  for (const raw of narrative.split(/\n\s*\n/)) {
    // Lines inside one block join without a break: Chinese text has no spaces between lines.
    const chunk = raw.split('\n').map((l) => l.trim()).join('');
    if (!chunk) continue;
    const m = MARKER.exec(chunk);
    if (!m) {
      body.push(textBlock(chunk));
    } else if (m[1] === 'table') {
      const make = tables[m[2]];
      if (!make) throw new Error(`rollup.hbs: 未知表格 unknown table “${m[2]}”`);
      body.push({ kind: 'table', table: toTable(make()) });
    } else {
      for (const chart of charts(s, m[2] as MetricKey)) {
        body.push({ kind: 'figure', chart, caption: `图${++figureNo}　${chart.title}（${chart.unit}）` });
      }
    }
  }

  const sealed = variant !== 'plain';
  return {
    variant,
    meta: { title, author: c.issuingOrgans.map((o) => o.name).join('、'), subject: `${s.county}${s.year}年度乡镇法治政府建设情况汇总`, date: c.date },
    header:
      variant === 'plain'
        ? undefined
        : {
            organs: c.issuingOrgans.map((o) => o.short ?? o.name),
            markSuffix: '文件',
            docNumber: c.docNumber ? formatDocNumber(c.docNumber) : undefined,
          },
    title,
    addressee: c.addressee ? c.addressee.replace(/[：:]$/, '') + '：' : undefined,
    body,
    attachments: [],
    signatures: c.issuingOrgans.map((o) => ({ organ: o.name })),
    sealed,
    date: c.date ? formatChineseDate(c.date) : undefined,
    colophon:
      variant !== 'plain' && (c.cc?.length || c.printer)
        ? { cc: c.cc ?? [], printer: c.printer?.organ, printDate: c.printer ? formatChineseDate(c.printer.date) + '印发' : undefined }
        : undefined,
  };
}
