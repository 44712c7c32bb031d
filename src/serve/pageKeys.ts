// A key per page of a preview: a hash of what the typesetter put on the page (the golden dump's lines, and
// the bytes of any image). Two versions of a report draw a page the same exactly when its key is the same,
// so the editor is sent, and draws, only the pages whose key moved. Keys come from the layout, not from the
// PDF's bytes: pdfkit numbers a font subset's glyphs in order of first use, so one new character early on
// changes the content streams of later pages that look the same.
import { createHash } from 'node:crypto';
import type { Gongwen } from '../compose/model.ts';
import { dumpPages } from '../layout/dump.ts';
import type { Page } from '../layout/types.ts';

export function pageKeys(pages: Page[], doc: Gongwen): string[] {
  const images = new Map(doc.signatures.flatMap((s) => (s.seal ? [[s.seal.path, s.seal.data] as const] : [])));
  return pages.map((page) => {
    const h = createHash('sha1').update(dumpPages([{ ...page, index: 0 }]));
    for (const it of page.items) if (it.kind === 'image') h.update(images.get(it.path) ?? it.path);
    return h.digest('base64url').slice(0, 16);
  });
}
