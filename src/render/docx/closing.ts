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
import { eighths, emuFromMm, ptFromMm, pxFromMm } from './units.ts';

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
        children: sigs.map((s, i) => {
          const children: (TextRun | ImageRun)[] = [new TextRun(s.organ)];
          if (s.seal) children.unshift(sealRun(g, s.seal, colW * i + colW / 2, 0.75 * g.pitch));
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

/**
 * 版记 as framed paragraphs (w:framePr) aligned to the bottom of the text block: the frame stays at the foot of the
 * last page whatever the text above does. LibreOffice 7.4 ignores tblpYSpec="bottom" on a floating table and
 * leaves it in the flow; it honours a frame's yAlign, as Word and WPS do.
 */
export function colophonChildren(g: Geometry, doc: Gongwen): Child[] {
  const col = doc.colophon;
  if (!col || (col.cc.length === 0 && !col.printer && !col.printDate)) return [];
  const cp = g.profile.colophon;
  const size = g.profile.roles.colophon.size;
  const indent = Math.round(cp.indentChars * size * 20);
  const thick = { style: BorderStyle.SINGLE, size: eighths(ptFromMm(cp.thick)), color: '000000', space: 0 } as const;
  const thin = { style: BorderStyle.SINGLE, size: eighths(ptFromMm(cp.thin)), color: '000000', space: 0 } as const;
  const frame = {
    type: 'alignment' as const,
    alignment: { x: HorizontalPositionAlign.LEFT, y: VerticalPositionAlign.BOTTOM },
    anchor: { horizontal: FrameAnchorType.MARGIN, vertical: FrameAnchorType.MARGIN },
    width: g.blockW,
    wrap: FrameWrap.NOT_BESIDE,
  };
  const out: Paragraph[] = [];
  const hasPrinter = Boolean(col.printer || col.printDate);
  if (col.cc.length > 0) {
    const label = '抄送：';
    const labelW = textWidth(label, size);
    out.push(
      new Paragraph({
        style: STYLE.cc,
        frame,
        border: { top: thick, bottom: hasPrinter ? thin : thick },
        indent: { left: indent + labelW, right: indent, hanging: labelW },
        children: [new TextRun(`${label}${col.cc.join('，')}。`)],
      }),
    );
  }
  if (hasPrinter) {
    const date = col.printDate ? `${col.printDate}印发` : '';
    out.push(
      new Paragraph({
        style: STYLE.printer,
        frame,
        border: col.cc.length > 0 ? { bottom: thick } : { top: thick, bottom: thick },
        indent: { left: indent, firstLine: 0 },
        tabStops: [{ type: TabStopType.RIGHT, position: g.blockW - indent }],
        children: [new TextRun(`${col.printer ?? ''}\t${date}`)],
      }),
    );
  }
  return out;
}
