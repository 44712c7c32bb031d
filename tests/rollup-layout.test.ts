// Tables and charts of the demo roll-up, laid out: nothing crosses the block or its cell, rows are
// independent boxes, charts fit a page.
import { describe, expect, it } from 'vitest';
import { composeRollup } from '../src/compose/rollup.ts';
import type { BarChart, Table } from '../src/compose/model.ts';
import { layoutChart } from '../src/layout/chart.ts';
import { columnEdges, layoutTable } from '../src/layout/table.ts';
import { loadProfile } from '../src/layout/profile.ts';
import type { BoxContext } from '../src/layout/box.ts';
import type { Box } from '../src/layout/box.ts';
import type { TextItem } from '../src/layout/types.ts';
import { MM } from '../src/schema/profile.ts';
import { rollupCounty } from '../src/rollup/index.ts';
import { makeSyntheticCounty } from '../scripts/demo-county.ts';
import { rollupReports } from '../src/rollup/index.ts';
import { County } from '../src/schema/county.ts';
import { Report } from '../src/schema/report.ts';
import { loadFontSet } from '../src/fonts/index.ts';
import type { Measure } from '../src/layout/measure.ts';
import { measureOf } from '../src/fonts/measure.ts';

const profile = loadProfile();
// Real fonts: the bundled open fonts (system fonts ignored, so every machine measures the same).
const fonts = loadFontSet({ systemDirs: [] });
const measure: Measure = measureOf(fonts);
const ctx: BoxContext = { width: profile.block.width * MM, measure, profile };
const pageHeight = profile.block.height * MM;
const EPS = 1e-6;

const textWidth = (t: TextItem) =>
  t.advances ? t.advances.reduce((a, b) => a + b, 0) : (measure.width(t.font, t.text, t.size) + t.spacing * [...t.text].length) * ((t.hScale ?? 100) / 100);

function extentX(box: Box): { min: number; max: number } {
  let min = Infinity;
  let max = -Infinity;
  for (const it of box.items) {
    const [a, b] = it.kind === 'text' ? [it.x, it.x + textWidth(it)] : it.kind === 'rule' ? [it.x1, it.x2] : [it.x, it.x + it.w];
    min = Math.min(min, a);
    max = Math.max(max, b);
  }
  return { min, max };
}

function tablesOf(dir: string): Table[] {
  return composeRollup(rollupCounty(dir)).body.flatMap((b) => (b.kind === 'table' ? [b.table] : []));
}

describe('layoutTable', () => {
  const tables = [...tablesOf('data/示例县/2023'), ...tablesOf('tests/fixtures/rollup/roster')];

  it('keeps every row, header included, within the block width', () => {
    expect(tables.length).toBe(6);
    for (const t of tables) {
      const { header, rows } = layoutTable(t, ctx, pageHeight);
      expect(rows).toHaveLength(t.rows.length);
      for (const box of [header, ...rows]) {
        const { min, max } = extentX(box);
        expect(min).toBeGreaterThanOrEqual(-EPS);
        expect(max).toBeLessThanOrEqual(ctx.width + EPS);
      }
    }
  });

  it('keeps every cell’s text inside its own cell, in 小四', () => {
    for (const t of tables) {
      const cols = columnEdges(t, ctx.width);
      const { header, rows } = layoutTable(t, ctx, pageHeight);
      for (const box of [header, ...rows]) {
        for (const it of box.items) {
          if (it.kind !== 'text') continue;
          expect(it.size).toBe(12);
          const col = cols.find((c) => it.x >= c.x - EPS && it.x < c.x + c.w)!;
          expect(it.x + textWidth(it), it.text).toBeLessThanOrEqual(col.x + col.w + EPS);
          expect(it.y).toBeGreaterThan(0);
          expect(it.y).toBeLessThan(box.height);
        }
      }
    }
  });

  it('wraps long cell text onto more lines instead of widening the cell, and breaks an overlong Latin word', () => {
    const long = '示例丑镇的报告未通过校验：parts.measures.items.0.paragraphs.3 的值不能为空，请补正后重新报送';
    const table: Table = {
      columns: [
        { header: '乡镇', width: 0.2 },
        { header: '原因', width: 0.2 },
        { header: '数值', width: 0.6, align: 'right' },
      ],
      rows: [['示例丑镇', long, '106555余']],
    };
    const { rows } = layoutTable(table, ctx, pageHeight);
    const lines = new Set(rows[0].items.filter((i): i is TextItem => i.kind === 'text' && i.x < 0.4 * ctx.width && i.x >= 0.2 * ctx.width).map((i) => i.y));
    expect(lines.size).toBeGreaterThan(3);
    const cols = columnEdges(table, ctx.width);
    for (const it of rows[0].items) if (it.kind === 'text' && it.x >= cols[1].x && it.x < cols[2].x) expect(it.x + textWidth(it)).toBeLessThanOrEqual(cols[2].x + EPS);
    // Right-aligned number ends at the cell's inner right edge.
    const num = rows[0].items.filter((i): i is TextItem => i.kind === 'text' && i.x >= cols[2].x);
    const right = Math.max(...num.map((i) => i.x + textWidth(i)));
    expect(right).toBeCloseTo(ctx.width - 0.3 * 12, 6);
  });

  it('draws the borders of every row itself, so any row can start a page', () => {
    const [t] = tables;
    const { rows } = layoutTable(t, ctx, pageHeight);
    for (const r of rows) {
      const rules = r.items.filter((i) => i.kind === 'rule');
      expect(rules.map((i) => (i.kind === 'rule' ? i.y : NaN)).sort((a, b) => a - b)).toEqual([0, r.height]);
      expect(r.items.filter((i) => i.kind === 'rect' && i.tag === 'table.rule')).toHaveLength(t.columns.length + 1);
    }
  });
});

describe('layoutChart', () => {
  const blockHeight = profile.block.height * MM;
  const chartOf = (n: number): BarChart => {
    const { county, reports } = makeSyntheticCounty(n, 3);
    const s = rollupReports(County.parse(county), reports.map((r, i) => ({ file: `${i}.yaml`, result: { ok: true as const, value: Report.parse(r), warnings: [] } })));
    const fig = composeRollup(s).body.find((b) => b.kind === 'figure');
    if (!fig || fig.kind !== 'figure') throw new Error('no chart');
    return fig.chart;
  };

  it('draws one bar per township, longest for the largest value, within the block', () => {
    for (const n of [3, 14, 40]) {
      const chart = chartOf(n);
      const box = layoutChart(chart, ctx);
      const bars = box.items.filter((i) => i.kind === 'rect' && i.tag === 'chart.bar');
      const nonzero = chart.bars.filter((b) => b.value > 0).length;
      expect(bars).toHaveLength(nonzero);
      const { min, max } = extentX(box);
      expect(min).toBeGreaterThanOrEqual(-EPS);
      expect(max).toBeLessThanOrEqual(ctx.width + EPS);
      // A chart (plus its caption line and a blank) fits one page.
      expect(box.height).toBeLessThanOrEqual(blockHeight - (2 * blockHeight) / profile.grid.lines + EPS);
      const widths = bars.map((b) => (b.kind === 'rect' ? b.w : 0));
      const values = chart.bars.filter((b) => b.value > 0).map((b) => b.value);
      expect(widths.indexOf(Math.max(...widths))).toBe(values.indexOf(Math.max(...values)));
      const widest = bars[widths.indexOf(Math.max(...widths))];
      const maxValue = Math.max(...values);
      // Bar lengths are proportional to the values.
      const r0 = bars[0];
      const b0 = chart.bars.find((b) => b.value > 0)!;
      if (r0.kind === 'rect' && widest.kind === 'rect') expect(r0.w / widest.w).toBeCloseTo(b0.value / maxValue, 6);
    }
  });

  it('splits a large county into charts of at most 40 bars', () => {
    const { county, reports } = makeSyntheticCounty(95, 3);
    const s = rollupReports(County.parse(county), reports.map((r, i) => ({ file: `${i}.yaml`, result: { ok: true as const, value: Report.parse(r), warnings: [] } })));
    const figs = composeRollup(s).body.filter((b) => b.kind === 'figure');
    // two metrics charted, 95 (or fewer reporting) townships each → 3 charts per metric
    expect(figs).toHaveLength(6);
    for (const f of figs) if (f.kind === 'figure') expect(f.chart.bars.length).toBeLessThanOrEqual(40);
  });
});
