// 落款 and 版记: signature, date and seal, the note (附注), and the colophon pinned to the bottom of the last page.
import {
  AlignmentType, BorderStyle, FrameAnchorType, FrameWrap, HorizontalPositionAlign, HorizontalPositionRelativeFrom, ImageRun,
  Paragraph, Table, TableCell, TableLayoutType, TableRow, TabStopType, TextRun, TextWrappingType, VerticalPositionAlign,
  VerticalPositionRelativeFrom, WidthType,
} from 'docx';
import type { Gongwen, Signature } from '../../compose/model.ts';
import { blankLine, type Child } from './body.ts';
import { type Geometry, textWidth } from './geometry.ts';
import { readSeal } from './seal.ts';
import { STYLE } from './styles.ts';
import { eighths, emuFromMm, emuFromTwips, ptFromMm, pxFromMm } from './units.ts';

/** Width used to place a missing date, so the clerk's handwritten date lands where a printed one would. */
const BLANK_DATE = '　　　　年　　月　　日';

/** A floating seal image behind the text, centred at (x, y) twips from the block's left edge and the anchor paragraph's top. */
function sealRun(g: Geometry, path: string, cx: number, cy: number): ImageRun {
  const seal = readSeal(path);
  const d = g.profile.seal.diameter;
  const wMm = d;
  const hMm = d * seal.aspect;
  const xMm = (cx / 20 / ptFromMm(1)) - wMm / 2;
  const yMm = (cy / 20 / ptFromMm(1)) - hMm / 2;
  return new ImageRun({
    type: seal.type,
    data: seal.data,
    transformation: { width: pxFromMm(wMm), height: pxFromMm(hMm) },
    floating: {
      horizontalPosition: { relative: HorizontalPositionRelativeFrom.MARGIN, offset: emuFromMm(xMm) },
      verticalPosition: { relative: VerticalPositionRelativeFrom.PARAGRAPH, offset: emuFromMm(yMm) },
      behindDocument: true,
      allowOverlap: true,
      wrap: { type: TextWrappingType.NONE },
    },
  } as ConstructorParameters<typeof ImageRun>[0]);
}

/** One character on the body grid (the block width over 28). */
function gridChar(g: Geometry): number {
  return g.bodyChar + g.bodySpacing;
}

function width(g: Geometry, text: string): number {
  return textWidth(text, g.profile.roles.body.size, g.bodySpacing);
}

function sealedSingle(g: Geometry, sig: Signature, date: string | undefined): Paragraph[] {
  const c = gridChar(g);
  const dateText = date ?? BLANK_DATE;
  const dateW = width(g, dateText);
  const nameW = width(g, sig.organ);
  const dateRight = g.profile.signature.dateRightChars * c;
  // The organ's name centred above the date.
  const nameRight = Math.max(0, Math.round(dateRight + (dateW - nameW) / 2));
  const children: (TextRun | ImageRun)[] = [new TextRun(sig.organ)];
  if (sig.seal) {
    // Seal centred on the date's centre line; name and date slightly below the seal's centre.
    const cx = g.blockW - dateRight - dateW / 2;
    children.unshift(sealRun(g, sig.seal, cx, 0.75 * g.pitch));
  }
  return [
    new Paragraph({ style: STYLE.signature, indent: { right: nameRight, firstLine: 0 }, children }),
    new Paragraph({ style: STYLE.date, indent: { right: dateRight, firstLine: 0 }, children: [new TextRun(date ?? '')] }),
  ];
}

/** Joint issuance, sealed: the organs side by side in a borderless table, each seal centred on its name. */
function sealedJoint(g: Geometry, sigs: Signature[], date: string | undefined): Child[] {
  const c = gridChar(g);
  const colW = Math.floor(g.blockW / sigs.length);
  const none = { style: BorderStyle.NONE, size: 0, color: 'auto' } as const;
  const table = new Table({
    width: { size: colW * sigs.length, type: WidthType.DXA },
    columnWidths: sigs.map(() => colW),
    layout: TableLayoutType.FIXED,
    borders: { top: none, bottom: none, left: none, right: none, insideHorizontal: none, insideVertical: none },
    margins: { left: 0, right: 0, top: 0, bottom: 0 },
    rows: [
      new TableRow({
        cantSplit: true,
        children: sigs.map((s) => {
          const children: (TextRun | ImageRun)[] = [new TextRun(s.organ)];
          // Inside a table cell Word and LibreOffice position a floating image relative to the cell.
          if (s.seal) children.unshift(sealRun(g, s.seal, colW / 2, 0.75 * g.pitch));
          return new TableCell({
            width: { size: colW, type: WidthType.DXA },
            children: [new Paragraph({ style: STYLE.signature, keepNext: true, alignment: AlignmentType.CENTER, children })],
          });
        }),
      }),
    ],
  });
  const dateRight = g.profile.signature.dateRightChars * c;
  return [table, new Paragraph({ style: STYLE.date, indent: { right: dateRight, firstLine: 0 }, children: [new TextRun(date ?? '')] })];
}

/** Unsealed: the name two characters in from the right, the date below starting two characters right of the name. */
function unsealed(g: Geometry, sigs: Signature[], date: string | undefined): Paragraph[] {
  const c = gridChar(g);
  const r = g.profile.signature.unsealedRightChars * c;
  const dateW = width(g, date ?? BLANK_DATE);
  const nameW = Math.max(...sigs.map((s) => width(g, s.organ)));
  const [nameRight, dateRight] = nameW >= dateW + 2 * c ? [r, r + nameW - 2 * c - dateW] : [r + dateW + 2 * c - nameW, r];
  return [
    ...sigs.map((s) => new Paragraph({ style: STYLE.signature, indent: { right: Math.round(nameRight), firstLine: 0 }, children: [new TextRun(s.organ)] })),
    new Paragraph({ style: STYLE.date, indent: { right: Math.round(dateRight), firstLine: 0 }, children: [new TextRun(date ?? '')] }),
  ];
}

export function signatureChildren(g: Geometry, doc: Gongwen): Child[] {
  const sigs = doc.signatures;
  if (sigs.length === 0 && !doc.date) return [];
  // Blank lines kept with the signature so that it never starts a page alone.
  const blanks = doc.sealed ? 2 : 1;
  const out: Child[] = Array.from({ length: blanks }, () => blankLine(g, true));
  if (!doc.sealed) out.push(...unsealed(g, sigs, doc.date));
  else if (sigs.length <= 1) out.push(...sealedSingle(g, sigs[0] ?? { organ: '' }, doc.date));
  else out.push(...sealedJoint(g, sigs, doc.date));
  return out;
}

export function noteParagraph(note: string | undefined): Paragraph[] {
  if (!note) return [];
  const text = /^[（(].*[）)]$/.test(note) ? note : `（${note}）`;
  return [new Paragraph({ style: STYLE.note, children: [new TextRun(text)] })];
}

/** Stands in the document for the colophon until the writer swaps in the text box (see colophonXml). */
export const COLOPHON_MARKER = '@@GONGWEN_COLOPHON@@';
export const COLOPHON_MARKER_XML = `<w:p><w:r><w:t xml:space="preserve">${COLOPHON_MARKER}</w:t></w:r></w:p>`;

export function colophonChildren(doc: Gongwen): Child[] {
  const col = doc.colophon;
  if (!col || (col.cc.length === 0 && !col.printer && !col.printDate)) return [];
  return [new Paragraph({ children: [new TextRun(COLOPHON_MARKER)] })];
}

function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
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
    const date = col.printDate ? `${col.printDate}印发` : '';
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
