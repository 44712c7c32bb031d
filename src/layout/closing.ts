// The end of a document: attachment note, signature with date and seal, 附注, and the colophon (版记).
import type { Gongwen } from '../compose/model.ts';
import type { Profile, TextRole } from '../schema/profile.ts';
import { MM } from '../schema/profile.ts';
import type { Geometry } from './geometry.ts';
import { baselineInLine } from './geometry.ts';
import type { Measure } from './measure.ts';
import type { FlowEntry } from './body.ts';
import { breakLines } from './linebreak.ts';
import { cjkAdvanceFor, placeAt, setText, styled } from './style.ts';
import type { PageItem, TextItem } from './types.ts';

/** 附件：1.… 2.…, one blank line below the body, two characters in; names wrap under themselves. */
export function flowAttachments(names: string[], profile: Profile, g: Geometry, m: Measure): FlowEntry[] {
  if (names.length === 0) return [];
  const out: FlowEntry[] = [{ kind: 'blank' }];
  const body = profile.roles.body;
  const indent = 2 * g.charPitch;
  const label = '附件：';
  const labelW = 3 * g.charPitch;
  const cjkAdvance = cjkAdvanceFor(profile, g);
  names.forEach((name, i) => {
    const num = names.length > 1 ? `${i + 1}.` : '';
    const numW = m.width('latin', num, body.size);
    const text = (i === 0 ? label : '') + num + name;
    const x = i === 0 ? indent : indent + labelW;
    const lines = breakLines([styled(profile, 'body', text, 'attachment')], m, {
      firstWidth: g.width - x,
      firstX: x,
      width: g.width - indent - labelW - numW,
      restX: indent + labelW + numW,
      cjkAdvance,
      context: name,
    });
    for (const line of lines) out.push({ kind: 'line', line, size: body.size, keepWithNext: false, tag: 'attachment', ref: { part: 'attachmentNote', item: i } });
  });
  return out;
}

export interface SignatureLayout {
  items: PageItem[];
  lastLine: number; // last grid line used by text
  bottomLine: number; // first grid line free of text and seal
}

/** Lines the signature block needs below the last body line (so the paginator can keep them together). */
export function signatureLines(doc: Gongwen, profile: Profile, g: Geometry, m: Measure): number {
  if (!doc.sealed) return 1 + doc.signatures.length + 1 + (doc.note ? 1 : 0);
  const { rows, rowStep } = sealedRows(doc, profile, g, m);
  return 2 + (rows - 1) * rowStep + 1 + 1 + (doc.note ? 1 : 0);
}

/**
 * Sealed joint signatures: as many names a row as fit (at most three) without their seals touching;
 * further rows far enough below that the seals stay apart.
 */
function sealedRows(doc: Gongwen, profile: Profile, g: Geometry, m: Measure) {
  const widest = Math.max(...doc.signatures.map((s) => setText(profile, g, m, 'signature', s.organ).width));
  const diameter = profile.seal.diameter * MM;
  let perRow = Math.min(3, doc.signatures.length);
  while (perRow > 1 && (g.width / perRow < widest + 2 * g.charPitch || g.width / perRow < diameter * 1.05)) perRow--;
  const rows = Math.ceil(doc.signatures.length / perRow);
  return { perRow, rows, rowStep: Math.ceil(diameter / g.linePitch) };
}

/**
 * Sealed: the date four characters in from the right, each organ's name centred on its seal above it,
 * the seal's top within one line of the last body line. Unsealed: one blank line, the name two
 * characters in from the right, the date below it starting two characters further right.
 */
export function layoutSignature(doc: Gongwen, lastBodyLine: number, profile: Profile, g: Geometry, m: Measure, draft: boolean): SignatureLayout {
  const items: PageItem[] = [];
  const text = (role: TextRole, s: string, x: number, line: number): TextItem[] =>
    placeAt(setText(profile, g, m, role, s), x, baselineInLine(g.top + line * g.linePitch, g.linePitch, profile.roles[role].size), line);
  const w = (role: TextRole, s: string) => setText(profile, g, m, role, s).width;
  // A date not yet known keeps its shape for the clerk: 　　　　年　　月　　日
  const date = doc.date ?? '　　　　年　　月　　日';
  const dateW = w('date', date);
  let line = lastBodyLine + (doc.sealed ? 3 : 2);
  let sealBottom = 0;
  if (doc.sealed) {
    const { perRow, rows, rowStep } = sealedRows(doc, profile, g, m);
    const dateRight = g.right - profile.signature.dateRightChars * g.charPitch;
    const dateX = dateRight - dateW;
    const diameter = profile.seal.diameter * MM;
    doc.signatures.forEach((sig, i) => {
      const row = Math.floor(i / perRow);
      const inRow = Math.min(perRow, doc.signatures.length - row * perRow);
      const col = i % perRow;
      // One a row: centred above the date. Several: spread evenly across the block.
      const centre = inRow === 1 ? dateX + dateW / 2 : g.left + (g.width * (2 * col + 1)) / (2 * inRow);
      const nameLine = line + row * rowStep;
      items.push(...text('signature', sig.organ, centre - w('signature', sig.organ) / 2, nameLine));
      // The name and date sit slightly below the seal's centre.
      const cy = g.top + (nameLine + 1 - 0.2) * g.linePitch;
      if (sig.seal) items.push({ kind: 'image', path: sig.seal.path, x: centre - diameter / 2, y: cy - diameter / 2, w: diameter, h: diameter, tag: 'seal' });
      else if (draft) items.push({ kind: 'circle', x: centre, y: cy, w: diameter, h: diameter, stroke: 'red', dashed: true, tag: 'seal.draft' });
      sealBottom = Math.max(sealBottom, cy + diameter / 2);
    });
    line += (rows - 1) * rowStep + 1;
    items.push(...text('date', date, dateX, line));
  } else {
    const gap = 2 * g.charPitch;
    const right = g.right - profile.signature.unsealedRightChars * g.charPitch;
    for (const sig of doc.signatures) {
      const nameW = w('signature', sig.organ);
      let nameX = right - nameW;
      let dateX = nameX + gap;
      if (dateX + dateW > right) {
        dateX = right - dateW;
        nameX = Math.min(nameX, dateX - gap);
      }
      items.push(...text('signature', sig.organ, nameX, line++));
      if (sig === doc.signatures[doc.signatures.length - 1]) items.push(...text('date', date, dateX, line));
    }
  }
  if (doc.note) items.push(...text('note', doc.note, g.left + 2 * g.charPitch, ++line));
  const sealLine = sealBottom ? Math.ceil((sealBottom - g.top) / g.linePitch - 1e-6) : 0;
  return { items, lastLine: line, bottomLine: Math.max(line + 1, sealLine) };
}

/** The addressee's lines: flush left, wrapped lines flush left too (7.3.3). */
export function addresseeLines(addressee: string, profile: Profile, g: Geometry, m: Measure) {
  return breakLines([styled(profile, 'addressee', addressee)], m, { firstWidth: g.width, width: g.width, cjkAdvance: cjkAdvanceFor(profile, g), context: '主送' });
}

/** Lines the colophon takes at the bottom of the block; `mainSend`: an addressee moved there (主送：). */
export function colophonLines(doc: Gongwen, profile: Profile, g: Geometry, m: Measure, mainSend?: string): number {
  const c = doc.colophon;
  if (!c && !mainSend) return 0;
  return listLines(profile, g, m, mainSend).length + listLines(profile, g, m, c?.cc).length + (c?.printer || c?.printDate ? 1 : 0);
}

/**
 * 主送：… or 抄送：…, 四号, one character in from both sides; continuation lines align with the first name.
 * `names`: the 抄送 organs (joined with ，), or the addressee as written (its closing colon dropped).
 */
function listLines(profile: Profile, g: Geometry, m: Measure, names: string[] | string | undefined) {
  if (!names || names.length === 0) return [];
  const style = profile.roles.colophon;
  const indent = profile.colophon.indentChars * style.size;
  const label = typeof names === 'string' ? '主送：' : '抄送：';
  const text = typeof names === 'string' ? names.replace(/[：:]$/, '') : names.join('，');
  const labelW = setText(profile, g, m, 'colophon', label).width;
  return breakLines([styled(profile, 'colophon', label + text + '。', typeof names === 'string' ? 'colophon.mainSend' : 'colophon.cc')], m, {
    firstX: indent,
    firstWidth: g.width - 2 * indent,
    restX: indent + labelW,
    width: g.width - 2 * indent - labelW,
    cjkAdvance: cjkAdvanceFor(profile, g),
    context: label,
  });
}

/**
 * Thick rule, 主送 (when moved here), 抄送, thin rule, 印发机关 … 印发日期, thick rule: the last rule on the block's
 * bottom edge; no rule between 主送 and 抄送 (7.3.3).
 */
export function layoutColophon(doc: Gongwen, profile: Profile, g: Geometry, m: Measure, mainSend?: string): PageItem[] {
  const c = doc.colophon;
  if (!c && !mainSend) return [];
  const items: PageItem[] = [];
  const style = profile.roles.colophon;
  const lists = [...listLines(profile, g, m, mainSend), ...listLines(profile, g, m, c?.cc)];
  const hasPrinter = Boolean(c?.printer || c?.printDate);
  const n = lists.length + (hasPrinter ? 1 : 0);
  const first = g.lines - n;
  const rule = (line: number, thick: boolean, tag: string) =>
    items.push({
      kind: 'rule', x1: g.left, x2: g.right, y: g.top + line * g.linePitch, color: 'text', tag,
      width: (thick ? profile.colophon.thick : profile.colophon.thin) * MM,
    });
  rule(first, true, 'colophon.thick');
  lists.forEach((l, i) => {
    const y = baselineInLine(g.top + (first + i) * g.linePitch, g.linePitch, style.size);
    for (const s of l.segments) items.push({ ...s, x: s.x + g.left, y, line: first + i });
  });
  if (c && hasPrinter) {
    const line = g.lines - 1;
    if (lists.length) rule(line, false, 'colophon.thin');
    const y = baselineInLine(g.top + line * g.linePitch, g.linePitch, style.size);
    const indent = profile.colophon.indentChars * style.size;
    if (c.printer) items.push(...placeAt(setText(profile, g, m, 'colophon', c.printer, 'colophon.printer'), g.left + indent, y, line));
    if (c.printDate) {
      const date = setText(profile, g, m, 'colophon', c.printDate, 'colophon.printDate');
      items.push(...placeAt(date, g.right - indent - date.width, y, line));
    }
  }
  rule(g.lines, true, 'colophon.thick');
  return items;
}
