// The roll-up as an .xlsx workbook for the county office's own follow-up: three sheets,
// 各乡镇指标 (every catalogue metric by township), 汇总 (totals, counts, rates), 完整性 (completeness).
// Same summary → same bytes: workbook dates come from the data and the zip is repacked with fixed times.
import ExcelJS from 'exceljs';
import { CATALOGUE } from '../../schema/catalogue.ts';
import { PART_KEYS } from '../../schema/report.ts';
import { PART_LABELS } from '../../rollup/completeness.ts';
import { formatQualified } from '../../rollup/aggregate.ts';
import { FROM_TEXT, shortDate } from '../../rollup/tables.ts';
import type { CountySummary } from '../../rollup/types.ts';
import { repackZip } from './zip.ts';

export const SHEETS = { townships: '各乡镇指标', totals: '汇总', completeness: '完整性' } as const;

const HEAD_FONT = { bold: true, name: '黑体' };

function headerRow(ws: ExcelJS.Worksheet, headers: string[], widths: number[]): void {
  ws.columns = headers.map((h, i) => ({ header: h, width: widths[i] ?? 12 }));
  const row = ws.getRow(1);
  row.font = HEAD_FONT;
  row.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  ws.views = [{ state: 'frozen', xSplit: 1, ySplit: 1 }];
}

function townshipSheet(wb: ExcelJS.Workbook, s: CountySummary): void {
  const ws = wb.addWorksheet(SHEETS.townships);
  headerRow(ws, ['乡镇', ...CATALOGUE.map((d) => `${d.label}（${d.unit}）`)], [14, ...CATALOGUE.map(() => 12)]);
  for (const t of s.townships) {
    const m = t.metrics;
    const row = ws.addRow([t.township, ...CATALOGUE.map((d) => m[d.key]?.value ?? null)]);
    // A qualified figure stays a number (so it sums); the qualifier goes into a cell note, and so does
    // the phrase of a figure found in the text rather than declared, for the office to check.
    CATALOGUE.forEach((d, i) => {
      const v = m[d.key];
      const notes = [
        ...(v?.qualifier ? [`原文：${v.value}${v.qualifier}${d.unit}`] : []),
        ...(v?.origin === 'text' ? [`${FROM_TEXT}：${v.source ?? ''}`] : []),
      ];
      if (notes.length) row.getCell(i + 2).note = notes.join('\n');
    });
  }
}

function totalsSheet(wb: ExcelJS.Workbook, s: CountySummary): void {
  const ws = wb.addWorksheet(SHEETS.totals);
  headerRow(ws, ['指标', '单位', '合计', '表述', '填报乡镇数', '未填报乡镇数', '汇总方式', `其中${FROM_TEXT}`], [34, 8, 14, 18, 12, 12, 14, 14]);
  const n = s.townships.length;
  const METHOD = { sum: '求和', weightedMean: '加权平均', mean: '简单平均' } as const;
  for (const d of CATALOGUE) {
    const t = s.metrics[d.key];
    const digits = d.unit === '%' ? 1 : 0;
    ws.addRow([d.label, d.unit, t.value, t.value === null ? '' : formatQualified(t.value, t.qualifier, digits), t.reported, n - t.reported, METHOD[t.method], t.fromText.length]);
  }
  for (const r of s.rates) {
    ws.addRow([r.label, '%', r.value, r.value === null ? '' : formatQualified(r.value, r.qualifier, 1), r.reported, n - r.reported, `${r.numeratorSum}/${r.denominatorSum}`]);
  }
  ws.getColumn(3).numFmt = '0.##';
}

function completenessSheet(wb: ExcelJS.Workbook, s: CountySummary): void {
  const ws = wb.addWorksheet(SHEETS.completeness);
  const STATUS = { ok: '已汇总', invalid: '未通过校验', duplicate: '重复报送', unexpected: '不在名单中', absent: '未报送' } as const;
  headerRow(
    ws,
    ['乡镇', '文件', '状态', ...PART_KEYS.map((k) => `${PART_LABELS[k]}（字）`), '填报指标数', '缺少的主要指标', '成文日期', '逾期', '问题'],
    [14, 28, 12, 12, 12, 12, 12, 12, 10, 30, 12, 8, 40],
  );
  for (const r of s.completeness) {
    ws.addRow([
      r.township,
      r.file ?? '',
      STATUS[r.status],
      ...PART_KEYS.map((k) => (r.parts ? (r.parts[k].present ? r.parts[k].chars : '缺') : '')),
      r.metricsReported,
      r.metricsMissing.join('、'),
      r.date ? shortDate(r.date) : '',
      r.late ? '是' : '',
      [...r.flags, ...(r.reason ? [r.reason] : [])].join('；'),
    ]);
  }
}

/** The date every timestamp in the workbook carries: the roll-up's own date, else 1 January after the year. */
export function workbookDate(s: CountySummary): Date {
  const iso = s.countyInfo.date ?? `${s.year + 1}-01-01`;
  return new Date(`${iso}T00:00:00Z`);
}

export async function renderRollupXlsx(s: CountySummary): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const when = workbookDate(s);
  wb.creator = s.countyInfo.issuingOrgans[0].name;
  wb.lastModifiedBy = wb.creator;
  wb.created = when;
  wb.modified = when;
  wb.title = `${s.county}${s.year}年度乡镇法治政府建设情况汇总`;
  townshipSheet(wb, s);
  totalsSheet(wb, s);
  completenessSheet(wb, s);
  // Stored, not deflated: repackZip deflates every part once with fflate; exceljs's own deflate (pako through jszip)
  // would be undone by unzipping straight away.
  const raw = await wb.xlsx.writeBuffer({ zip: { compression: 'STORE' } });
  return repackZip(new Uint8Array(raw as ArrayBuffer), when);
}
