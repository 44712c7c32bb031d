// The package's parts: those that do not depend on the document as the docx package writes them (once per profile),
// with the three it cannot write as this project needs (core properties dated from the data, the font table with
// fallbacks, and styles with properties its style options lack), and the document and its pictures from this writer
// (xml.ts); zipped once, every entry dated the document's date, so the same input gives the same bytes.
import { type Document, Packer } from 'docx';
import { unzipSync } from 'fflate';
import type { Gongwen } from '../../compose/model.ts';
import { FIRST_MEDIA_RID, type MediaPart } from './media.ts';
import { zipFiles } from './zip.ts';

const FALLBACK_DATE = '2000-01-01';

function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function isoDate(doc: Gongwen): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(doc.meta.date ?? '') ? (doc.meta.date as string) : FALLBACK_DATE;
}

/**
 * docProps/core.xml: title, creator (the issuing organ) and dates from the data, never the clock (the package
 * stamps the time of writing).
 */
export function coreXml(doc: Gongwen): string {
  const stamp = `${isoDate(doc)}T00:00:00Z`;
  const { title, author, subject } = doc.meta;
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
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

export type Parts = Map<string, string | Uint8Array>;

const CONTENT_TYPES = '[Content_Types].xml';

/** The compiler Packer zips with: it gives the parts before they are zipped. */
interface Compiler {
  compile(file: Document): Parts;
}

function hasCompiler(x: unknown): x is { compiler: Compiler } {
  if (typeof x !== 'function' || !('compiler' in x)) return false;
  const c: unknown = x.compiler;
  return typeof c === 'object' && c !== null && 'compile' in c && typeof c.compile === 'function';
}

/**
 * The package's parts by path, in its order, before zipping. Packer.pack zips them with the time of writing (which
 * would have to be unzipped and zipped again to date them); the compiler it holds (private in its types, public at run
 * time in docx 9) gives them unzipped. Should a later version move it, the parts come from unzipping Packer's zip.
 */
export async function packageParts(file: Document): Promise<Parts> {
  const packer: unknown = Packer;
  if (hasCompiler(packer)) return packer.compiler.compile(file);
  return new Map(Object.entries(unzipSync(await Packer.pack(file, 'uint8array'))));
}

const DOCUMENT = 'word/document.xml';
const DOCUMENT_RELS = 'word/_rels/document.xml.rels';
const FONT_TABLE_REL = /<Relationship Id="rId(\d+)" Type="http:\/\/schemas\.openxmlformats\.org\/officeDocument\/2006\/relationships\/fontTable" Target="fontTable\.xml"\/>/;
const IMAGE_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/image';

/**
 * The document's relationships: the package's (styles, numbering, notes, settings, the footers, the theme), then
 * one per picture from FIRST_MEDIA_RID on, then the font table, as the package numbers them.
 */
function relationshipsXml(rels: string, media: MediaPart[]): string {
  const font = FONT_TABLE_REL.exec(rels);
  if (!font || Number(font[1]) !== FIRST_MEDIA_RID) throw new Error('docx package: the document\'s relationships are not where expected');
  const images = media.map((m) => `<Relationship Id="rId${m.rId}" Type="${IMAGE_REL}" Target="media/${m.fileName}"/>`).join('');
  return rels.replace(font[0], `${images}${font[0].replace(`rId${font[1]}`, `rId${FIRST_MEDIA_RID + media.length}`)}`);
}

/**
 * The package's parts for a document of the given `body` (document.xml as written by this writer) and pictures: the
 * parts that do not depend on the document (`fixed`, written by the package once per profile), the document, its
 * relationships, its pictures (last, as the package puts them) and the three parts this project writes itself.
 */
export function documentParts(fixed: Parts, doc: Gongwen, body: string, media: MediaPart[]): Parts {
  const parts: Parts = new Map(fixed);
  const rels = parts.get(DOCUMENT_RELS);
  parts.set(DOCUMENT_RELS, relationshipsXml(typeof rels === 'string' ? rels : '', media));
  parts.set(DOCUMENT, body);
  parts.set('docProps/core.xml', coreXml(doc));
  for (const m of media) parts.set(`word/media/${m.fileName}`, m.data);
  return parts;
}

/**
 * Zips the parts. The date is built from local components, as the zip format stores local time, so the bytes do not
 * depend on the machine's time zone.
 */
export function zipParts(doc: Gongwen, parts: Parts): Uint8Array {
  const [year, m, d] = isoDate(doc).split('-').map(Number);
  // The zip format dates 1980–2107 and fflate 1980–2099: the entries' date is the document's within that range,
  // so whatever date a caller passes, the zip is written.
  const y = Math.min(2099, Math.max(1980, year));
  // [Content_Types].xml first, as Word writes it and as tools that sniff the file type look for it.
  const ordered: Parts = new Map([...parts].sort(([a], [b]) => Number(b === CONTENT_TYPES) - Number(a === CONTENT_TYPES)));
  return zipFiles(ordered, new Date(y, m - 1, d, 0, 0, 0), (path) => path.startsWith('word/media/'));
}
