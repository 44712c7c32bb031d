// 落款 and 版记: signature, date and seal, the note (附注), and the colophon pinned to the bottom of the last page.
// The signature follows the PDF typesetter (src/layout/closing.ts): two blank lines (one unsealed), the names on
// the grid, each seal centred on its name with its centre 0.2 line above the bottom of the name's line.
import type { Gongwen } from '../../compose/model.ts';
import { geometry as layoutGeometry } from '../../layout/geometry.ts';
import type { Measure } from '../../layout/measure.ts';
import { setText } from '../../layout/style.ts';
import { MM } from '../../schema/profile.ts';
import { blankLine } from './body.ts';
import { type Geometry, textWidth } from './geometry.ts';
import { fontMeasure } from './measure.ts';
import { floatingPicture, type Media } from './media.ts';
import { readSeal } from './seal.ts';
import { STYLE } from './styles.ts';
import { eighths, emuFromTwips, ptFromMm, twipsFromMm } from './units.ts';
import { cell, esc, para, row, run, table } from './xml.ts';

/** Width used to place a missing date, so the clerk's handwritten date lands where a printed one would. */
const BLANK_DATE = '　　　　年　　月　　日';

/** The seal's centre sits this many lines above the bottom of the name's line (name and date below the centre). */
const SEAL_CENTRE_ABOVE_LINE_BOTTOM = 0.2;

/** A seal floating behind the text, centred at (cx, cy) twips: cx from the left margin (or cell), cy from the anchor paragraph's top. */
function sealXml(g: Geometry, media: Media, path: string, cx: number, cy: number): string {
  const seal = readSeal(path);
  const w = twipsFromMm(g.profile.seal.diameter);
  const h = Math.round(w * seal.aspect);
  const rId = media.add(seal.data, seal.type);
  return floatingPicture(media, rId, cx - w / 2, cy - h / 2, w, h, '印章 seal');
}

/** One character on the body grid (the block width over 28). */
function gridChar(g: Geometry): number {
  return g.bodyChar + g.bodySpacing;
}

function width(g: Geometry, text: string): number {
  return textWidth(text, g.profile.roles.body.size, g.bodySpacing);
}

/** Names a row for joint sealed signatures, as the PDF decides (at most three, seals never touching). */
function sealedRows(g: Geometry, doc: Gongwen, m: Measure): { perRow: number; rows: number; rowStep: number } {
  const profile = g.profile;
  const lg = layoutGeometry(profile);
  const widest = Math.max(...doc.signatures.map((s) => setText(profile, lg, m, 'signature', s.organ).width));
  const diameter = profile.seal.diameter * MM;
  let perRow = Math.min(3, doc.signatures.length);
  while (perRow > 1 && (lg.width / perRow < widest + 2 * lg.charPitch || lg.width / perRow < diameter * 1.05)) perRow--;
  return { perRow, rows: Math.ceil(doc.signatures.length / perRow), rowStep: Math.ceil(diameter / lg.linePitch) };
}

function dateXml(g: Geometry, doc: Gongwen, right: number): string {
  // Kept with the note, which the PDF counts as part of the signature block.
  return para({ style: STYLE.date, keepNext: Boolean(doc.note), ind: { right, firstLine: 0 } }, run(doc.date ?? BLANK_DATE));
}

/** Sealed, one organ: the date four characters in, the name centred above it, the seal centred on the name. */
function sealedSingle(g: Geometry, media: Media, doc: Gongwen): string {
  const c = gridChar(g);
  const sig = doc.signatures[0] ?? { organ: '' };
  const dateW = width(g, doc.date ?? BLANK_DATE);
  const dateRight = g.profile.signature.dateRightChars * c;
  const nameRight = Math.max(0, Math.round(dateRight + (dateW - width(g, sig.organ)) / 2));
  const seal = sig.seal ? sealXml(g, media, sig.seal, g.blockW - dateRight - dateW / 2, (1 - SEAL_CENTRE_ABOVE_LINE_BOTTOM) * g.pitch) : '';
  return para({ style: STYLE.signature, ind: { right: nameRight, firstLine: 0 } }, seal + run(sig.organ)) + dateXml(g, doc, dateRight);
}

/**
 * Sealed, joint issuance: the names spread evenly across the block, as many a row as the PDF puts (cells of a
 * borderless table), rows as far apart as the seals need; each seal centred on its name.
 */
function sealedJoint(g: Geometry, media: Media, doc: Gongwen, m: Measure): string {
  const { perRow, rows, rowStep } = sealedRows(g, doc, m);
  const out: string[] = [];
  for (let r = 0; r < rows; r++) {
    const sigs = doc.signatures.slice(r * perRow, (r + 1) * perRow);
    const colW = Math.floor(g.blockW / sigs.length);
    const last = r === rows - 1;
    const cells = sigs.map((s) => {
      // Inside a table cell Word and LibreOffice position a floating picture relative to the cell.
      const seal = s.seal ? sealXml(g, media, s.seal, colW / 2, (1 - SEAL_CENTRE_ABOVE_LINE_BOTTOM) * g.pitch) : '';
      return cell(colW, para({ style: STYLE.signature, keepNext: true, snapToGrid: false, exact: g.pitch, ind: { right: 0, firstLine: 0 }, jc: 'center' }, seal + run(s.organ)));
    });
    // Rows but the last take as many grid lines as a seal is tall, so the next row's seals clear them.
    out.push(table({ widths: sigs.map(() => colW) }, [row(cells, { exactHeight: (last ? 1 : rowStep) * g.pitch })]));
  }
  return out.join('') + dateXml(g, doc, g.profile.signature.dateRightChars * gridChar(g));
}

/** Unsealed: the name two characters in from the right, the date below starting two characters right of the name. */
function unsealed(g: Geometry, doc: Gongwen): string {
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
    return para({ style: STYLE.signature, ind: { right: Math.round(nameRight), firstLine: 0 } }, run(s.organ));
  });
  return names.join('') + dateXml(g, doc, Math.round(dateRight));
}

export function signatureXml(g: Geometry, media: Media, doc: Gongwen, m: Measure = fontMeasure()): string {
  if (doc.signatures.length === 0 && !doc.date) return '';
  // Blank lines kept with the signature so that it never starts a page alone.
  const blanks = blankLine(g, true).repeat(doc.sealed ? 2 : 1);
  if (!doc.sealed) return blanks + unsealed(g, doc);
  if (doc.signatures.length <= 1) return blanks + sealedSingle(g, media, doc);
  return blanks + sealedJoint(g, media, doc, m);
}

export function noteXml(note: string | undefined): string {
  if (!note) return '';
  const text = /^[（(].*[）)]$/.test(note) ? note : `（${note}）`;
  return para({ style: STYLE.note }, run(text));
}

/**
 * 版记 as a table inside a text box anchored to the bottom of the text block (wp:positionV relative to the margin,
 * aligned bottom), so it stays at the foot of the last page whatever the text above does. Tried and rejected:
 * a floating table (tblpYSpec="bottom") and framed paragraphs (w:framePr yAlign="bottom"), both of which
 * LibreOffice 7.4 leaves in the text flow.
 */
export function colophonXml(g: Geometry, doc: Gongwen): string | undefined {
  const col = doc.colophon;
  if (!col || (col.cc.length === 0 && !col.printer && !col.printDate)) return undefined;
  const cp = g.profile.colophon;
  const size = g.profile.roles.colophon.size;
  const indent = Math.round(cp.indentChars * size * 20);
  const thick = eighths(ptFromMm(cp.thick));
  const thin = eighths(ptFromMm(cp.thin));
  const W = g.blockW;
  const rows: string[] = [];
  let lines = 0;
  const cell = (p: string) => `<w:tr><w:trPr><w:cantSplit/></w:trPr><w:tc><w:tcPr><w:tcW w:w="${W}" w:type="dxa"/></w:tcPr>${p}</w:tc></w:tr>`;
  if (col.cc.length > 0) {
    const label = '抄送：';
    const labelW = textWidth(label, size);
    const text = `${label}${col.cc.join('，')}。`;
    lines += Math.max(1, Math.ceil(textWidth(text, size) / (W - 2 * indent)));
    rows.push(
      cell(
        `<w:p><w:pPr><w:pStyle w:val="${STYLE.cc}"/><w:ind w:left="${indent + labelW}" w:right="${indent}" w:hanging="${labelW}"/></w:pPr>` +
          `<w:r><w:t xml:space="preserve">${esc(text)}</w:t></w:r></w:p>`,
      ),
    );
  }
  if (col.printer || col.printDate) {
    const date = col.printDate ?? ''; // composed with its 印发
    lines += 1;
    rows.push(
      cell(
        `<w:p><w:pPr><w:pStyle w:val="${STYLE.printer}"/><w:tabs><w:tab w:val="right" w:pos="${W - indent}"/></w:tabs><w:ind w:left="${indent}" w:firstLine="0"/></w:pPr>` +
          `<w:r><w:t xml:space="preserve">${esc(col.printer ?? '')}</w:t></w:r><w:r><w:tab/><w:t xml:space="preserve">${esc(date)}</w:t></w:r></w:p>`,
      ),
    );
  }
  const border = (sz: number) => `w:val="single" w:color="000000" w:sz="${sz}" w:space="0"`;
  const table =
    `<w:tbl><w:tblPr><w:tblW w:w="${W}" w:type="dxa"/><w:tblBorders><w:top ${border(thick)}/><w:left w:val="none" w:sz="0" w:space="0" w:color="auto"/>` +
    `<w:bottom ${border(thick)}/><w:right w:val="none" w:sz="0" w:space="0" w:color="auto"/><w:insideH ${border(thin)}/><w:insideV w:val="none" w:sz="0" w:space="0" w:color="auto"/></w:tblBorders>` +
    '<w:tblLayout w:type="fixed"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="0" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="0" w:type="dxa"/></w:tblCellMar></w:tblPr>' +
    `<w:tblGrid><w:gridCol w:w="${W}"/></w:tblGrid>${rows.join('')}</w:tbl>` +
    `<w:p><w:pPr><w:pStyle w:val="${STYLE.spacer}"/><w:spacing w:line="20" w:lineRule="exact"/></w:pPr></w:p>`;
  // Box height: the rows (one grid line each) and the rules; text anchored to the box's bottom edge.
  const h = lines * g.pitch + 60;
  const cx = emuFromTwips(W);
  const cy = emuFromTwips(h);
  return (
    `<w:p><w:pPr><w:pStyle w:val="${STYLE.spacer}"/><w:spacing w:line="20" w:lineRule="exact"/></w:pPr><w:r><w:drawing>` +
    '<wp:anchor distT="0" distB="0" distL="0" distR="0" simplePos="0" relativeHeight="3" behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1">' +
    '<wp:simplePos x="0" y="0"/><wp:positionH relativeFrom="margin"><wp:posOffset>0</wp:posOffset></wp:positionH>' +
    '<wp:positionV relativeFrom="margin"><wp:align>bottom</wp:align></wp:positionV>' +
    `<wp:extent cx="${cx}" cy="${cy}"/><wp:effectExtent l="0" t="0" r="0" b="0"/><wp:wrapTopAndBottom/>` +
    '<wp:docPr id="1000" name="版记 colophon"/><wp:cNvGraphicFramePr/>' +
    '<a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">' +
    `<wps:wsp><wps:cNvSpPr txBox="1"/><wps:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="${cx}" cy="${cy}"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom><a:noFill/><a:ln><a:noFill/></a:ln></wps:spPr>` +
    `<wps:txbx><w:txbxContent>${table}</w:txbxContent></wps:txbx>` +
    '<wps:bodyPr rot="0" vert="horz" wrap="square" lIns="0" tIns="0" rIns="0" bIns="0" anchor="b" anchorCtr="0"><a:noAutofit/></wps:bodyPr>' +
    '</wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></w:r></w:p>'
  );
}
