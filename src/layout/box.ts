// A box: a block of positioned items that is not on the text grid (a table row, a chart).
// Coordinates are relative to the box: x from the block's left edge, y down from the box's top.
// (Written by the lead: BoxContext takes a Measure, not a FontSet, so layout stays pure and testable.)
import type { Profile } from '../schema/profile.ts';
import type { Measure } from './measure.ts';
import type { PageItem } from './types.ts';

export interface BoxContext {
  width: number; // pt, the block width
  measure: Measure; // text widths and glyph coverage (a FontSet provides it)
  profile: Profile;
}

export interface Box {
  height: number;
  items: PageItem[];
}

export type RowBox = Box;
