// Golden pages: the typesetter's output for every seed × variant, the demo county's roll-up and a fixture
// with every part the seeds lack, dumped as text (src/layout/dump.ts) and pinned in tests/golden/. A change
// that moves anything fails here; if the move is intended, `npx vitest run -u tests/golden.test.ts` accepts
// it and the reviewer reads the diff of the dumps. The writers' output is pinned the same way, as text:
// the DOCX's document.xml and styles.xml as indented trees, and the PDF's page content streams.
import { describe, expect, it } from 'vitest';
import { loadFontSet } from '../src/fonts/index.ts';
import { measureOf } from '../src/fonts/measure.ts';
import { dumpPages } from '../src/layout/dump.ts';
import { layout } from '../src/layout/index.ts';
import { loadProfile } from '../src/layout/profile.ts';
import { renderDocx } from '../src/render/docx/index.ts';
import { renderPdfDocument } from '../src/render/pdf/index.ts';
import { FONT_ROLES } from '../src/schema/profile.ts';
import { goldenDocs } from './helpers/golden-docs.ts';
import { docxPart, pdfPageContents, prettyXml } from './helpers/golden.ts';

const fonts = loadFontSet();
const profile = loadProfile();
const m = measureOf(fonts);
const docs = goldenDocs();
const byName = new Map(docs.map((d) => [d.name, d]));

it('the goldens are measured with the bundled open fonts, whatever this machine has installed', () => {
  // vitest.config.ts sets GONGWEN_FONTS=bundled; without it the dumps would depend on the machine.
  for (const role of FONT_ROLES) expect(fonts.fonts[role].source, role).toBe('bundled');
});

describe('layout pages', () => {
  it.each(docs.map((d) => [d.name, d] as const))('%s', async (name, d) => {
    const { pages } = layout(d.doc, profile, m, { draft: d.draft });
    await expect(dumpPages(pages)).toMatchFileSnapshot(`golden/layout/${name}.txt`);
  });
});

// A representative set for the writers (each costs a render): a seed with its header, the seed's plain
// variant, the fixture (joint issuance, seals, 附注, colophon) and the roll-up (tables, charts).
const WRITER_SET = ['岔河镇-2023-file-up', '罗田镇-2023-plain', '联合行文-2023-file-up', '联合行文-2023-file-up-draft', '示例县-2023-rollup-file-down'];

describe('DOCX XML', () => {
  it.each(WRITER_SET.filter((n) => !n.endsWith('-draft')))('%s word/document.xml', async (name) => {
    const docx = await renderDocx(byName.get(name)!.doc, { profile, fonts });
    await expect(prettyXml(docxPart(docx, 'word/document.xml'))).toMatchFileSnapshot(`golden/docx/${name}.document.xml`);
  });

  it('word/styles.xml', async () => {
    // The styles depend only on the profile: one document's are everyone's.
    const docx = await renderDocx(byName.get(WRITER_SET[0])!.doc, { profile, fonts });
    await expect(prettyXml(docxPart(docx, 'word/styles.xml'))).toMatchFileSnapshot('golden/docx/styles.xml');
  });
});

describe('PDF page content', () => {
  it.each(WRITER_SET)('%s', async (name) => {
    const d = byName.get(name)!;
    const { bytes } = await renderPdfDocument(d.doc, { profile, fonts, draft: d.draft });
    await expect(pdfPageContents(bytes)).toMatchFileSnapshot(`golden/pdf/${name}.txt`);
  });
});
