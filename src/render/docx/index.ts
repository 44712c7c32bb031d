// Gongwen → DOCX. Word, WPS and LibreOffice lay the document out themselves from named styles and the
// document grid; this writer fixes only what must not move: the header, the signature block and the colophon.
import { Document, Packer } from 'docx';
import type { Gongwen } from '../../compose/model.ts';
import type { Profile } from '../../schema/profile.ts';
import { bodyChildren, type Child } from './body.ts';
import { COLOPHON_MARKER_XML, colophonChildren, colophonXml, noteParagraph, signatureChildren } from './closing.ts';
import { fontTableXml } from './fonts.ts';
import { geometry } from './geometry.ts';
import { headerParts } from './header.ts';
import { coreXml, repack } from './package.ts';
import { footers, sectionProperties } from './page.ts';
import { defaultProfile } from './profile.ts';
import { stylesXml } from './styles.ts';

const stylesCache = new WeakMap<Profile, string>();

export async function renderDocx(doc: Gongwen, profile: Profile = defaultProfile()): Promise<Uint8Array> {
  const g = geometry(profile);
  let styles = stylesCache.get(profile);
  if (!styles) stylesCache.set(profile, (styles = stylesXml(g)));
  const children: Child[] = [
    ...headerParts(g, doc).children,
    ...bodyChildren(g, doc),
    ...signatureChildren(g, doc),
    ...noteParagraph(doc.note),
    ...colophonChildren(doc),
  ];
  const file = new Document({
    title: doc.meta.title,
    creator: doc.meta.author,
    subject: doc.meta.subject,
    lastModifiedBy: doc.meta.author,
    revision: 1,
    evenAndOddHeaderAndFooters: true,
    sections: [{ properties: sectionProperties(g), footers: footers(g), children }],
  });
  const zip = await Packer.pack(file, 'uint8array', false, [
    { path: 'word/styles.xml', data: styles },
    { path: 'word/fontTable.xml', data: fontTableXml() },
    { path: 'docProps/core.xml', data: coreXml(doc) },
  ]);
  const colophon = colophonXml(g, doc);
  return repack(zip, doc, (path, xml) => (path === 'word/document.xml' ? finishDocumentXml(xml, colophon) : xml));
}

/**
 * Swaps the colophon's text box in for its marker, and numbers drawings from 1: the docx package takes their ids
 * from a process-wide counter, which would make the second render of the same document differ from the first.
 */
function finishDocumentXml(xml: string, colophon: string | undefined): string {
  let id = 0;
  const withColophon = colophon ? xml.replace(COLOPHON_MARKER_XML, colophon) : xml;
  return withColophon.replace(/<wp:docPr id="\d+"/g, () => `<wp:docPr id="${++id}"`);
}
