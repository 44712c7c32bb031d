// Gongwen → DOCX. Word, WPS and LibreOffice lay the document out themselves from named styles and the
// document grid; this writer fixes only what must not move (the header, the signature block and the colophon)
// and takes from the PDF typesetter the decisions a word processor would take differently (the title's line
// breaks, the line the title starts on, which closing lines go with the signature,
// the page set tighter for it).
// The docx package builds the document; a few parts are patched where the package cannot write what is needed
// (see package.ts, styles.ts and closing.ts).
import { Document } from 'docx';
import { strFromU8 } from 'fflate';
import type { Gongwen } from '../../compose/model.ts';
import type { Profile } from '../../schema/profile.ts';
import { attachmentPages, bodyChildren, type Child } from './body.ts';
import { colophonChildren, moveColophon, noteParagraph, signatureChildren } from './closing.ts';
import { fontTableXml } from './fonts.ts';
import { geometry, type Geometry } from './geometry.ts';
import { headerParts } from './header.ts';
import { measureOf } from '../../fonts/measure.ts';
import { layOut, type LaidInputs, type WriterInputs } from '../inputs.ts';
import { endPlan, tightOffGrid } from './landings.ts';
import { DrawingIds } from './media.ts';
import { coreXml, packageParts, type Parts, zipParts } from './package.ts';
import { dashInkTop, footers, sectionProperties } from './page.ts';
import { patchStyles, stylesOptions } from './styles.ts';

const geometryCache = new WeakMap<Profile, Geometry>();

function geometryOf(profile: Profile): Geometry {
  let g = geometryCache.get(profile);
  if (!g) geometryCache.set(profile, (g = geometry(profile)));
  return g;
}

/**
 * The docx package's document for a Gongwen. `inputs.laid` is the PDF typesetter's result: where each block
 * landed and what it did to keep the signature with the body (inputs.laid.landings).
 */
export function buildDocument(doc: Gongwen, inputs: LaidInputs): Document {
  const g = geometryOf(inputs.profile);
  const m = measureOf(inputs.fonts);
  const ids = new DrawingIds();
  const landings = inputs.laid.landings;
  const plan = endPlan(g, landings);
  const children: Child[] = [
    ...headerParts(g, doc).children,
    ...bodyChildren(g, ids, doc, m, plan),
    ...signatureChildren(g, ids, doc, m, plan.signaturePitch),
    ...noteParagraph(g, doc.note, plan.signaturePitch),
    ...attachmentPages(g, ids, doc, m, landings.attachments),
    ...colophonChildren(g, ids, doc, landings.colophon?.ownPage, landings.addressee?.inColophon ? doc.addressee : undefined),
  ];
  return new Document({
    title: doc.meta.title,
    subject: doc.meta.subject,
    creator: doc.meta.author,
    lastModifiedBy: doc.meta.author,
    revision: 1,
    evenAndOddHeaderAndFooters: true,
    defaultTabStop: 640,
    styles: stylesOptions(g),
    sections: [{ properties: sectionProperties(g, dashInkTop(g, m)), footers: footers(g), children }],
  });
}

const text = (parts: Parts, path: string): string => {
  const data = parts.get(path);
  return typeof data === 'string' ? data : data ? strFromU8(data) : '';
};

/** Writes the DOCX; lays the document out first when only the inputs are given. */
export async function renderDocx(doc: Gongwen, inputs: WriterInputs | LaidInputs): Promise<Uint8Array> {
  const laid = 'laid' in inputs ? inputs : layOut(doc, inputs);
  const g = geometryOf(laid.profile);
  const parts = await packageParts(buildDocument(doc, laid));
  const pitch = endPlan(g, laid.laid.landings).signaturePitch;
  parts.set('word/document.xml', tightOffGrid(moveColophon(text(parts, 'word/document.xml')), pitch < g.pitch ? pitch : undefined));
  parts.set('word/styles.xml', patchStyles(text(parts, 'word/styles.xml'), g));
  parts.set('word/fontTable.xml', fontTableXml());
  parts.set('docProps/core.xml', coreXml(doc));
  return zipParts(doc, parts);
}
