// Seals: a user-supplied image is placed centred on its organ's name, per the standard; a missing or
// unreadable image is a clear error naming the path; --draft marks the place with a dashed circle.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { renderPdfDocument, layoutDocument } from '../src/render/pdf/index.ts';
import { defaultWriterInputs } from '../src/render/inputs.ts';
import { renderGongwen } from '../src/render/index.ts';
import { geometry } from '../src/layout/geometry.ts';
import { loadProfile } from '../src/layout/profile.ts';
import { MM } from '../src/schema/profile.ts';
import type { ImageItem, ShapeItem, TextItem } from '../src/layout/types.ts';
import { fileUp, joint, writeSealPng } from './helpers/docx-fixtures.ts';

const inputs = defaultWriterInputs();

const dir = mkdtempSync(join(tmpdir(), 'gongwen-seal-'));
const g = geometry(loadProfile());
const diameter = loadProfile().seal.diameter * MM;

describe('seals', () => {
  it('centres the seal on the name, the top within one line of the last body line', async () => {
    const seal = writeSealPng(join(dir, 'seal.png'));
    const doc = fileUp(seal);
    const { pages } = layoutDocument(doc, inputs);
    const last = pages[pages.length - 1];
    const img = last.items.find((i): i is ImageItem => i.kind === 'image')!;
    expect(img.path).toBe(seal);
    expect(img.w).toBeCloseTo(diameter, 5);
    const name = last.items.filter((i): i is TextItem => i.kind === 'text' && i.tag === 'signature');
    const nameLeft = Math.min(...name.map((t) => t.x));
    const nameRight = Math.max(...name.map((t) => t.x + t.text.length * t.size + t.spacing * t.text.length));
    expect(img.x + img.w / 2).toBeCloseTo((nameLeft + nameRight) / 2, -1);
    // Name and date sit slightly below the seal's centre.
    const date = last.items.find((i): i is TextItem => i.kind === 'text' && i.tag === 'date')!;
    expect(name[0].y).toBeGreaterThan(img.y + img.h / 2 - 16);
    expect(date.y).toBeGreaterThan(img.y + img.h / 2);
    const bodyLines = last.items.filter((i): i is TextItem => i.kind === 'text' && ['body', 'attachment'].includes(i.tag)).map((t) => t.line!);
    const lastBodyBottom = g.top + (Math.max(...bodyLines) + 1) * g.linePitch;
    expect(img.y - lastBodyBottom).toBeLessThanOrEqual(g.linePitch);
    expect(img.y).toBeGreaterThanOrEqual(lastBodyBottom - 1e-6);
    const bytes = (await renderPdfDocument(doc, inputs)).bytes;
    expect(Buffer.from(bytes).includes(Buffer.from('/Subtype /Image'))).toBe(true);
  });

  it('gives each organ of a joint issuance its own seal, apart and inside the block', () => {
    const seal = writeSealPng(join(dir, 'seal2.png'));
    const { pages } = layoutDocument(joint(seal), inputs);
    const imgs = pages[pages.length - 1].items.filter((i): i is ImageItem => i.kind === 'image');
    expect(imgs).toHaveLength(2);
    for (const i of imgs) {
      expect(i.x).toBeGreaterThanOrEqual(g.left - 1e-6);
      expect(i.x + i.w).toBeLessThanOrEqual(g.right + 1e-6);
    }
    const [a, b] = imgs;
    const dist = Math.hypot(a.x - b.x, a.y - b.y);
    expect(dist).toBeGreaterThan(diameter); // the seals neither overlap nor touch
  });

  it('marks the place with a dashed circle in a draft, and draws nothing without an image', () => {
    const draft = layoutDocument(fileUp(), { ...inputs, draft: true }).pages.flatMap((p) => p.items);
    expect(draft.filter((i): i is ShapeItem => i.kind === 'circle' && i.dashed === true)).toHaveLength(1);
    const final = layoutDocument(fileUp(), inputs).pages.flatMap((p) => p.items);
    expect(final.some((i) => i.kind === 'circle' || i.kind === 'image')).toBe(false);
  });

  it('a seal image is read once, where the YAML names it: the writers are given its bytes, not its path', async () => {
    const seal = writeSealPng(join(dir, 'seal3.png'));
    const doc = fileUp(seal);
    rmSync(seal); // gone after loading: both writers still have what they need
    const out = await renderGongwen(doc, { ...inputs, formats: ['pdf', 'docx'] });
    expect(out.files.map((f) => f.format)).toEqual(['pdf', 'docx']);
  });
});
