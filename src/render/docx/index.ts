// Gongwen → DOCX. Word, WPS and LibreOffice lay the document out themselves from named styles and the
// document grid; this writer fixes only what must not move (the header, the signature block and the colophon)
// and takes from the PDF typesetter the decisions a word processor would take differently (the title's line
// breaks, the line the title starts on, which closing lines go with the signature,
// the page set tighter for it).
// The document itself is written as text (xml.ts); the docx package writes the parts that do not depend on it (styles,
// footers, settings, numbering, notes, theme), once per profile, and three of those are replaced (see package.ts,
// styles.ts and fonts.ts).
import { Document } from 'docx';
import type { Gongwen } from '../../compose/model.ts';
import type { Profile } from '../../schema/profile.ts';
import { attachmentPages, bodyChildren, type Child } from './body.ts';
import { colophonChildren, noteParagraph, signatureChildren } from './closing.ts';
import { fontTableXml } from './fonts.ts';
import { geometry, type Geometry } from './geometry.ts';
import { headerParts } from './header.ts';
import { measureOf } from '../../fonts/measure.ts';
import { layOut, type LaidInputs, type WriterInputs } from '../inputs.ts';
import { endPlan, tightOffGrid } from './landings.ts';
import { DrawingIds } from './media.ts';
import { documentParts, packageParts, type Parts, zipParts } from './package.ts';
import { dashInkTop, footers, sectionXml } from './page.ts';
import { patchStyles, stylesOptions } from './styles.ts';

const geometryCache = new WeakMap<Profile, Geometry>();

function geometryOf(profile: Profile): Geometry {
  let g = geometryCache.get(profile);
  if (!g) geometryCache.set(profile, (g = geometry(profile)));
  return g;
}

/** The root element's namespaces, as the docx package declares them. */
const DOCUMENT_OPEN =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document mc:Ignorable="w14 w15 wp14" ' +
  [
    'wpc="http://schemas.microsoft.com/office/word/2010/wordprocessingCanvas"',
    'mc="http://schemas.openxmlformats.org/markup-compatibility/2006"',
    'o="urn:schemas-microsoft-com:office:office"',
    'r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"',
    'm="http://schemas.openxmlformats.org/officeDocument/2006/math"',
    'v="urn:schemas-microsoft-com:vml"',
    'wp14="http://schemas.microsoft.com/office/word/2010/wordprocessingDrawing"',
    'wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"',
    'w10="urn:schemas-microsoft-com:office:word"',
    'w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"',
    'w14="http://schemas.microsoft.com/office/word/2010/wordml"',
    'w15="http://schemas.microsoft.com/office/word/2012/wordml"',
    'wpg="http://schemas.microsoft.com/office/word/2010/wordprocessingGroup"',
    'wpi="http://schemas.microsoft.com/office/word/2010/wordprocessingInk"',
    'wne="http://schemas.microsoft.com/office/word/2006/wordml"',
    'wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"',
    'cx="http://schemas.microsoft.com/office/drawing/2014/chartex"',
    'cx1="http://schemas.microsoft.com/office/drawing/2015/9/8/chartex"',
    'cx2="http://schemas.microsoft.com/office/drawing/2015/10/21/chartex"',
    'cx3="http://schemas.microsoft.com/office/drawing/2016/5/9/chartex"',
    'cx4="http://schemas.microsoft.com/office/drawing/2016/5/10/chartex"',
    'cx5="http://schemas.microsoft.com/office/drawing/2016/5/11/chartex"',
    'cx6="http://schemas.microsoft.com/office/drawing/2016/5/12/chartex"',
    'cx7="http://schemas.microsoft.com/office/drawing/2016/5/13/chartex"',
    'cx8="http://schemas.microsoft.com/office/drawing/2016/5/14/chartex"',
    'aink="http://schemas.microsoft.com/office/drawing/2016/ink"',
    'am3d="http://schemas.microsoft.com/office/drawing/2017/model3d"',
    'w16cex="http://schemas.microsoft.com/office/word/2018/wordml/cex"',
    'w16cid="http://schemas.microsoft.com/office/word/2016/wordml/cid"',
    'w16="http://schemas.microsoft.com/office/word/2018/wordml"',
    'w16sdtdh="http://schemas.microsoft.com/office/word/2020/wordml/sdtdatahash"',
    'w16se="http://schemas.microsoft.com/office/word/2015/wordml/symex"',
  ]
    .map((ns) => `xmlns:${ns}`)
    .join(' ') +
  '><w:body>';

/**
 * word/document.xml for a Gongwen, and its pictures (ids.media). `inputs.laid` is the PDF typesetter's result: where
 * each block landed and what it did to keep the signature with the body (inputs.laid.landings).
 */
export function documentXml(doc: Gongwen, inputs: LaidInputs, ids = new DrawingIds()): string {
  const g = geometryOf(inputs.profile);
  const m = measureOf(inputs.fonts);
  const landings = inputs.laid.landings;
  const plan = endPlan(g, landings);
  const children: Child[] = [
    ...headerParts(g, doc).children,
    ...bodyChildren(g, ids, doc, m, plan),
    ...signatureChildren(g, ids, doc, m, plan.signaturePitch),
    ...noteParagraph(g, doc.note, plan.signaturePitch),
    ...attachmentPages(g, ids, doc, m, landings.attachments),
  ];
  colophonChildren(g, ids, doc, children, landings.colophon?.ownPage, landings.addressee?.inColophon ? doc.addressee : undefined);
  const xml = DOCUMENT_OPEN + children.join('') + sectionXml(g, dashInkTop(g, m)) + '</w:body></w:document>';
  const pitch = plan.signaturePitch;
  return tightOffGrid(xml, pitch < g.pitch ? pitch : undefined);
}

/** A document with no content: the package writes from it the parts that do not depend on the document. */
export function fixedDocument(profile: Profile): Document {
  const g = geometryOf(profile);
  return new Document({
    evenAndOddHeaderAndFooters: true,
    defaultTabStop: 640,
    styles: stylesOptions(g),
    sections: [{ footers: footers(g), children: [] }],
  });
}

const fixedCache = new WeakMap<Profile, Promise<Parts>>();

/**
 * The parts that do not depend on the document, as the docx package writes them for this profile (the styles patched,
 * the font table replaced): built once, from a document with no content.
 */
function fixedParts(profile: Profile): Promise<Parts> {
  let hit = fixedCache.get(profile);
  if (!hit) {
    const g = geometryOf(profile);
    hit = packageParts(fixedDocument(profile)).then((parts) => {
      const styles = parts.get('word/styles.xml');
      parts.set('word/styles.xml', patchStyles(typeof styles === 'string' ? styles : '', g));
      parts.set('word/fontTable.xml', fontTableXml());
      return parts;
    });
    fixedCache.set(profile, hit);
  }
  return hit;
}

/** Writes the DOCX; lays the document out first when only the inputs are given. */
export async function renderDocx(doc: Gongwen, inputs: WriterInputs | LaidInputs): Promise<Uint8Array> {
  const laid = 'laid' in inputs ? inputs : layOut(doc, inputs);
  const ids = new DrawingIds();
  const body = documentXml(doc, laid, ids);
  return zipParts(doc, documentParts(await fixedParts(laid.profile), doc, body, ids.media));
}
