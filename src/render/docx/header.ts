// 版头: copy number, secrecy, urgency, the red issuing-organ mark, document number and 签发人, the red rule.
// Every paragraph here has an exact height and ignores the grid, so the mark and the rule land where the
// standard puts them in Word, WPS and LibreOffice alike; the header's total height is a whole number of grid
// lines, so the title and body after it sit on the grid.
import { AlignmentType, BorderStyle, LineRuleType, Paragraph, Table, TableCell, TableRow, TabStopType, TextRun, VerticalAlignTable, WidthType } from 'docx';
import type { Gongwen } from '../../compose/model.ts';
import { emTopInLine, type Geometry, textWidth } from './geometry.ts';
import { CHAR_STYLE, STYLE } from './styles.ts';
import { eighths, twipsFromMm } from './units.ts';

type Header = NonNullable<Gongwen['header']>;

const NO_BORDER = { style: BorderStyle.NONE, size: 0, color: 'auto' } as const;
const NO_BORDERS = { top: NO_BORDER, bottom: NO_BORDER, left: NO_BORDER, right: NO_BORDER, insideHorizontal: NO_BORDER, insideVertical: NO_BORDER };

export interface HeaderParts {
  children: (Paragraph | Table)[];
  /** Grid lines the header takes; the title starts on the next one. */
  lines: number;
}

/** An empty paragraph of an exact height: the blank space between header elements. */
function spacer(h: number): Paragraph {
  return new Paragraph({ style: STYLE.spacer, spacing: { line: Math.max(20, Math.round(h)), lineRule: LineRuleType.EXACT } });
}

function exactLine(h: number) {
  return { line: Math.round(h), lineRule: LineRuleType.EXACT, before: 0, after: 0 };
}

/** Horizontal scale (w:w, percent) that keeps the mark narrower than the allowed share of the block. */
function markScale(g: Geometry, chars: string): number {
  const size = g.profile.roles.mark.size;
  const max = g.blockW * g.profile.header.markMaxWidthRatio;
  const w = textWidth(chars, size);
  return w <= max ? 100 : Math.floor((max / w) * 100);
}

function markParts(g: Geometry, header: Header, lineH: number): (Paragraph | Table)[] {
  const size = g.profile.roles.mark.size;
  const suffix = header.markSuffix;
  const organs = header.organs;
  const longest = organs.reduce((a, b) => (textWidth(b, size) > textWidth(a, size) ? b : a), '');
  const scale = markScale(g, longest + suffix);
  const run = (text: string) => new TextRun({ text, scale: scale === 100 ? undefined : scale });
  if (organs.length === 1) {
    return [new Paragraph({ style: STYLE.mark, spacing: exactLine(lineH), children: [run(organs[0] + suffix)] })];
  }
  // Joint issuance: organs stacked, lead organ first, 文件 to the right, centred against the stack.
  const leftW = Math.ceil((textWidth(longest, size) * scale) / 100);
  const rightW = Math.ceil((textWidth(suffix, size) * scale) / 100);
  const organCell = new TableCell({
    width: { size: leftW, type: WidthType.DXA },
    margins: { left: 0, right: 0, top: 0, bottom: 0 },
    verticalAlign: VerticalAlignTable.CENTER,
    children: organs.map(
      (o) => new Paragraph({ style: STYLE.mark, alignment: AlignmentType.DISTRIBUTE, spacing: exactLine(lineH), children: [run(o)] }),
    ),
  });
  const cells = [organCell];
  if (suffix) {
    cells.push(
      new TableCell({
        width: { size: rightW, type: WidthType.DXA },
        margins: { left: 0, right: 0, top: 0, bottom: 0 },
        verticalAlign: VerticalAlignTable.CENTER,
        children: [new Paragraph({ style: STYLE.mark, spacing: exactLine(lineH), children: [run(suffix)] })],
      }),
    );
  }
  return [
    new Table({
      alignment: AlignmentType.CENTER,
      width: { size: leftW + (suffix ? rightW : 0), type: WidthType.DXA },
      columnWidths: suffix ? [leftW, rightW] : [leftW],
      borders: NO_BORDERS,
      margins: { left: 0, right: 0, top: 0, bottom: 0 },
      rows: [new TableRow({ children: cells })],
    }),
  ];
}

/** Lines of 签发人: two names a line; the first line carries the label, later lines align under the first name. */
function signerLines(signers: string[]): string[][] {
  const lines: string[][] = [];
  for (let i = 0; i < signers.length; i += 2) lines.push(signers.slice(i, i + 2));
  return lines;
}

function numberAndSigners(g: Geometry, header: Header, variant: Gongwen['variant']): Paragraph[] {
  const p = g.pitch;
  const number = header.docNumber ?? '';
  const signers = variant === 'file-up' ? (header.signers ?? []) : [];
  if (signers.length === 0) {
    return [new Paragraph({ style: STYLE.docNumber, spacing: exactLine(p), children: [new TextRun(number)] })];
  }
  // 签发人：one character in from the right; the number one character in from the left, on the last signer line.
  const size = g.profile.roles.signerLabel.size;
  const label = '签发人：';
  const lines = signerLines(signers);
  const nameText = (names: string[]) => names.join('　');
  const widest = Math.max(...lines.map((l) => textWidth(nameText(l), size, g.bodySpacing)));
  const labelW = textWidth(label, size, g.bodySpacing);
  const labelX = g.blockW - g.bodyChar - labelW - widest;
  const namesX = labelX + labelW;
  const tabStops = [
    { type: TabStopType.LEFT, position: labelX },
    { type: TabStopType.LEFT, position: namesX },
  ];
  return lines.map((names, i) => {
    const last = i === lines.length - 1;
    const children: TextRun[] = [];
    if (last) children.push(new TextRun({ text: number, style: undefined }));
    children.push(new TextRun({ text: '\t' }));
    if (i === 0) children.push(new TextRun(label));
    else children.push(new TextRun({ text: '\t' }));
    children.push(new TextRun({ text: nameText(names), style: CHAR_STYLE.signerName }));
    return new Paragraph({
      style: STYLE.signer,
      indent: { left: g.bodyChar, firstLine: 0 },
      tabStops,
      spacing: exactLine(p),
      children,
    });
  });
}

export function headerParts(g: Geometry, doc: Gongwen): HeaderParts {
  const header = doc.header;
  if (!header || doc.variant === 'plain') return { children: [], lines: 0 };
  const p = g.pitch;
  const hp = g.profile.header;
  const out: (Paragraph | Table)[] = [];
  let y = 0; // twips below the block top
  // 份号, 密级, 紧急程度: top left, one per grid line.
  const tops: [string | undefined, string][] = [
    [header.copyNo, STYLE.copyNo],
    [header.secrecy, STYLE.secrecy],
    [header.urgency, STYLE.urgency],
  ];
  for (const [text, style] of tops) {
    if (!text) continue;
    out.push(new Paragraph({ style, spacing: exactLine(p), children: [new TextRun(text)] }));
    y += p;
  }
  // The mark: its em box's top 35 mm below the block top.
  const markSize = g.profile.roles.mark.size;
  const markLine = Math.round(markSize * 1.25 * 20);
  const markEm = emTopInLine(markLine, markSize);
  const markLineTop = twipsFromMm(hp.markTopFromBlock) - markEm;
  out.push(spacer(markLineTop - y));
  out.push(...markParts(g, header, markLine));
  const organLines = header.organs.length;
  y = markLineTop + organLines * markLine;
  const markBottom = markLineTop + (organLines - 1) * markLine + markEm + markSize * 20;
  // Number (and 签发人) two blank lines below the mark.
  const numberTop = markBottom + hp.blankLinesBelowMark * p;
  out.push(spacer(numberTop - y));
  const numberLines = numberAndSigners(g, header, doc.variant);
  out.push(...numberLines);
  y = numberTop + numberLines.length * p;
  const bodySize = g.profile.roles.docNumber.size;
  const numberBottom = numberTop + (numberLines.length - 1) * p + emTopInLine(p, bodySize) + bodySize * 20;
  // The red rule 4 mm under the number, block wide: the bottom border of an exact-height empty paragraph.
  const ruleWidth = eighths(hp.ruleWidthPt);
  const ruleY = numberBottom + twipsFromMm(hp.ruleBelowNumber);
  const ruleParaH = ruleY - y - (ruleWidth * 20) / 16;
  out.push(
    new Paragraph({
      style: STYLE.rule,
      spacing: exactLine(ruleParaH),
      border: { bottom: { style: BorderStyle.SINGLE, size: ruleWidth, color: g.profile.colors.red.replace('#', ''), space: 0 } },
    }),
  );
  y = ruleY + (ruleWidth * 20) / 16;
  // Title two blank lines below the grid line that holds the rule.
  const lines = Math.ceil(ruleY / p) + 2;
  out.push(spacer(lines * p - y));
  return { children: out, lines };
}
