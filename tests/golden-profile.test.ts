// The goldens pin every number of the layout profile: changing any one numeric value of
// templates/gbt9704.yaml changes the layout dump (or, for the page size, the DOCX XML) of at least one
// golden document, so the goldens in tests/golden.test.ts fail. Each value is perturbed in turn here,
// in memory, on the same documents the goldens pin.
import { describe, expect, it } from 'vitest';
import { loadFontSet } from '../src/fonts/index.ts';
import { measureOf } from '../src/fonts/measure.ts';
import { dumpPages } from '../src/layout/dump.ts';
import { layout } from '../src/layout/index.ts';
import { loadProfile } from '../src/layout/profile.ts';
import { profileSchema, type Profile } from '../src/schema/profile.ts';
import { renderDocx } from '../src/render/docx/index.ts';
import { goldenDocs } from './helpers/golden-docs.ts';
import { docxPart } from './helpers/golden.ts';

type Leaf = { path: string[]; value: number };

function numericLeaves(o: unknown, path: string[] = []): Leaf[] {
  if (typeof o === 'number') return [{ path, value: o }];
  if (o && typeof o === 'object') return Object.entries(o).flatMap(([k, v]) => numericLeaves(v, [...path, k]));
  return [];
}

/**
 * The profile with one value changed: integers by one, ratios capped at 1 down, lengths and sizes by 5 %. A limit
 * (tightest…) moves a page only where some document reaches it, which none of the goldens need: it is turned off
 * instead (0), which must move a page where the remedy it bounds is used.
 */
function perturbed(base: Profile, leaf: Leaf): Profile {
  const p = structuredClone(base);
  const parent = leaf.path.slice(0, -1).reduce<Record<string, unknown>>((o, k) => o[k] as Record<string, unknown>, p as unknown as Record<string, unknown>);
  const v = leaf.value;
  const key = leaf.path[leaf.path.length - 1];
  parent[key] = key.startsWith('tightest') ? 0 : Number.isInteger(v) && v < 100 && !leaf.path.includes('size') ? v + 1 : v * (v > 0.99 && v <= 1 ? 0.95 : 1.05);
  if (key === 'tightestPitchPt') delete parent[key]; // optional and positive: off is absent
  return profileSchema().parse(p); // still a valid profile
}

const fonts = loadFontSet();
const m = measureOf(fonts);
const base = loadProfile();
// The fixture first: it has the most parts, so most values show there and the search stops early.
const docs = goldenDocs().sort((a, b) => Number(!a.name.startsWith('联合行文')) - Number(!b.name.startsWith('联合行文')));
const dumpOf = (profile: Profile, i: number) => dumpPages(layout(docs[i].doc, profile, m, { draft: docs[i].draft }).pages);
const baseline = docs.map((_, i) => dumpOf(base, i));
// The page size does not move anything on the page (positions are from the top-left corner); the writers
// write it, and the DOCX goldens pin it (w:pgSz).
const docxXml = async (profile: Profile) => {
  const docx = await renderDocx(docs[0].doc, { profile, fonts });
  return docxPart(docx, 'word/document.xml') + docxPart(docx, 'word/styles.xml');
};
const baselineDocx = await docxXml(base);

describe('every numeric value of the layout profile moves a golden page', () => {
  const leaves = numericLeaves(base);
  it('finds the profile’s values', () => expect(leaves.length).toBeGreaterThan(40));
  it.each(leaves.map((l) => [l.path.join('.'), l] as const))('%s', async (_, leaf) => {
    const profile = perturbed(base, leaf);
    const moved = docs.some((_, i) => dumpOf(profile, i) !== baseline[i]) || (await docxXml(profile)) !== baselineDocx;
    expect(moved, 'no golden page and no DOCX XML changed').toBe(true);
  });
});
