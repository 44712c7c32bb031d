// layout()'s landings: where each block landed and what was done for the signature, as the DOCX writer reads them.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { composeReport } from '../src/compose/report.ts';
import { layout } from '../src/layout/index.ts';
import { geometry } from '../src/layout/geometry.ts';
import { loadProfile } from '../src/layout/profile.ts';
import { loadFontSet } from '../src/fonts/index.ts';
import { measureOf } from '../src/fonts/measure.ts';
import { Report, VARIANTS } from '../src/schema/report.ts';
import type { Profile } from '../src/schema/profile.ts';
import type { TextItem } from '../src/layout/types.ts';
import { goldenDocs } from './helpers/golden-docs.ts';

const profile = loadProfile();
const g = geometry(profile);
const m = measureOf(loadFontSet());
const SEEDS = join(import.meta.dirname, '..', 'data', 'seeds');
const docOf = (file: string, variant: (typeof VARIANTS)[number]) =>
  composeReport(Report.parse(parse(readFileSync(join(SEEDS, file), 'utf8'))), { baseDir: SEEDS, variant });

// Every seed x variant, the fixture with joint issuance, seals and a colophon, and the roll-up (its colophon alone).
describe('landings', () => {
  it.each(goldenDocs().map((d) => [d.name, d] as const))('%s: every body line is where its landing says, the signature on the last body page', (_, d) => {
    const doc = d.doc;
    const { pages, landings } = layout(doc, profile, m, { draft: d.draft });
    expect(landings.pageCount).toBe(pages.length);
    expect(landings.pitch).toHaveLength(pages.length);
    // Every body block lands, in order, each text line on a page that carries text on that grid line.
    expect(landings.blocks.filter((b) => b.ref.part === 'body').map((b) => (b.ref.part === 'body' ? b.ref.block : -1))).toEqual(doc.body.map((_, i) => i));
    for (const b of [...landings.blocks, ...landings.attachments.flatMap((a) => a.blocks)]) {
      for (const p of b.pieces) {
        if (p.kind !== 'line') continue;
        const on = pages[p.page].items.filter((t): t is TextItem => t.kind === 'text' && t.line === p.line && t.tag !== 'pageNumber');
        expect(on.length, JSON.stringify(b.ref)).toBeGreaterThan(0);
      }
    }
    // The attachments with content: each block lands, in order, from the page its start names, which opens with 附件N.
    const withContent = doc.attachments.flatMap((a, item) => (a.body.length ? [item] : []));
    expect(landings.attachments.map((a) => a.item)).toEqual(withContent);
    expect(landings.blocks.some((b) => b.ref.part === 'attachment')).toBe(false);
    for (const { item, page, blocks } of landings.attachments) {
      expect(blocks.every((b) => b.ref.part === 'attachment' && b.ref.item === item)).toBe(true);
      expect(blocks.map((b) => (b.ref.part === 'attachment' ? b.ref.block : -1))).toEqual(doc.attachments[item].body.map((_, i) => i));
      expect(blocks[0].pieces[0].page).toBe(page);
      expect(pages[page].items.some((t) => t.kind === 'text' && t.tag === 'attachment.label' && t.line === 0)).toBe(true);
      expect(page).toBeGreaterThan(landings.signature.page);
    }
    const lastBody = landings.blocks[landings.blocks.length - 1].pieces.at(-1)!;
    expect(landings.signature.page).toBe(lastBody.page);
    // The signature starts below the last body line (a table's last row, and the blank line after a table, may be taller).
    if (lastBody.kind === 'line' && doc.body.at(-1)?.kind !== 'table') expect(landings.signature.firstLine).toBe(lastBody.line + 1);
    else expect(landings.signature.firstLine).toBeGreaterThan(lastBody.line);
    const sig = pages[landings.signature.page].items.filter((t): t is TextItem => t.kind === 'text' && (t.tag === 'signature' || t.tag === 'date'));
    expect(sig.length).toBeGreaterThan(0);
    expect(Math.max(...sig.map((t) => t.line!))).toBe(landings.signature.lastLine - (doc.note ? 1 : 0));
    // The colophon on the page its landing names, alone there when it says so; the addressee on the first page.
    const colophonPages = pages.filter((pg) => pg.items.some((t) => t.kind === 'rule' && t.tag.startsWith('colophon'))).map((pg) => pg.index);
    if (landings.colophon) {
      expect(colophonPages).toEqual([landings.colophon.page]);
      const bodyThere = pages[landings.colophon.page].items.some((t) => t.kind === 'text' && ['body', 'h1', 'h2', 'signature'].includes(t.tag));
      expect(bodyThere).toBe(!landings.colophon.ownPage);
    } else expect(colophonPages).toEqual([]);
    expect(landings.addressee?.inColophon ?? false).toBe(false);
    expect(pages[0].items.some((t) => t.kind === 'text' && t.tag === 'addressee')).toBe(Boolean(doc.addressee));
    // A move forward names the line the page broke before, and the signature's page starts with it.
    const r = landings.signature.remedy;
    if (r.kind === 'moveLines') {
      const b = landings.blocks.find((x) => JSON.stringify(x.ref) === JSON.stringify(r.breakBefore.ref))!;
      expect(b.pieces[r.breakBefore.line]).toMatchObject({ page: landings.signature.page, line: 0 });
      expect(r.lines).toBeGreaterThanOrEqual(2);
      // Whole paragraphs move, as a word processor moves a keep-with-next paragraph (LibreOffice never splits one).
      expect(r.breakBefore.line).toBe(0);
    }
  });
});

describe('signature remedy (7.3.5.5): tighten the page before moving lines', () => {
  const { tightestPitchPt: _, ...noTightening } = profile.signature;
  const off: Profile = { ...profile, signature: noTightening };
  const tight: Profile = { ...profile, signature: { ...profile.signature, tightestPitchPt: 26.5 } };
  const doc = docOf('岔河镇-2023.yaml', 'file-up');

  it('is on in the layout profile', () => {
    expect(profile.signature.tightestPitchPt).toBeLessThan(g.linePitch);
  });

  it('moves body lines forward when tightening is off', () => {
    const { pages, landings } = layout(doc, off, m);
    expect(landings.signature.remedy.kind).toBe('moveLines');
    expect(landings.pitch.every((p) => p === g.linePitch)).toBe(true);
    expect(pages).toHaveLength(9);
  });

  it('sets the last page tighter, within the limit, so that everything fits on it', () => {
    const { pages, landings } = layout(doc, tight, m);
    const r = landings.signature.remedy;
    expect(r.kind).toBe('pitch');
    expect(pages).toHaveLength(8);
    const p = landings.pitch[pages.length - 1];
    expect(p).toBeGreaterThanOrEqual(26.5);
    expect(p).toBeLessThan(g.linePitch);
    // Every text line on that page sits on the tighter grid, the date's line ends inside the block.
    const lines = pages[pages.length - 1].items.filter((t): t is TextItem => t.kind === 'text' && t.line !== undefined && t.size === 16);
    for (const t of lines) expect(t.y).toBeCloseTo(g.top + t.line! * p + (p - 16) / 2 + 0.88 * 16, 6);
    const date = lines.find((t) => t.tag === 'date')!;
    expect(g.top + (date.line! + 1) * p).toBeLessThanOrEqual(g.bottom + 1e-6);
    // Only that page: the others keep the grid.
    expect(landings.pitch.slice(0, -1).every((x) => x === g.linePitch)).toBe(true);
  });

  it('never tightens past the limit: then lines move', () => {
    const limit: Profile = { ...profile, signature: { ...profile.signature, tightestPitchPt: 27.5 } };
    expect(layout(doc, limit, m).landings.signature.remedy.kind).toBe('moveLines');
  });
});
