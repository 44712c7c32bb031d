// The report's first data form (before issue 10): the document forced into the five statutory `parts`,
// with paragraphs before and after them (`lead`, `closing`). Files in this form still load: the loader
// rewrites them to the `body` form (src/load/legacy.ts) and `gongwen migrate` does it on disk.
// Kept here as types only, to describe that form.
import type { PartKey } from './body.ts';

/** A level-2 item (（一）…) with optional nested level-3 (1.) and level-4 (（1）) items. */
export interface Item {
  heading: string;
  inline?: boolean; // heading opens the first paragraph: （一）加强组织领导。一是…
  paragraphs?: string[];
  items?: Item[];
}

/** One of the five statutory parts (一、… 五、), numbered automatically in PART_KEYS order. */
export interface Part {
  heading?: string; // overrides the standard heading from templates/
  paragraphs?: string[]; // text directly under the level-1 heading
  items?: Item[];
}

export type LegacyParts = Partial<Record<PartKey, Part>>;

/** The old top-level keys that the `body` replaces. */
export const LEGACY_BODY_KEYS = ['lead', 'parts', 'closing'] as const;
