// The header (版头) of the red-header variants: 份号/密级/紧急程度, the red issuing-organ mark,
// the document number with 签发人 (up-going) or centred (down-going), and the red separator rule.
import type { Gongwen } from '../compose/model.ts';
import type { Profile, TextRole } from '../schema/profile.ts';
import { placeAt, setText } from './style.ts';
import { MM } from '../schema/profile.ts';
import type { Measure } from './measure.ts';
import type { PageItem, TextItem } from './types.ts';
import { EM_ASCENT, EM_DESCENT, baselineInLine, type Geometry } from './geometry.ts';

export interface HeaderResult {
  items: PageItem[];
  ruleY: number; // the red rule, absolute
}

type Header = NonNullable<Gongwen['header']>;

export function layoutHeader(h: Header, profile: Profile, g: Geometry, m: Measure): HeaderResult {
  const items: PageItem[] = [];
  const text = (role: TextRole, s: string, x: number, line: number): TextItem[] =>
    placeAt(setText(profile, g, m, role, s), x, baselineInLine(g.top + line * g.linePitch, g.linePitch, profile.roles[role].size), line);
  const width = (role: TextRole, s: string) => setText(profile, g, m, role, s).width;
  // 份号, 密级, 紧急程度: flush left at the top of the block, one per line, only when given.
  let line = 0;
  for (const [role, s] of [['copyNo', h.copyNo], ['secrecy', h.secrecy], ['urgency', h.urgency]] as const) {
    if (s) items.push(...text(role, s, g.left, line++));
  }

  const markBottom = layoutMark(h, profile, g, m, items);
  // The number goes two blank lines below the mark, on the grid.
  const firstFree = Math.ceil((markBottom - g.top) / g.linePitch - 1e-6);
  const signers = h.signers;
  const rows = signers ? Math.max(1, Math.ceil(signers.length / 2)) : 1;
  const numberLine = firstFree + profile.header.blankLinesBelowMark + rows - 1;
  const num = h.docNumber ?? '';
  const numStyle = profile.roles.docNumber;
  const numWidth = width('docNumber', num);
  if (signers) {
    // Up-going: number one character in from the left; 签发人 one character in from the right.
    items.push(...text('docNumber', num, g.left + g.charPitch, numberLine));
    layoutSigners(signers, numberLine - rows + 1, g, items, text, width);
  } else {
    items.push(...text('docNumber', num, g.left + (g.width - numWidth) / 2, numberLine));
  }
  const numberBaseline = baselineInLine(g.top + numberLine * g.linePitch, g.linePitch, numStyle.size);
  const ruleY = numberBaseline + EM_DESCENT * numStyle.size + profile.header.ruleBelowNumber * MM;
  items.push({ kind: 'rule', x1: g.left, x2: g.right, y: ruleY, width: profile.header.ruleWidthPt, color: 'red', tag: 'rule.red' });
  return { items, ruleY };
}

/** The red mark, top edge 35 mm below the block top; joint issuance stacks the organs with 文件 beside them. */
function layoutMark(h: Header, profile: Profile, g: Geometry, m: Measure, items: PageItem[]): number {
  const style = profile.roles.mark;
  const top = g.top + profile.header.markTopFromBlock * MM;
  const maxWidth = g.width * profile.header.markMaxWidthRatio;
  const mark = (s: string, x: number, baseline: number, spacing: number, hScale: number): TextItem => ({
    kind: 'text', x, y: baseline, font: style.font, size: style.size, color: style.color, text: s, spacing,
    hScale: hScale < 100 ? hScale : undefined, tag: 'mark',
  });
  if (h.organs.length === 1) {
    const s = h.organs[0] + h.markSuffix;
    const w = m.width(style.font, s, style.size);
    const scale = Math.min(100, (maxWidth / w) * 100);
    const sw = (w * scale) / 100;
    items.push(mark(s, g.left + (g.width - sw) / 2, top + EM_ASCENT * style.size, 0, scale));
    return top + style.size;
  }
  // Joint issuance: organ names justified to the widest, stacked; 文件 centred vertically to their right.
  const lineH = style.size * 1.2;
  const widths = h.organs.map((o) => m.width(style.font, o, style.size));
  const stackW = Math.max(...widths);
  const suffixW = h.markSuffix ? m.width(style.font, h.markSuffix, style.size) : 0;
  const gap = h.markSuffix ? style.size * 0.5 : 0;
  const total = stackW + gap + suffixW;
  const scale = Math.min(100, (maxWidth / total) * 100);
  const k = scale / 100;
  const x0 = g.left + (g.width - total * k) / 2;
  h.organs.forEach((o, i) => {
    const n = [...o].length;
    const spacing = n > 1 ? (stackW - widths[i]) / (n - 1) : 0;
    items.push(mark(o, x0, top + i * lineH + EM_ASCENT * style.size, spacing, scale));
  });
  const stackH = (h.organs.length - 1) * lineH + style.size;
  if (h.markSuffix) {
    items.push(mark(h.markSuffix, x0 + (stackW + gap) * k, top + (stackH - style.size) / 2 + EM_ASCENT * style.size, 0, scale));
  }
  return top + stackH;
}

/** 签发人：name, two names a line, right-aligned one character in; a wrapped line aligns with the first name. */
function layoutSigners(
  signers: string[],
  firstLine: number,
  g: Geometry,
  items: PageItem[],
  text: (role: TextRole, s: string, x: number, line: number) => TextItem[],
  width: (role: TextRole, s: string) => number,
): void {
  const label = '签发人：';
  const labelW = width('signerLabel', label);
  const rows: string[][] = [];
  for (let i = 0; i < Math.max(1, signers.length); i += 2) rows.push(signers.slice(i, i + 2));
  const joined = rows.map((r) => r.join('　'));
  const namesW = Math.max(0, ...joined.map((s) => width('signerName', s)));
  // A blank 签发人 keeps room for a name of three characters, written in by hand.
  const nameX = g.right - g.charPitch - (signers.length ? namesW : 3 * g.charPitch);
  items.push(...text('signerLabel', label, nameX - labelW, firstLine));
  joined.forEach((s, i) => {
    if (s) items.push(...text('signerName', s, nameX, firstLine + i));
  });
}
