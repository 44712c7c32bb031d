// The OPC package: content types, relationships, document properties, settings; zipped once, every entry dated
// the document's date, so the same input gives the same bytes.
import { strToU8, zipSync, type Zippable } from 'fflate';
import type { Gongwen } from '../../compose/model.ts';
import type { MediaPart } from './media.ts';
import { FOOTER_EVEN, FOOTER_ODD } from './page.ts';
import { esc } from './xml.ts';

const FALLBACK_DATE = '2000-01-01';
const XML_DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const WML = 'application/vnd.openxmlformats-officedocument.wordprocessingml';

function isoDate(doc: Gongwen): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(doc.meta.date ?? '') ? (doc.meta.date as string) : FALLBACK_DATE;
}

/** docProps/core.xml: title, creator (the issuing organ) and dates from the data, never the clock. */
export function coreXml(doc: Gongwen): string {
  const stamp = `${isoDate(doc)}T00:00:00Z`;
  const { title, author, subject } = doc.meta;
  return (
    XML_DECL +
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ' +
    'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" ' +
    'xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    `<dc:title>${esc(title)}</dc:title>` +
    (subject ? `<dc:subject>${esc(subject)}</dc:subject>` : '') +
    `<dc:creator>${esc(author)}</dc:creator>` +
    `<cp:lastModifiedBy>${esc(author)}</cp:lastModifiedBy><cp:revision>1</cp:revision>` +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${stamp}</dcterms:created>` +
    `<dcterms:modified xsi:type="dcterms:W3CDTF">${stamp}</dcterms:modified>` +
    '</cp:coreProperties>'
  );
}

const APP_XML =
  XML_DECL +
  '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">' +
  '<Application>gongwen-report</Application></Properties>';

/** Odd and even footers; compatibility mode 15 (Word 2013+), which WPS and LibreOffice also read. */
const SETTINGS_XML =
  XML_DECL +
  `<w:settings xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="${REL}">` +
  '<w:defaultTabStop w:val="640"/><w:evenAndOddHeaders/><w:characterSpacingControl w:val="doNotCompress"/>' +
  '<w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat>' +
  '</w:settings>';

const ROOT_RELS =
  XML_DECL +
  '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
  `<Relationship Id="rId1" Type="${REL}/officeDocument" Target="word/document.xml"/>` +
  '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>' +
  `<Relationship Id="rId3" Type="${REL}/extended-properties" Target="docProps/app.xml"/>` +
  '</Relationships>';

function documentRels(media: MediaPart[]): string {
  return (
    XML_DECL +
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
    `<Relationship Id="rIdStyles" Type="${REL}/styles" Target="styles.xml"/>` +
    `<Relationship Id="rIdSettings" Type="${REL}/settings" Target="settings.xml"/>` +
    `<Relationship Id="rIdFonts" Type="${REL}/fontTable" Target="fontTable.xml"/>` +
    `<Relationship Id="${FOOTER_ODD}" Type="${REL}/footer" Target="footer1.xml"/>` +
    `<Relationship Id="${FOOTER_EVEN}" Type="${REL}/footer" Target="footer2.xml"/>` +
    media.map((m) => `<Relationship Id="${m.id}" Type="${REL}/image" Target="${m.path.replace('word/', '')}"/>`).join('') +
    '</Relationships>'
  );
}

const CONTENT_TYPES =
  XML_DECL +
  '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
  '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
  '<Default Extension="xml" ContentType="application/xml"/>' +
  '<Default Extension="png" ContentType="image/png"/><Default Extension="jpg" ContentType="image/jpeg"/>' +
  '<Default Extension="gif" ContentType="image/gif"/><Default Extension="bmp" ContentType="image/bmp"/>' +
  `<Override PartName="/word/document.xml" ContentType="${WML}.document.main+xml"/>` +
  `<Override PartName="/word/styles.xml" ContentType="${WML}.styles+xml"/>` +
  `<Override PartName="/word/settings.xml" ContentType="${WML}.settings+xml"/>` +
  `<Override PartName="/word/fontTable.xml" ContentType="${WML}.fontTable+xml"/>` +
  `<Override PartName="/word/footer1.xml" ContentType="${WML}.footer+xml"/>` +
  `<Override PartName="/word/footer2.xml" ContentType="${WML}.footer+xml"/>` +
  '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>' +
  '<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>' +
  '</Types>';

export interface PackageParts {
  document: string;
  styles: string;
  fontTable: string;
  footerOdd: string;
  footerEven: string;
  media: MediaPart[];
}

/**
 * Zips the package. The date is built from local components, as the zip format stores local time, so the bytes
 * do not depend on the machine's time zone. Pictures are stored, not deflated: they are compressed already.
 */
export function zipPackage(doc: Gongwen, parts: PackageParts): Uint8Array {
  const [y, m, d] = isoDate(doc).split('-').map(Number);
  const mtime = new Date(y, m - 1, d, 0, 0, 0);
  const text = (s: string): [Uint8Array, { mtime: Date; level: 6 }] => [strToU8(s), { mtime, level: 6 }];
  const files: Zippable = {
    '[Content_Types].xml': text(CONTENT_TYPES),
    '_rels/.rels': text(ROOT_RELS),
    'docProps/core.xml': text(coreXml(doc)),
    'docProps/app.xml': text(APP_XML),
    'word/document.xml': text(parts.document),
    'word/_rels/document.xml.rels': text(documentRels(parts.media)),
    'word/styles.xml': text(parts.styles),
    'word/settings.xml': text(SETTINGS_XML),
    'word/fontTable.xml': text(parts.fontTable),
    'word/footer1.xml': text(parts.footerOdd),
    'word/footer2.xml': text(parts.footerEven),
  };
  for (const m of parts.media) files[m.path] = [m.data, { mtime, level: 0 }];
  return zipSync(files, { mtime });
}
