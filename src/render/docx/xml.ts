// WordprocessingML written as text: paragraphs, runs, tables and their properties, element by element in the order
// the schema (CT_PPr, CT_RPr, CT_TblPr…) gives them and with the docx package's spelling of each attribute, so the
// document is the same bytes it wrote. Building the package's object tree and serialising it took about 16 ms a report,
// three times the PDF; this takes about 1 ms. The package still writes the parts that do not depend on the document
// (styles, footers, settings…), once per process (package.ts).

const ESCAPES: Record<string, string> = { '&': '&amp;', '"': '&quot;', "'": '&apos;', '<': '&lt;', '>': '&gt;' };
const SPECIAL = /[&"'<>\x00-\x08\x0B\x0C\x0E-\x1F]/;

/** Escapes text and attribute values as the docx package does (control characters dropped). */
export function esc(s: string): string {
  return SPECIAL.test(s) ? s.replace(/[&"'<>\x00-\x08\x0B\x0C\x0E-\x1F]/g, (c) => ESCAPES[c] ?? '') : s;
}

/** A whole number as the package writes one (ST_DecimalNumber: floored). */
const int = (n: number): number => Math.floor(n);

type Attrs = [name: string, value: string | number | undefined][];

function attrs(list: Attrs): string {
  let out = '';
  for (const [k, v] of list) if (v !== undefined) out += ` ${k}="${typeof v === 'string' ? esc(v) : v}"`;
  return out;
}

/** An empty element with attributes. */
export const empty = (name: string, list: Attrs = []): string => `<${name}${attrs(list)}/>`;

/** An on/off property: present is on. */
const onOff = (name: string, v: boolean | undefined): string => (v === undefined ? '' : v ? `<${name}/>` : `<${name} w:val="false"/>`);

export type Jc = 'left' | 'right' | 'center' | 'both' | 'distribute';

export interface Spacing {
  before?: number;
  after?: number;
  line?: number;
  lineRule?: 'exact' | 'atLeast' | 'auto';
}

export interface IndentAttrs {
  left?: number;
  right?: number;
  hanging?: number;
  firstLine?: number;
  firstLineChars?: number;
}

export interface Border {
  style: 'single' | 'none';
  size: number; // eighths of a point
  color: string;
  space?: number;
}

export interface TabStop {
  type: 'left' | 'right';
  position: number;
}

export interface ParagraphProps {
  style?: string;
  keepNext?: boolean;
  keepLines?: boolean;
  pageBreakBefore?: boolean;
  widowControl?: boolean;
  border?: { bottom: Border };
  tabStops?: TabStop[];
  spacing?: Spacing;
  indent?: IndentAttrs;
  alignment?: Jc;
}

export function borderXml(name: string, b: Border): string {
  return empty(name, [['w:val', b.style], ['w:color', b.color], ['w:sz', int(b.size)], ['w:space', b.space === undefined ? undefined : int(b.space)]]);
}

function pPr(p: ParagraphProps): string {
  let out = '';
  if (p.style) out += `<w:pStyle w:val="${esc(p.style)}"/>`;
  out += onOff('w:keepNext', p.keepNext) + onOff('w:keepLines', p.keepLines);
  if (p.pageBreakBefore) out += '<w:pageBreakBefore/>';
  out += onOff('w:widowControl', p.widowControl);
  if (p.border) out += `<w:pBdr>${borderXml('w:bottom', p.border.bottom)}</w:pBdr>`;
  if (p.tabStops && p.tabStops.length > 0) out += `<w:tabs>${p.tabStops.map((t) => empty('w:tab', [['w:val', t.type], ['w:pos', int(t.position)]])).join('')}</w:tabs>`;
  const s = p.spacing;
  if (s) out += empty('w:spacing', [['w:after', s.after], ['w:before', s.before], ['w:line', s.line], ['w:lineRule', s.lineRule]]);
  const i = p.indent;
  if (i) {
    const f = (x: number | undefined) => (x === undefined ? undefined : int(x));
    out += empty('w:ind', [['w:left', f(i.left)], ['w:right', f(i.right)], ['w:hanging', f(i.hanging)], ['w:firstLine', f(i.firstLine)], ['w:firstLineChars', f(i.firstLineChars)]]);
  }
  if (p.alignment) out += `<w:jc w:val="${p.alignment}"/>`;
  return out === '' ? '' : `<w:pPr>${out}</w:pPr>`;
}

/** A paragraph of the given runs (their XML). */
export function paragraph(p: ParagraphProps, runs: string[] | string = ''): string {
  const body = pPr(p) + (typeof runs === 'string' ? runs : runs.join(''));
  return body === '' ? '<w:p/>' : `<w:p>${body}</w:p>`;
}

export interface RunProps {
  style?: string; // character style id
  characterSpacing?: number; // twips; 0 is not written
  scale?: number; // horizontal scale, percent
}

/** Text content of a run (always space-preserving, as the package writes it). */
export const t = (text: string): string => `<w:t xml:space="preserve">${esc(text)}</w:t>`;
export const TAB = '<w:tab/>';
export const BR = '<w:br/>';

/** A run: its properties, then its content (XML: t(), TAB, BR, a drawing). */
export function run(content: string, p: RunProps = {}): string {
  let rPr = '';
  if (p.style) rPr += `<w:rStyle w:val="${esc(p.style)}"/>`;
  if (p.characterSpacing) rPr += `<w:spacing w:val="${int(p.characterSpacing)}"/>`;
  if (p.scale !== undefined) rPr += `<w:w w:val="${p.scale}"/>`;
  return `<w:r>${rPr === '' ? '' : `<w:rPr>${rPr}</w:rPr>`}${content}</w:r>`;
}

/** A run of text. */
export const textRun = (text: string, p?: RunProps): string => run(t(text), p);
