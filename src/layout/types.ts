// What layout() returns: pages of positioned items, in PDF points with y measured down from the page top.
// The PDF painter only paints these; tests measure them.
import type { FontRole } from '../schema/profile.ts';

export type Color = 'red' | 'text';

export interface TextItem {
  kind: 'text';
  x: number; // left edge of the first glyph
  y: number; // baseline
  font: FontRole;
  size: number;
  color: Color;
  text: string;
  spacing: number; // extra advance after every character (pt); negative squeezes
  hScale?: number; // horizontal scale in percent (the red mark may be condensed)
  advances?: number[]; // explicit advance per character when they differ (squeezed punctuation)
  tag: string; // what it is: body, h1, h2, title, mark, docNumber, signer, pageNumber, colophon, table…
  line?: number; // grid line index on the page (0-based) for text on the body grid
}

export interface RuleItem {
  kind: 'rule';
  x1: number;
  x2: number;
  y: number; // centre of the stroke
  width: number; // stroke thickness (pt)
  color: Color;
  tag: string; // rule.red, colophon.thick, colophon.thin, table…
}

export interface ImageItem {
  kind: 'image';
  path: string;
  x: number;
  y: number; // top edge
  w: number;
  h: number;
  tag: string; // seal
}

export interface ShapeItem {
  kind: 'rect' | 'circle';
  x: number; // rect: top-left; circle: centre
  y: number;
  w: number; // circle: diameter
  h: number;
  fill?: Color | 'grey';
  stroke?: Color;
  dashed?: boolean;
  tag: string; // seal.draft, chart.bar, table.cell…
}

export type PageItem = TextItem | RuleItem | ImageItem | ShapeItem;

export interface Page {
  index: number; // 0-based physical page
  number?: number; // printed page number; absent on blank pages
  items: PageItem[];
}
