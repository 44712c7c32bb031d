// Bar chart geometry: one horizontal bar per label, labels left, values after the bars, in 小四.
// Vector shapes (tag chart.bar) so the PDF stays sharp; the caption above is the body flow's job.
import type { BarChart } from '../compose/model.ts';
import { MM, type Profile } from '../schema/profile.ts';
import type { Box, BoxContext } from './box.ts';
import { breakLines, type BrokenLine } from './linebreak.ts';
import { styled } from './style.ts';
import type { PageItem } from './types.ts';

export const CHART_STYLE = {
  pitch: 1.6, // em between bars, at most
  minPitch: 1.15, // em: below this labels would touch; the chart then runs past a page
  bar: 0.62, // bar thickness as a share of the pitch
  gap: 0.5, // em between label, axis, bar and value
  maxLabelShare: 0.3, // labels take at most this share of the width
  axis: 0.5, // pt
  padY: 0.3, // em above the first and below the last bar
};

/** A one-line text, unbroken, positioned at x = 0 (shrunk horizontally if wider than `max`). */
function oneLine(text: string, tag: string, max: number, ctx: BoxContext): BrokenLine {
  const run = styled(ctx.profile, 'table', text, tag);
  const line = breakLines([run], ctx.measure, { firstWidth: 1e9, width: 1e9, justify: false, context: text })[0];
  if (line.width <= max) return line;
  const k = max / line.width;
  return { width: max, segments: line.segments.map((s) => ({ ...s, x: s.x * k, spacing: s.spacing * k, hScale: (s.hScale ?? 100) * k })) };
}

/** A bar's value as printed after it: the number alone, its unit being in the caption (图1 …（场次）). */
export const valueText = (v: number) => String(Math.round(v * 10) / 10);

/**
 * The distance between bars and the room above the first and below the last (pt), for `n` bars: the DOCX writer
 * gives its chart rows these heights, so that the chart stands as tall in a word processor as in the PDF.
 */
export function chartRows(n: number, profile: Profile): { pitch: number; padY: number } {
  const size = profile.roles.table.size;
  // Bars share the block's height with the caption line and a blank line: the chart fits one page.
  const blockHeight = profile.block.height * MM;
  const linePitch = blockHeight / profile.grid.lines;
  const padY = CHART_STYLE.padY * size;
  return { padY, pitch: Math.max(CHART_STYLE.minPitch * size, Math.min(CHART_STYLE.pitch * size, (blockHeight - 2 * linePitch - 2 * padY) / n)) };
}

/** Where a chart's parts stand across the block (pt): the labels' right edge, the axis, each bar's length. */
export interface ChartColumns {
  labels: BrokenLine[];
  values: BrokenLine[];
  labelW: number; // the widest label: labels end here, right-aligned
  origin: number; // the axis, where every bar starts: a gap after the labels
  bars: number[]; // each bar's length, the largest filling what the widest value leaves
}

/** The chart's columns: the DOCX writer sets its label cells and bars to them, so that both writers draw one chart. */
export function chartColumns(chart: BarChart, ctx: BoxContext): ChartColumns {
  const gap = CHART_STYLE.gap * ctx.profile.roles.table.size;
  const labels = chart.bars.map((b) => oneLine(b.label, 'chart.label', CHART_STYLE.maxLabelShare * ctx.width, ctx));
  const labelW = Math.max(0, ...labels.map((l) => l.width));
  const values = chart.bars.map((b) => oneLine(valueText(b.value), 'chart.value', 0.2 * ctx.width, ctx));
  const valueW = Math.max(0, ...values.map((l) => l.width));
  const origin = labelW + gap;
  const barArea = Math.max(0, ctx.width - origin - gap - valueW);
  const max = Math.max(0, ...chart.bars.map((b) => b.value));
  return { labels, values, labelW, origin, bars: chart.bars.map((b) => (max > 0 ? (Math.max(0, b.value) / max) * barArea : 0)) };
}

export function layoutChart(chart: BarChart, ctx: BoxContext): Box {
  const size = ctx.profile.roles.table.size;
  const gap = CHART_STYLE.gap * size;
  const n = chart.bars.length;
  if (n === 0) return { height: 0, items: [] };
  const { pitch, padY } = chartRows(n, ctx.profile);
  const { labels, values, labelW, origin, bars } = chartColumns(chart, ctx);

  const items: PageItem[] = [];
  chart.bars.forEach((_, i) => {
    const top = padY + i * pitch;
    const baseline = top + (pitch - size) / 2 + 0.88 * size;
    const label = labels[i];
    for (const s of label.segments) items.push({ ...s, x: labelW - label.width + s.x, y: baseline });
    const w = bars[i];
    const h = CHART_STYLE.bar * pitch;
    if (w > 0) items.push({ kind: 'rect', x: origin, y: top + (pitch - h) / 2, w, h, fill: 'grey', tag: 'chart.bar' });
    for (const s of values[i].segments) items.push({ ...s, x: origin + w + gap + s.x, y: baseline });
  });
  const height = 2 * padY + n * pitch;
  items.push({ kind: 'rect', x: origin - CHART_STYLE.axis, y: 0, w: CHART_STYLE.axis, h: height, fill: 'text', tag: 'chart.axis' });
  return { height, items };
}
