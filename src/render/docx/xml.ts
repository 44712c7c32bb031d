// WordprocessingML written as strings: the few elements the writer needs, each property in the order the schema
// (ECMA-376 CT_PPrBase, CT_RPr) requires, since Word rejects out-of-order properties as a corrupt file.
// Written directly rather than through the docx package's object model: several times faster, and every
// property that Word, WPS and LibreOffice read alike (widowControl, snapToGrid, exact row heights) is reachable.

export function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

export interface Indent {
  left?: number;
  right?: number;
  firstLine?: number;
  hanging?: number;
}

export interface ParaProps {
  style?: string;
  keepNext?: boolean;
  keepLines?: boolean;
  widowControl?: boolean;
  borderBottom?: { sz: number; color: string };
  tabs?: number[]; // left tab stops, twips
  snapToGrid?: false;
  /** Exact line height in twips. */
  exact?: number;
  ind?: Indent;
  jc?: 'left' | 'center' | 'right' | 'both' | 'distribute';
}

export function pPr(p: ParaProps): string {
  let x = '';
  if (p.style) x += `<w:pStyle w:val="${p.style}"/>`;
  if (p.keepNext) x += '<w:keepNext/>';
  if (p.keepLines) x += '<w:keepLines/>';
  if (p.widowControl !== undefined) x += `<w:widowControl w:val="${p.widowControl ? 1 : 0}"/>`;
  if (p.borderBottom) x += `<w:pBdr><w:bottom w:val="single" w:sz="${p.borderBottom.sz}" w:space="0" w:color="${p.borderBottom.color}"/></w:pBdr>`;
  if (p.tabs?.length) x += `<w:tabs>${p.tabs.map((t) => `<w:tab w:val="left" w:pos="${Math.round(t)}"/>`).join('')}</w:tabs>`;
  if (p.snapToGrid === false) x += '<w:snapToGrid w:val="0"/>';
  if (p.exact !== undefined) x += `<w:spacing w:before="0" w:after="0" w:line="${Math.max(20, Math.round(p.exact))}" w:lineRule="exact"/>`;
  if (p.ind) {
    const { left, right, firstLine, hanging } = p.ind;
    let a = '';
    if (left !== undefined) a += ` w:left="${Math.round(left)}"`;
    if (right !== undefined) a += ` w:right="${Math.round(right)}"`;
    // Normal gives firstLineChars="200" (Word prefers *Chars to twips); 0 hands the indent back to the twips value.
    if (hanging !== undefined) a += ` w:hanging="${Math.round(hanging)}" w:firstLineChars="0"`;
    else if (firstLine !== undefined) a += ` w:firstLine="${Math.round(firstLine)}" w:firstLineChars="0"`;
    x += `<w:ind${a}/>`;
  }
  if (p.jc) x += `<w:jc w:val="${p.jc}"/>`;
  return x ? `<w:pPr>${x}</w:pPr>` : '';
}

export interface RunProps {
  style?: string; // character style
  scale?: number; // horizontal scale, percent
  color?: string;
}

/** A run of text; tabs in the text become w:tab, "\n" a line break. */
export function run(text: string, props: RunProps = {}): string {
  let rp = '';
  if (props.style) rp += `<w:rStyle w:val="${props.style}"/>`;
  if (props.color) rp += `<w:color w:val="${props.color}"/>`;
  if (props.scale !== undefined && props.scale !== 100) rp += `<w:w w:val="${props.scale}"/>`;
  const body = text
    .split(/(\t|\n)/)
    .map((s) => (s === '\t' ? '<w:tab/>' : s === '\n' ? '<w:br/>' : s ? `<w:t xml:space="preserve">${esc(s)}</w:t>` : ''))
    .join('');
  return `<w:r>${rp ? `<w:rPr>${rp}</w:rPr>` : ''}${body}</w:r>`;
}

export function para(props: ParaProps, content = ''): string {
  return `<w:p>${pPr(props)}${content}</w:p>`;
}

const NONE = 'w:val="none" w:sz="0" w:space="0" w:color="auto"';

export interface TableProps {
  widths: number[]; // column widths, twips
  jc?: 'center';
  /** Border attributes per edge; absent edges have none. */
  borders?: Partial<Record<'top' | 'bottom' | 'insideH' | 'left' | 'right' | 'insideV', string>>;
  cellMargin?: number; // left and right cell margin, twips (top and bottom are 0)
}

export interface CellProps {
  vAlign?: 'center' | 'bottom';
}

export function cell(width: number, content: string, props: CellProps = {}): string {
  return `<w:tc><w:tcPr><w:tcW w:w="${Math.round(width)}" w:type="dxa"/>${props.vAlign ? `<w:vAlign w:val="${props.vAlign}"/>` : ''}</w:tcPr>${content}</w:tc>`;
}

export interface RowProps {
  header?: boolean; // repeated at the top of every page
  exactHeight?: number;
}

export function row(cells: string[], props: RowProps = {}): string {
  const trPr = '<w:cantSplit/>' + (props.exactHeight ? `<w:trHeight w:val="${Math.round(props.exactHeight)}" w:hRule="exact"/>` : '') + (props.header ? '<w:tblHeader/>' : '');
  return `<w:tr><w:trPr>${trPr}</w:trPr>${cells.join('')}</w:tr>`;
}

export function table(props: TableProps, rows: string[]): string {
  const w = props.widths.reduce((a, b) => a + b, 0);
  const b = props.borders ?? {};
  const edge = (name: 'top' | 'left' | 'bottom' | 'right' | 'insideH' | 'insideV') => `<w:${name} ${b[name] ?? NONE}/>`;
  const m = props.cellMargin ?? 0;
  return (
    '<w:tbl><w:tblPr>' +
    `<w:tblW w:w="${Math.round(w)}" w:type="dxa"/>` +
    (props.jc ? `<w:jc w:val="${props.jc}"/>` : '') +
    `<w:tblBorders>${edge('top')}${edge('left')}${edge('bottom')}${edge('right')}${edge('insideH')}${edge('insideV')}</w:tblBorders>` +
    '<w:tblLayout w:type="fixed"/>' +
    `<w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="${m}" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="${m}" w:type="dxa"/></w:tblCellMar>` +
    '<w:tblLook w:val="0000"/></w:tblPr>' +
    `<w:tblGrid>${props.widths.map((x) => `<w:gridCol w:w="${Math.round(x)}"/>`).join('')}</w:tblGrid>` +
    rows.join('') +
    '</w:tbl>'
  );
}
