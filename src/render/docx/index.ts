// Gongwen → DOCX. Word, WPS and LibreOffice lay the document out themselves from named styles and the
// document grid; this writer fixes only what must not move (the header, the signature block and the colophon)
// and takes from the PDF typesetter the decisions a word processor would take differently (the title's line
// breaks, the line the title starts on, which closing lines go with the signature).
import type { Gongwen } from '../../compose/model.ts';
import type { Profile } from '../../schema/profile.ts';
import { bodyXml } from './body.ts';
import { colophonXml, noteXml, signatureXml } from './closing.ts';
import { fontTableXml } from './fonts.ts';
import { geometry, type Geometry } from './geometry.ts';
import { headerParts } from './header.ts';
import { fontMeasure } from './measure.ts';
import { Media } from './media.ts';
import { zipPackage } from './package.ts';
import { footerXml, sectPrXml } from './page.ts';
import { defaultProfile } from './profile.ts';
import { stylesXml } from './styles.ts';

interface Fixed {
  g: Geometry;
  styles: string;
  fontTable: string;
  footerOdd: string;
  footerEven: string;
  sectPr: string;
}

/** The parts that depend on the profile only, built once per profile. */
const fixedCache = new WeakMap<Profile, Fixed>();

function fixedParts(profile: Profile): Fixed {
  let hit = fixedCache.get(profile);
  if (!hit) {
    const g = geometry(profile);
    hit = { g, styles: stylesXml(g), fontTable: fontTableXml(), footerOdd: footerXml(g, true), footerEven: footerXml(g, false), sectPr: sectPrXml(g) };
    fixedCache.set(profile, hit);
  }
  return hit;
}

const NAMESPACES =
  'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" ' +
  'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" ' +
  'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" ' +
  'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" ' +
  'xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture" ' +
  'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" ' +
  'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="wps"';

/** The document's main part, word/document.xml. */
export function documentXml(doc: Gongwen, profile: Profile = defaultProfile(), media = new Media()): string {
  const { g, sectPr } = fixedParts(profile);
  const m = fontMeasure();
  const body =
    headerParts(g, doc).xml + bodyXml(g, media, doc, m) + signatureXml(g, media, doc, m) + noteXml(doc.note) + (colophonXml(g, doc) ?? '');
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document ${NAMESPACES}><w:body>${body}${sectPr}</w:body></w:document>`;
}

export async function renderDocx(doc: Gongwen, profile: Profile = defaultProfile()): Promise<Uint8Array> {
  const fixed = fixedParts(profile);
  const media = new Media();
  const document = documentXml(doc, profile, media);
  return zipPackage(doc, { document, styles: fixed.styles, fontTable: fixed.fontTable, footerOdd: fixed.footerOdd, footerEven: fixed.footerEven, media: media.parts });
}
