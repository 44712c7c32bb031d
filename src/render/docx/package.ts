// Deterministic packaging: document properties from the data, and the zip rewritten with a fixed timestamp.
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import type { Gongwen } from '../../compose/model.ts';

const FALLBACK_DATE = '2000-01-01';

function xmlText(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function isoDate(doc: Gongwen): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(doc.meta.date ?? '') ? (doc.meta.date as string) : FALLBACK_DATE;
}

/** docProps/core.xml: title, creator (the issuing organ) and dates from the data, never the clock. */
export function coreXml(doc: Gongwen): string {
  const stamp = `${isoDate(doc)}T00:00:00Z`;
  const { title, author, subject } = doc.meta;
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ' +
    'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" ' +
    'xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    `<dc:title>${xmlText(title)}</dc:title>` +
    (subject ? `<dc:subject>${xmlText(subject)}</dc:subject>` : '') +
    `<dc:creator>${xmlText(author)}</dc:creator>` +
    `<cp:lastModifiedBy>${xmlText(author)}</cp:lastModifiedBy><cp:revision>1</cp:revision>` +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${stamp}</dcterms:created>` +
    `<dcterms:modified xsi:type="dcterms:W3CDTF">${stamp}</dcterms:modified>` +
    '</cp:coreProperties>'
  );
}

/**
 * Rewrites the zip with every entry dated the document's date. The date is built from local components, as the
 * zip format stores local time, so the bytes do not depend on the machine's time zone.
 */
export function repack(zip: Uint8Array, doc: Gongwen, patch?: (path: string, xml: string) => string): Uint8Array {
  const [y, m, d] = isoDate(doc).split('-').map(Number);
  const mtime = new Date(y, m - 1, d, 0, 0, 0);
  const files = unzipSync(zip);
  const out: Zippable = {};
  for (const [name, data] of Object.entries(files)) {
    const bytes = patch && name.endsWith('.xml') ? strToU8(patch(name, strFromU8(data))) : data;
    out[name] = [bytes, { mtime, level: 6 }];
  }
  return zipSync(out, { mtime });
}
