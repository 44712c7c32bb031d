// 版头: copy number, secrecy, urgency, the red issuing-organ mark, document number and 签发人, the red rule.
// Every paragraph here has an exact height and ignores the grid, so the mark and the rule land where the
// standard puts them in Word, WPS and LibreOffice alike; the header's total height is a whole number of grid
// lines, so the title and body after it sit on the grid.
import type { Gongwen } from '../../compose/model.ts';
import { cell, exactLine, indent, row, table } from './elements.ts';
import { emTopInLine, type Geometry, textWidth } from './geometry.ts';
import { CHAR_STYLE, STYLE } from './styles.ts';
import { eighths, twipsFromMm } from './units.ts';
import { paragraph, run, t, TAB, textRun } from './xml.ts';

type Header = NonNullable<Gongwen['header']>;

export interface HeaderParts {
  children: string[]; // paragraphs and tables, as XML
  /** Grid lines the header takes; the title starts on the next one. */
  lines: number;
}

/** An empty paragraph of an exact height: the blank space between header elements. */
function spacer(h: number): string {
  return paragraph({ style: STYLE.spacer, spacing: exactLine(h) });
}

/** Horizontal scale (w:w, percent) that keeps the mark narrower than the allowed share of the block. */
function markScale(g: Geometry, chars: string): number {
  const size = g.profile.roles.mark.size;
  const max = g.blockW * g.profile.header.markMaxWidthRatio;
  const w = textWidth(chars, size);
  return w <= max ? 100 : Math.floor((max / w) * 100);
}

function markParts(g: Geometry, header: Header, lineH: number): string {
  const size = g.profile.roles.mark.size;
  const suffix = header.markSuffix;
  const organs = header.organs;
  const longest = organs.reduce((a, b) => (textWidth(b, size) > textWidth(a, size) ? b : a), '');
  const scale = markScale(g, longest + suffix);
  const markRun = (text: string) => textRun(text, { scale: scale === 100 ? undefined : scale });
  const line = (text: string, distribute = false) =>
    paragraph({ style: STYLE.mark, spacing: exactLine(lineH), alignment: distribute ? 'distribute' : undefined }, markRun(text));
  if (organs.length === 1) return line(organs[0] + suffix);
  // Joint issuance: organs stacked, lead organ first, justified to the widest; 文件 to the right, centred on the stack.
  const leftW = Math.ceil((textWidth(longest, size) * scale) / 100);
  const rightW = Math.ceil((textWidth(suffix, size) * scale) / 100);
  const cells = [cell(leftW, organs.map((o) => line(o, true)), 'center')];
  if (suffix) cells.push(cell(rightW, [line(suffix)], 'center'));
  return table({ widths: suffix ? [leftW, rightW] : [leftW], center: true }, [row(cells)]);
}

/** Lines of 签发人: two names a line; the first line carries the label, later lines align under the first name. */
function signerLines(signers: string[]): string[][] {
  const lines: string[][] = [];
  for (let i = 0; i < signers.length; i += 2) lines.push(signers.slice(i, i + 2));
  return lines;
}

function numberAndSigners(g: Geometry, header: Header, variant: Gongwen['variant']): string[] {
  const p = g.pitch;
  const number = header.docNumber ?? '';
  if (variant !== 'file-up' || !header.signers) return [paragraph({ style: STYLE.docNumber, spacing: exactLine(p) }, textRun(number))];
  // 签发人：one character in from the right; the number one character in from the left, on the last signer line.
  // No signer yet: the label stays, with room for a three-character name written in by hand (as in the PDF).
  const signers = header.signers;
  const size = g.profile.roles.signerLabel.size;
  const label = '签发人：';
  const lines = signers.length ? signerLines(signers) : [[]];
  const nameText = (names: string[]) => names.join('　');
  const widest = signers.length ? Math.max(...lines.map((l) => textWidth(nameText(l), size, g.bodySpacing))) : 3 * (g.bodyChar + g.bodySpacing);
  const labelW = textWidth(label, size, g.bodySpacing);
  const labelX = g.blockW - g.bodyChar - labelW - widest;
  const namesX = labelX + labelW;
  // Tab stops are measured from the left margin, as Word and LibreOffice's DOCX import both do.
  const tabStops = [labelX, namesX].map((x) => ({ type: 'left' as const, position: Math.round(x) }));
  return lines.map((names, i) => {
    const last = i === lines.length - 1;
    const runs: string[] = [];
    if (last) runs.push(textRun(number));
    runs.push(run(i === 0 ? TAB + t(label) : TAB + TAB));
    if (names.length) runs.push(textRun(nameText(names), { style: CHAR_STYLE.signerName }));
    return paragraph({ style: STYLE.signer, tabStops, spacing: exactLine(p), indent: indent({ left: g.bodyChar, firstLine: 0 }) }, runs);
  });
}

/**
 * The header's vertical plan, computed as the PDF typesetter does (src/layout/header.ts) so that the title starts
 * on the same grid line in both: the number on the grid two lines below the mark, the rule 4 mm under it, the
 * title two grid lines below the line holding the rule. Line indices use the exact pitch (225 mm / 22), positions
 * in the DOCX the grid's whole-twip pitch.
 */
export interface HeaderPlan {
  markTop: number; // em top of the mark, twips below the block top
  markBottom: number;
  numberLine: number; // grid line of the (last) number line
  numberEmTop: number; // em top of the number, twips below the block top
  ruleY: number; // centre of the red rule, twips below the block top
  titleLine: number;
}

export function headerPlan(g: Geometry, header: Header, variant: Gongwen['variant']): HeaderPlan {
  const hp = g.profile.header;
  const P = g.exactPitch;
  const markSize = g.profile.roles.mark.size * 20;
  const markTop = twipsFromMm(hp.markTopFromBlock);
  const markBottom = markTop + (header.organs.length - 1) * MARK_LINE_FACTOR * markSize + markSize;
  const firstFree = Math.ceil(markBottom / P - 1e-6);
  const rows = variant === 'file-up' && header.signers ? Math.max(1, Math.ceil(header.signers.length / 2)) : 1;
  const numberLine = firstFree + hp.blankLinesBelowMark + rows - 1;
  const numSize = g.profile.roles.docNumber.size * 20;
  const numberEmTop = numberLine * P + (P - numSize) / 2;
  const ruleY = numberEmTop + numSize + twipsFromMm(hp.ruleBelowNumber);
  return { markTop, markBottom, numberLine, numberEmTop, ruleY, titleLine: Math.ceil(ruleY / P - 1e-6) + 2 };
}

/** Stacked organ names in a joint mark step 1.2 em, as in the PDF. */
const MARK_LINE_FACTOR = 1.2;

export function headerParts(g: Geometry, doc: Gongwen): HeaderParts {
  const header = doc.header;
  if (!header || doc.variant === 'plain') return { children: [], lines: 0 };
  const p = g.pitch;
  const hp = g.profile.header;
  const plan = headerPlan(g, header, doc.variant);
  const out: string[] = [];
  let y = 0; // twips below the block top, where the next paragraph starts
  // 份号, 密级, 紧急程度: top left, one per grid line.
  const tops: [string | undefined, string][] = [
    [header.copyNo, STYLE.copyNo],
    [header.secrecy, STYLE.secrecy],
    [header.urgency, STYLE.urgency],
  ];
  for (const [text, style] of tops) {
    if (!text) continue;
    out.push(paragraph({ style, spacing: exactLine(p) }, textRun(text)));
    y += p;
  }
  // The mark: its em box's top 35 mm below the block top.
  const markSize = g.profile.roles.mark.size;
  const markLine = Math.round(markSize * MARK_LINE_FACTOR * 20);
  const markLineTop = plan.markTop - emTopInLine(markLine, markSize);
  out.push(spacer(markLineTop - y));
  out.push(markParts(g, header, markLine));
  y = markLineTop + header.organs.length * markLine;
  // Number (and 签发人) on the grid line the PDF uses; exact lines of one pitch each.
  const numberLines = numberAndSigners(g, header, doc.variant);
  const numSize = g.profile.roles.docNumber.size;
  const lastNumberTop = plan.numberEmTop - emTopInLine(p, numSize);
  const numberTop = lastNumberTop - (numberLines.length - 1) * p;
  out.push(spacer(numberTop - y));
  out.push(...numberLines);
  y = numberTop + numberLines.length * p;
  // The red rule 4 mm under the number, block wide: the bottom border of an exact-height empty paragraph.
  const ruleWidth = eighths(hp.ruleWidthPt);
  const half = (ruleWidth * 20) / 16; // half the stroke, twips
  out.push(
    paragraph({
      style: STYLE.rule,
      spacing: exactLine(plan.ruleY - half - y),
      border: { bottom: { style: 'single', size: ruleWidth, color: g.profile.colors.red.replace('#', ''), space: 0 } },
    }),
  );
  y = plan.ruleY + half;
  // The title starts where the PDF starts it; the DOCX's own grid pitch places it.
  out.push(spacer(plan.titleLine * p - y));
  return { children: out, lines: plan.titleLine };
}
