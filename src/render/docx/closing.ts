// 落款 and 版记: signature, date and seal, the note (附注), and the colophon pinned to the bottom of the last page.
// The signature follows the PDF typesetter (src/layout/closing.ts): two blank lines (one unsealed), the names on
// the grid, each seal centred on its name with its centre 0.2 line above the bottom of the name's line.
import type { Gongwen } from '../../compose/model.ts';
import { geometry as layoutGeometry } from '../../layout/geometry.ts';
import type { Measure } from '../../layout/measure.ts';
import { setText } from '../../layout/style.ts';
import { MM } from '../../schema/profile.ts';
import { blankLine, type Child } from './body.ts';
import { cell, exactLine, indent, row, table } from './elements.ts';
import { type Geometry, textWidth } from './geometry.ts';
import { type DrawingIds, floatingPicture } from './media.ts';
import type { SealImage } from '../../load/seals.ts';
import { STYLE } from './styles.ts';
import { eighths, ptFromMm, pxFromTwips, twipsFromMm } from './units.ts';
import { type Border, paragraph, run, TAB, t, textRun } from './xml.ts';

/** Width used to place a missing date, so the clerk's handwritten date lands where a printed one would. */
const BLANK_DATE = '　　　　年　　月　　日';

/** The seal's centre sits this many lines above the bottom of the name's line (name and date below the centre). */
const SEAL_CENTRE_ABOVE_LINE_BOTTOM = 0.2;

/** A seal floating behind the text, centred at (cx, cy) twips: cx from the left margin (or cell), cy from the anchor paragraph's top. */
function sealRun(g: Geometry, ids: DrawingIds, seal: SealImage, cx: number, cy: number) {
  const w = twipsFromMm(g.profile.seal.diameter);
  const h = Math.round((w * seal.height) / seal.width);
  return floatingPicture(ids, seal.data, seal.type, cx - w / 2, cy - h / 2, w, h, '印章 seal');
}

/** One character on the body grid (the block width over 28). */
function gridChar(g: Geometry): number {
  return g.bodyChar + g.bodySpacing;
}

function width(g: Geometry, text: string): number {
  return textWidth(text, g.profile.roles.body.size, g.bodySpacing);
}

/**
 * Names a row for joint sealed signatures, as the PDF decides (at most three, seals never touching); rows a seal's
 * height apart in lines of the signature's page (`pitch`, twips).
 */
function sealedRows(g: Geometry, doc: Gongwen, m: Measure, pitch: number): { perRow: number; rows: number; rowStep: number } {
  const profile = g.profile;
  const lg = layoutGeometry(profile);
  const widest = Math.max(...doc.signatures.map((s) => setText(profile, lg, m, 'signature', s.organ).width));
  const diameter = profile.seal.diameter * MM;
  let perRow = Math.min(3, doc.signatures.length);
  while (perRow > 1 && (lg.width / perRow < widest + 2 * lg.charPitch || lg.width / perRow < diameter * 1.05)) perRow--;
  // The grid's own pitch where the page keeps the grid (the twips value is floored), as the PDF counts.
  const pitchPt = pitch < g.pitch ? pitch / 20 : lg.linePitch;
  return { perRow, rows: Math.ceil(doc.signatures.length / perRow), rowStep: Math.ceil(diameter / pitchPt) };
}

/** On a page set tighter (pitch, twips, below the grid's): an exact line of that height. */
function pitchSpacing(g: Geometry, pitch: number) {
  return pitch < g.pitch ? exactLine(pitch) : undefined;
}

function dateParagraph(g: Geometry, doc: Gongwen, right: number, pitch: number, seals: string[] = []): Child {
  // Kept with the note, which the PDF counts as part of the signature block.
  return paragraph({ style: STYLE.date, keepNext: doc.note ? true : undefined, spacing: pitchSpacing(g, pitch), indent: indent({ right, firstLine: 0 }) }, [...seals, textRun(doc.date ?? BLANK_DATE)]);
}

/** Sealed, one organ: the date four characters in, the name centred above it, the seal centred on the name. */
function sealedSingle(g: Geometry, ids: DrawingIds, doc: Gongwen, pitch: number): Child[] {
  const c = gridChar(g);
  const sig = doc.signatures[0] ?? { organ: '' };
  const dateW = width(g, doc.date ?? BLANK_DATE);
  const dateRight = g.profile.signature.dateRightChars * c;
  const nameRight = Math.max(0, Math.round(dateRight + (dateW - width(g, sig.organ)) / 2));
  const children = sig.seal ? [sealRun(g, ids, sig.seal, g.blockW - dateRight - dateW / 2, (1 - SEAL_CENTRE_ABOVE_LINE_BOTTOM) * pitch)] : [];
  return [
    paragraph({ style: STYLE.signature, spacing: pitchSpacing(g, pitch), indent: indent({ right: nameRight, firstLine: 0 }) }, [...children, textRun(sig.organ)]),
    dateParagraph(g, doc, dateRight, pitch),
  ];
}

/**
 * Sealed, joint issuance: the names spread evenly across the block, as many a row as the PDF puts (cells of a
 * borderless table), rows as far apart as the seals need, a name alone in its row above the date; each seal
 * centred on its name.
 */
function sealedJoint(g: Geometry, ids: DrawingIds, doc: Gongwen, m: Measure, pitch: number): Child[] {
  const { perRow, rows, rowStep } = sealedRows(g, doc, m, pitch);
  const out: Child[] = [];
  const seals: string[] = [];
  const dateRight = g.profile.signature.dateRightChars * gridChar(g);
  const dateW = width(g, doc.date ?? BLANK_DATE);
  const rowHeight = (r: number) => (r === rows - 1 ? 1 : rowStep) * pitch;
  for (let r = 0; r < rows; r++) {
    const sigs = doc.signatures.slice(r * perRow, (r + 1) * perRow);
    const colW = Math.floor(g.blockW / sigs.length);
    // The name's line top, from the top of the date's paragraph that follows the table: the rows from this one on.
    let above = 0;
    for (let k = r; k < rows; k++) above += rowHeight(k);
    const cells = sigs.map((s, i) => {
      // A name alone in its row stands centred above the date (its seal presses the date too), as in the PDF;
      // several spread evenly across the block.
      const alone = sigs.length === 1;
      const nameRight = Math.max(0, Math.round(dateRight + (dateW - width(g, s.organ)) / 2));
      const centre = alone ? g.blockW - dateRight - dateW / 2 : i * colW + colW / 2;
      // Anchored in the date's paragraph below the table, not in the cell: LibreOffice sets a picture anchored in a
      // cell lower than its offset says (about 1.3 lines for a seal), and positions one in the text flow as Word
      // does, from the margin and the paragraph.
      if (s.seal) seals.push(sealRun(g, ids, s.seal, centre, (1 - SEAL_CENTRE_ABOVE_LINE_BOTTOM) * pitch - above));
      const name = paragraph(
        {
          style: STYLE.signature,
          keepNext: true,
          spacing: exactLine(pitch),
          indent: indent({ right: alone ? nameRight : 0, firstLine: 0 }),
          alignment: alone ? 'right' : 'center',
        },
        textRun(s.organ),
      );
      return cell(colW, [name]);
    });
    // Rows but the last take as many grid lines as a seal is tall, so the next row's seals clear them.
    out.push(table({ widths: sigs.map(() => colW) }, [row(cells, { exactHeight: rowHeight(r) })]));
  }
  return [...out, dateParagraph(g, doc, dateRight, pitch, seals)];
}

/** Unsealed: the name two characters in from the right, the date below starting two characters right of the name. */
function unsealed(g: Geometry, doc: Gongwen, pitch: number): Child[] {
  const c = gridChar(g);
  const r = g.profile.signature.unsealedRightChars * c;
  const dateW = width(g, doc.date ?? BLANK_DATE);
  let dateRight = r;
  const names = doc.signatures.map((s) => {
    const nameW = width(g, s.organ);
    // As the PDF: the date starts two characters right of the name, unless that pushes it past the edge.
    let nameRight = r;
    if (nameW - 2 * c < dateW) nameRight = r + dateW + 2 * c - nameW;
    dateRight = Math.max(r, nameRight + nameW - 2 * c - dateW);
    return paragraph({ style: STYLE.signature, spacing: pitchSpacing(g, pitch), indent: indent({ right: nameRight, firstLine: 0 }) }, textRun(s.organ));
  });
  return [...names, dateParagraph(g, doc, dateRight, pitch)];
}

/** `pitch`: the line pitch (twips) of the signature's page, the grid's unless the typesetter set it tighter. */
export function signatureChildren(g: Geometry, ids: DrawingIds, doc: Gongwen, m: Measure, pitch = g.pitch): Child[] {
  if (doc.signatures.length === 0 && !doc.date) return [];
  // Blank lines kept with the signature so that it never starts a page alone.
  const blanks = Array.from({ length: doc.sealed ? 2 : 1 }, () => blankLine(g, true, pitch));
  if (!doc.sealed) return [...blanks, ...unsealed(g, doc, pitch)];
  if (doc.signatures.length <= 1) return [...blanks, ...sealedSingle(g, ids, doc, pitch)];
  return [...blanks, ...sealedJoint(g, ids, doc, m, pitch)];
}

export function noteParagraph(g: Geometry, note: string | undefined, pitch = g.pitch): Child[] {
  if (!note) return [];
  const text = /^[（(].*[）)]$/.test(note) ? note : `（${note}）`;
  return [paragraph({ style: STYLE.note, spacing: pitchSpacing(g, pitch) }, textRun(text))];
}

const A = 'http://schemas.openxmlformats.org/drawingml/2006/main';

/**
 * The text box as Word writes one: the DrawingML shape (a wps shape w × h EMU, as wide as the margin and aligned to its
 * bottom, wrapping top and bottom, its text anchored to its bottom edge with no insets) for readers that know it
 * (mc:Choice Requires="wps": Word 2010 and later, WPS, LibreOffice), and the same box and content in VML for those that
 * do not (mc:Fallback: Word 2007 and other older readers, which would otherwise drop the colophon). A run.
 */
function textBoxRun(id: number, cx: number, cy: number, content: string): string {
  const txbx = `<w:txbxContent>${content}</w:txbxContent>`;
  const drawing =
    '<w:drawing>' +
    `<wp:anchor distT="0" distB="0" distL="0" distR="0" simplePos="0" allowOverlap="1" behindDoc="0" locked="0" layoutInCell="1" relativeHeight="${id}">` +
    '<wp:simplePos x="0" y="0"/><wp:positionH relativeFrom="margin"><wp:posOffset>0</wp:posOffset></wp:positionH>' +
    '<wp:positionV relativeFrom="margin"><wp:align>bottom</wp:align></wp:positionV>' +
    `<wp:extent cx="${cx}" cy="${cy}"/><wp:effectExtent t="0" r="0" b="0" l="0"/><wp:wrapTopAndBottom distT="0" distB="0"/>` +
    `<wp:docPr id="${id}" name="版记 colophon"/>` +
    `<wp:cNvGraphicFramePr><a:graphicFrameLocks xmlns:a="${A}" noChangeAspect="1"/></wp:cNvGraphicFramePr>` +
    `<a:graphic xmlns:a="${A}"><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">` +
    `<wps:wsp><wps:cNvSpPr/><wps:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="${cx}" cy="${cy}"/></a:xfrm>` +
    '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom><a:noFill/><a:ln><a:noFill/></a:ln></wps:spPr>' +
    `<wps:txbx>${txbx}</wps:txbx>` +
    '<wps:bodyPr wrap="square" lIns="0" tIns="0" rIns="0" bIns="0" anchor="b"/></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing>';
  const pt = (emu: number) => `${Math.round(emu / 127) / 100}pt`;
  const style = [
    'position:absolute', 'margin-left:0', 'margin-top:0', `width:${pt(cx)}`, `height:${pt(cy)}`, `z-index:${id}`,
    'mso-position-horizontal:absolute', 'mso-position-horizontal-relative:margin', 'mso-position-vertical:bottom',
    'mso-position-vertical-relative:margin', 'v-text-anchor:bottom',
  ].join(';');
  const vml =
    `<w:pict><v:rect style="${style}" filled="f" stroked="f"><v:textbox inset="0,0,0,0">${txbx}</v:textbox>` +
    '<w10:wrap type="topAndBottom" anchorx="margin" anchory="margin"/></v:rect></w:pict>';
  return `<w:r><mc:AlternateContent><mc:Choice Requires="wps">${drawing}</mc:Choice><mc:Fallback>${vml}</mc:Fallback></mc:AlternateContent></w:r>`;
}

/**
 * 版记 as a table inside a text box anchored to the bottom of the text block (relative to the margin, aligned
 * bottom), so it stays at the foot of the last page whatever the text above does. Tried and rejected: a floating
 * table (tblpYSpec="bottom") and framed paragraphs (w:framePr yAlign="bottom"), both of which LibreOffice 7.4 leaves
 * in the text flow. Returns the run holding the box (see colophonChildren), or undefined when there is no colophon.
 */
function colophonRun(g: Geometry, ids: DrawingIds, doc: Gongwen, mainSend?: string): string | undefined {
  const col = doc.colophon;
  if (!mainSend && (!col || (col.cc.length === 0 && !col.printer && !col.printDate))) return undefined;
  const cp = g.profile.colophon;
  const size = g.profile.roles.colophon.size;
  const inset = Math.round(cp.indentChars * size * 20);
  const W = g.blockW;
  const rows: string[] = [];
  let lines = 0;
  // 主送 (an addressee the typesetter moved here, 7.3.3) and 抄送 share a row: no rule between them.
  const lists: [string, string][] = [];
  if (mainSend) lists.push(['主送：', mainSend.replace(/[：:]$/, '')]);
  if (col && col.cc.length > 0) lists.push(['抄送：', col.cc.join('，')]);
  if (lists.length > 0) {
    let listLines = 0;
    const paragraphs = lists.map(([label, names]) => {
      const labelW = textWidth(label, size);
      const text = `${label}${names}。`;
      listLines += Math.max(1, Math.ceil(textWidth(text, size) / (W - 2 * inset)));
      return paragraph({ style: STYLE.cc, indent: indent({ left: inset + labelW, right: inset, hanging: labelW }) }, textRun(text));
    });
    lines += listLines;
    rows.push(row([cell(W, paragraphs)], { exactHeight: listLines * g.pitch }));
  }
  if (col && (col.printer || col.printDate)) {
    lines += 1;
    const printer = paragraph(
      { style: STYLE.printer, tabStops: [{ type: 'right', position: W - inset }], indent: indent({ left: inset, firstLine: 0 }) },
      // the date composed with its 印发
      [textRun(col.printer ?? ''), run(TAB + t(col.printDate ?? ''))],
    );
    rows.push(row([cell(W, [printer])], { exactHeight: g.pitch }));
  }
  const rule = (mm: number): Border => ({ style: 'single', size: eighths(ptFromMm(mm)), color: '000000', space: 0 });
  const tbl = table({ widths: [W], borders: { top: rule(cp.thick), bottom: rule(cp.thick), insideHorizontal: rule(cp.thin) } }, rows);
  // Box height: the rows, one grid line a line of text, the rules drawn on their edges as in the PDF (the box must
  // fit the lines the typesetter left for it, or LibreOffice moves it to a page of its own); text anchored to the
  // box's bottom edge.
  const h = lines * g.pitch;
  const id = ids.next();
  // The box ends with a paragraph, as a text box must.
  const content = tbl + paragraph({ style: STYLE.spacer, spacing: exactLine(20) });
  return textBoxRun(id, Math.round(pxFromTwips(W) * 9525), Math.round(pxFromTwips(h) * 9525), content);
}

/**
 * The colophon after `before` (the document's paragraphs and tables so far). On a page of its own where the PDF
 * typesetter put it there (`ownPage`: it did not fit under the signature), in a paragraph that starts a page: Word and
 * LibreOffice would otherwise fit it wherever their own flow leaves room, and the page counts would differ. Otherwise
 * it is anchored in the last paragraph of the text above, not in a paragraph of its own: with top-and-bottom wrapping
 * LibreOffice puts its own anchor paragraph below the box, and where the typesetter left exactly the colophon's lines
 * free that paragraph, and the box with it, goes to a new page. Changes `before` in place.
 */
export function colophonChildren(g: Geometry, ids: DrawingIds, doc: Gongwen, before: Child[], ownPage = false, mainSend?: string): void {
  const box = colophonRun(g, ids, doc, mainSend);
  if (box === undefined) return;
  const last = before.at(-1);
  if (!ownPage && last?.endsWith('</w:p>')) before[before.length - 1] = last.slice(0, -'</w:p>'.length) + box + '</w:p>';
  else before.push(paragraph({ style: STYLE.spacer, pageBreakBefore: ownPage || undefined, spacing: exactLine(20) }, box));
}
