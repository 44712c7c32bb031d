// The title (标题): 二号小标宋, centred, broken at word boundaries into a balanced shape.
import type { Measure } from './measure.ts';
import type { FontRole } from '../schema/profile.ts';
import { NO_LINE_START, PRE_NUMBER_CHARS, UNIT_CHARS } from '../schema/punctuation.ts';

const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });

/** Words, with quoted names and 《》 titles kept whole (never broken inside). */
function words(title: string): string[] {
  const out: string[] = [];
  let depth = 0;
  for (const { segment } of segmenter.segment(title)) {
    const prev = out[out.length - 1] ?? '';
    const glue =
      depth > 0 ||
      (out.length > 0 && NO_LINE_START.has(segment[0])) ||
      (/\d$/.test(prev) && UNIT_CHARS.has(segment[0])) || // 2023年度 stays whole
      (PRE_NUMBER_CHARS.has(prev[prev.length - 1]) && /^\d/.test(segment));
    if (glue) out[out.length - 1] += segment;
    else out.push(segment);
    for (const ch of segment) {
      if ('《“（〔'.includes(ch)) depth++;
      if ('》”）〕'.includes(ch)) depth = Math.max(0, depth - 1);
    }
  }
  return out;
}

/**
 * Splits the title into the fewest lines that fit, choosing the breaks that make the lines most even
 * (a balanced rectangle, trapezoid or diamond), so no line is a stub.
 */
export function breakTitle(title: string, maxWidth: number, font: FontRole, size: number, m: Measure): string[] {
  const ws = words(title);
  const width = (s: string) => m.width(font, s, size);
  if (width(title) <= maxWidth) return [title];
  const n = ws.length;
  // best[i][k]: the best split of words i.. into k lines, scored by the widest line then the spread.
  const memo = new Map<string, { lines: string[]; max: number; min: number } | null>();
  const solve = (i: number, k: number): { lines: string[]; max: number; min: number } | null => {
    const key = `${i}:${k}`;
    if (memo.has(key)) return memo.get(key)!;
    let best: { lines: string[]; max: number; min: number } | null = null;
    if (k === 1) {
      const s = ws.slice(i).join('');
      const w = width(s);
      best = w <= maxWidth ? { lines: [s], max: w, min: w } : null;
    } else {
      for (let j = i + 1; j <= n - k + 1; j++) {
        const s = ws.slice(i, j).join('');
        const w = width(s);
        if (w > maxWidth) break;
        const rest = solve(j, k - 1);
        if (!rest) continue;
        const cand = { lines: [s, ...rest.lines], max: Math.max(w, rest.max), min: Math.min(w, rest.min) };
        if (!best || cand.max - cand.min < best.max - best.min - 1e-6) best = cand;
      }
    }
    memo.set(key, best);
    return best;
  };
  for (let k = 2; k <= n; k++) {
    const r = solve(0, k);
    if (r) return r.lines;
    memo.clear();
  }
  return [title]; // a single word wider than the block: the line breaker will wrap it
}
