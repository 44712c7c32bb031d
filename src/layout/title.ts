// The title (标题): 二号小标宋, centred, broken at word boundaries into a balanced shape.
import type { Measure } from './measure.ts';
import type { FontRole, Profile } from '../schema/profile.ts';
import { baselineInLine, type Geometry } from './geometry.ts';
import { placeAt, setText } from './style.ts';
import type { PageItem } from './types.ts';
import { NO_LINE_START, PRE_NUMBER_CHARS, UNIT_CHARS } from '../schema/punctuation.ts';

/** Made on first use: it loads ICU's Chinese word dictionary (about 20 ms), which a title that fits one line never needs. */
let segmenter: Intl.Segmenter | undefined;

/** Words, with quoted names and 《》 titles kept whole (never broken inside). */
function words(title: string): string[] {
  const out: string[] = [];
  let depth = 0;
  segmenter ??= new Intl.Segmenter('zh', { granularity: 'word' });
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

/** Past this many words the balanced search is not worth its cost: the lines are filled greedily. */
const MAX_BALANCED_WORDS = 120;

/**
 * Splits the title into the fewest lines that fit, choosing the breaks that make the lines most even
 * (a balanced rectangle, trapezoid or diamond), so no line is a stub. Linear in the words for the line count
 * (a greedy fill gives the fewest lines), then one dynamic programme over (word, lines left) with prefix
 * widths: O(words² × lines) at most, and only for titles of sane length.
 */
export function breakTitle(title: string, maxWidth: number, font: FontRole, size: number, m: Measure): string[] {
  if (m.width(font, title, size) <= maxWidth) return [title];
  const ws = words(title);
  const n = ws.length;
  // Word widths add up: the typesetter sets titles without kerning, so a line's width is the sum of its words'.
  const prefix = [0];
  for (const w of ws) prefix.push(prefix[prefix.length - 1] + m.width(font, w, size));
  const span = (i: number, j: number) => prefix[j] - prefix[i];
  // The fewest lines: fill greedily.
  const greedy: string[] = [];
  for (let i = 0; i < n; ) {
    let j = i + 1;
    while (j < n && span(i, j + 1) <= maxWidth) j++;
    greedy.push(ws.slice(i, j).join(''));
    i = j;
  }
  // A single word wider than the block: no split fits, the line breaker wraps the title as it is.
  if (ws.some((w) => m.width(font, w, size) > maxWidth)) return [title];
  const k = greedy.length;
  if (k <= 1 || n > MAX_BALANCED_WORDS) return greedy;
  // best[i][r]: the most even split of words i.. into r lines, by the spread between the widest and narrowest line.
  type Best = { breaks: number[]; max: number; min: number } | null;
  const memo = new Map<number, Best>();
  const solve = (i: number, r: number): Best => {
    const key = i * (k + 1) + r;
    const hit = memo.get(key);
    if (hit !== undefined) return hit;
    let best: Best = null;
    if (r === 1) {
      const w = span(i, n);
      best = w <= maxWidth ? { breaks: [], max: w, min: w } : null;
    } else {
      for (let j = i + 1; j <= n - r + 1; j++) {
        const w = span(i, j);
        if (w > maxWidth) break;
        const rest = solve(j, r - 1);
        if (!rest) continue;
        const cand = { breaks: [j, ...rest.breaks], max: Math.max(w, rest.max), min: Math.min(w, rest.min) };
        if (!best || cand.max - cand.min < best.max - best.min - 1e-6) best = cand;
      }
    }
    memo.set(key, best);
    return best;
  };
  const r = solve(0, k);
  if (!r) return greedy;
  const cuts = [0, ...r.breaks, n];
  return cuts.slice(1).map((end, q) => ws.slice(cuts[q], end).join(''));
}

/**
 * The title's lines centred in the block, one grid line each from `line` (the document's title, or an
 * attachment's on its line 3); returns the line after the title.
 */
export function placeTitle(title: string, line: number, profile: Profile, g: Geometry, m: Measure, items: PageItem[], tag = 'title'): number {
  const style = profile.roles.title;
  for (const text of breakTitle(title, g.width, style.font, style.size, m)) {
    const set = setText(profile, g, m, 'title', text, tag);
    const baseline = baselineInLine(g.top + line * g.linePitch, g.linePitch, style.size);
    items.push(...placeAt(set, g.left + (g.width - set.width) / 2, baseline, line));
    line++;
  }
  return line;
}
