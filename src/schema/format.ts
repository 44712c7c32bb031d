// The printed forms of the schema's values (src/schema/common.ts): kept apart from the schema so that compose,
// which prints them, does not load zod.
import type { DocNumber } from './common.ts';

export function formatDocNumber(n: DocNumber): string {
  // An unassigned number keeps its place with a full-width space, as clerks fill it in by hand.
  return `${n.prefix}〔${n.year}〕${n.seq ?? '　'}号`;
}

/** `2024-01-05` → `2024年1月5日` (Arabic numerals, no zero padding, per GB/T 9704). */
export function formatChineseDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}
