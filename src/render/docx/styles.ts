// word/styles.xml: one named style per role, so that an edit in Word or WPS keeps the format.
// Written as XML because the docx package's style options lack w:snapToGrid, w:overflowPunct and w:widowControl.
import type { TextRole } from '../../schema/profile.ts';
import { LATIN_FONT, OFFICIAL_FONT } from './fonts.ts';
import type { Geometry } from './geometry.ts';
import { halfPoints } from './units.ts';

/** Style ids used by the writer; names are what Word and WPS show (Normal shows as 正文 in Chinese Word). */
export const STYLE = {
  body: 'Normal',
  h1: 'GwHeading1',
  h2: 'GwHeading2',
  h3: 'GwHeading3',
  h4: 'GwHeading4',
  title: 'GwTitle',
  addressee: 'GwAddressee',
  signature: 'GwSignature',
  date: 'GwDate',
  note: 'GwNote',
  attachment: 'GwAttachment',
  cc: 'GwCc',
  printer: 'GwPrinter',
  mark: 'GwMark',
  docNumber: 'GwDocNumber',
  signer: 'GwSigner',
  copyNo: 'GwCopyNo',
  secrecy: 'GwSecrecy',
  urgency: 'GwUrgency',
  spacer: 'GwSpacer',
  rule: 'GwRule',
  pageNumber: 'GwPageNumber',
  table: 'GwTable',
  tableHead: 'GwTableHead',
  caption: 'GwCaption',
} as const;

export const CHAR_STYLE = {
  h1: 'GwHeading1Char',
  h2: 'GwHeading2Char',
  h3: 'GwHeading3Char',
  h4: 'GwHeading4Char',
  signerName: 'GwSignerName',
} as const;

interface ParaStyle {
  id: string;
  name: string;
  role?: TextRole; // font, size and colour from the profile
  basedOn?: string;
  next?: string;
  pPr?: string; // extra paragraph properties, in schema order (see pPr())
  spacing?: number; // character spacing in twips (w:spacing in rPr)
  outline?: number;
}

// Paragraph property fragments in the order CT_PPrBase requires.
interface PPr {
  keepNext?: boolean;
  widowControl?: boolean;
  border?: string;
  snapToGrid?: boolean;
  overflowPunct?: boolean;
  noAutoSpace?: boolean; // no extra quarter-em between CJK and Latin text, as in the PDF
  line?: number; // exact line height, twips; omitted: single, on the grid
  ind?: { firstLine?: number; left?: number; right?: number; hanging?: number };
  jc?: 'both' | 'left' | 'center' | 'right';
  outline?: number;
}

function pPr(p: PPr, bodyChar: number): string {
  let x = '';
  if (p.keepNext) x += '<w:keepNext/>';
  if (p.widowControl !== undefined) x += `<w:widowControl w:val="${p.widowControl ? 1 : 0}"/>`;
  if (p.border) x += p.border;
  if (p.overflowPunct) x += '<w:overflowPunct/>';
  if (p.noAutoSpace) x += '<w:autoSpaceDE w:val="0"/><w:autoSpaceDN w:val="0"/>';
  if (p.snapToGrid === false) x += '<w:snapToGrid w:val="0"/>';
  x +=
    p.line === undefined
      ? '<w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/>'
      : `<w:spacing w:before="0" w:after="0" w:line="${p.line}" w:lineRule="exact"/>`;
  if (p.ind) {
    const { firstLine, left, right, hanging } = p.ind;
    let a = '';
    if (left !== undefined) a += ` w:left="${left}"`;
    if (right !== undefined) a += ` w:right="${right}"`;
    if (hanging !== undefined) a += ` w:hanging="${hanging}"`;
    // LibreOffice ignores firstLineChars, Word prefers it: give both, in agreement (100 = one character).
    if (firstLine !== undefined && hanging === undefined)
      a += ` w:firstLine="${firstLine}" w:firstLineChars="${Math.round((firstLine / bodyChar) * 100)}"`;
    x += `<w:ind${a}/>`;
  }
  if (p.jc) x += `<w:jc w:val="${p.jc}"/>`;
  if (p.outline !== undefined) x += `<w:outlineLvl w:val="${p.outline}"/>`;
  return `<w:pPr>${x}</w:pPr>`;
}

function hex(color: string): string {
  return color.replace(/^#/, '').toUpperCase();
}

function rFonts(role: TextRole, g: Geometry): string {
  const font = OFFICIAL_FONT[g.profile.roles[role].font];
  // Page numbers are half-width 宋体 digits; everywhere else Latin text is Times New Roman.
  const latin = role === 'pageNumber' ? font : LATIN_FONT;
  return `<w:rFonts w:ascii="${latin}" w:eastAsia="${font}" w:hAnsi="${latin}" w:cs="${latin}" w:hint="eastAsia"/>`;
}

function rPr(role: TextRole | undefined, g: Geometry, spacing?: number): string {
  if (!role) return spacing === undefined ? '' : `<w:rPr><w:spacing w:val="${spacing}"/></w:rPr>`;
  const r = g.profile.roles[role];
  const color = r.color === 'red' ? g.profile.colors.red : g.profile.colors.text;
  const sz = halfPoints(r.size);
  return (
    '<w:rPr>' +
    rFonts(role, g) +
    `<w:color w:val="${hex(color)}"/>` +
    (spacing === undefined ? '' : `<w:spacing w:val="${spacing}"/>`) +
    `<w:sz w:val="${sz}"/><w:szCs w:val="${sz}"/></w:rPr>`
  );
}

function paraStyle(s: ParaStyle, g: Geometry, isDefault = false): string {
  return (
    `<w:style w:type="paragraph"${isDefault ? ' w:default="1"' : ''} w:styleId="${s.id}">` +
    `<w:name w:val="${s.name}"/>` +
    (s.basedOn ? `<w:basedOn w:val="${s.basedOn}"/>` : '') +
    (s.next ? `<w:next w:val="${s.next}"/>` : '') +
    '<w:qFormat/>' +
    (s.pPr ?? '') +
    rPr(s.role, g, s.spacing) +
    '</w:style>'
  );
}

function charStyle(id: string, name: string, role: TextRole, g: Geometry): string {
  return `<w:style w:type="character" w:customStyle="1" w:styleId="${id}"><w:name w:val="${name}"/><w:qFormat/>${rPr(role, g)}</w:style>`;
}

export function stylesXml(g: Geometry): string {
  const c = g.bodyChar;
  const P = (p: PPr): string => pPr(p, c);
  const exact = g.pitch;
  const flat = { firstLine: 0 };
  const styles: ParaStyle[] = [
    { id: STYLE.h1, name: '一级标题', role: 'h1', basedOn: 'Normal', next: 'Normal', pPr: P({ keepNext: true, outline: 0 }) },
    { id: STYLE.h2, name: '二级标题', role: 'h2', basedOn: 'Normal', next: 'Normal', pPr: P({ keepNext: true, outline: 1 }) },
    { id: STYLE.h3, name: '三级标题', role: 'h3', basedOn: 'Normal', next: 'Normal', pPr: P({ keepNext: true, outline: 2 }) },
    { id: STYLE.h4, name: '四级标题', role: 'h4', basedOn: 'Normal', next: 'Normal', pPr: P({ keepNext: true, outline: 3 }) },
    { id: STYLE.title, name: '标题', role: 'title', basedOn: 'Normal', next: STYLE.addressee, spacing: 0,
      pPr: P({ keepNext: true, snapToGrid: false, line: exact, ind: flat, jc: 'center' }) },
    { id: STYLE.addressee, name: '主送机关', role: 'addressee', basedOn: 'Normal', next: 'Normal', pPr: P({ keepNext: true, ind: flat }) },
    { id: STYLE.signature, name: '署名', role: 'signature', basedOn: 'Normal', next: STYLE.date, pPr: P({ keepNext: true, ind: flat, jc: 'right' }) },
    { id: STYLE.date, name: '成文日期', role: 'date', basedOn: 'Normal', pPr: P({ ind: flat, jc: 'right' }) },
    { id: STYLE.note, name: '附注', role: 'note', basedOn: 'Normal', pPr: P({ jc: 'left' }) },
    { id: STYLE.attachment, name: '附件说明', role: 'body', basedOn: 'Normal', pPr: P({ jc: 'left' }) },
    { id: STYLE.cc, name: '抄送', role: 'colophon', basedOn: 'Normal', spacing: 0, pPr: P({ snapToGrid: false, line: exact, jc: 'both' }) },
    { id: STYLE.printer, name: '印发', role: 'colophon', basedOn: 'Normal', spacing: 0, pPr: P({ snapToGrid: false, line: exact, ind: { left: 0, firstLine: 0 }, jc: 'left' }) },
    { id: STYLE.mark, name: '发文机关标志', role: 'mark', basedOn: 'Normal', spacing: 0, pPr: P({ snapToGrid: false, ind: flat, jc: 'center' }) },
    { id: STYLE.docNumber, name: '发文字号', role: 'docNumber', basedOn: 'Normal', pPr: P({ snapToGrid: false, line: exact, ind: flat, jc: 'center' }) },
    { id: STYLE.signer, name: '签发人', role: 'signerLabel', basedOn: 'Normal', pPr: P({ snapToGrid: false, line: exact, ind: flat, jc: 'left' }) },
    { id: STYLE.copyNo, name: '份号', role: 'copyNo', basedOn: 'Normal', pPr: P({ snapToGrid: false, line: exact, ind: flat, jc: 'left' }) },
    { id: STYLE.secrecy, name: '密级', role: 'secrecy', basedOn: 'Normal', pPr: P({ snapToGrid: false, line: exact, ind: flat, jc: 'left' }) },
    { id: STYLE.urgency, name: '紧急程度', role: 'urgency', basedOn: 'Normal', pPr: P({ snapToGrid: false, line: exact, ind: flat, jc: 'left' }) },
    { id: STYLE.spacer, name: '版头间距', basedOn: 'Normal', pPr: P({ snapToGrid: false, line: exact, ind: flat }) },
    { id: STYLE.rule, name: '分隔线', basedOn: 'Normal', pPr: P({ snapToGrid: false, line: exact, ind: flat }) },
    { id: STYLE.pageNumber, name: '页码', role: 'pageNumber', basedOn: 'Normal', spacing: 0, pPr: P({ snapToGrid: false, ind: flat }) },
    { id: STYLE.table, name: '表格文字', role: 'table', basedOn: 'Normal', spacing: 0, pPr: P({ snapToGrid: false, line: 360, ind: flat, jc: 'center' }) },
    { id: STYLE.tableHead, name: '表头', role: 'tableHead', basedOn: STYLE.table, spacing: 0, pPr: P({ snapToGrid: false, line: 360, ind: flat, jc: 'center' }) },
    { id: STYLE.caption, name: '表题', role: 'body', basedOn: 'Normal', pPr: P({ keepNext: true, ind: flat, jc: 'center' }) },
  ];
  const normal = paraStyle(
    {
      id: 'Normal',
      name: 'Normal',
      role: 'body',
      spacing: g.bodySpacing,
      // No widow control: a full page holds exactly 22 lines, as in the PDF.
      pPr: P({ widowControl: false, overflowPunct: true, noAutoSpace: true, ind: { firstLine: 2 * c }, jc: 'both' }),
    },
    g,
    true,
  );
  const defaults =
    '<w:docDefaults><w:rPrDefault><w:rPr>' +
    rFonts('body', g) +
    `<w:kern w:val="0"/><w:sz w:val="${halfPoints(g.profile.roles.body.size)}"/><w:szCs w:val="${halfPoints(g.profile.roles.body.size)}"/>` +
    '<w:lang w:val="en-US" w:eastAsia="zh-CN" w:bidi="ar-SA"/></w:rPr></w:rPrDefault>' +
    '<w:pPrDefault><w:pPr><w:spacing w:before="0" w:after="0"/></w:pPr></w:pPrDefault></w:docDefaults>';
  const table =
    '<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/>' +
    '<w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>';
  const dpf =
    '<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont"><w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/><w:unhideWhenUsed/></w:style>';
  const chars =
    charStyle(CHAR_STYLE.h1, '一级标题字符', 'h1', g) +
    charStyle(CHAR_STYLE.h2, '二级标题字符', 'h2', g) +
    charStyle(CHAR_STYLE.h3, '三级标题字符', 'h3', g) +
    charStyle(CHAR_STYLE.h4, '四级标题字符', 'h4', g) +
    charStyle(CHAR_STYLE.signerName, '签发人姓名', 'signerName', g);
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">' +
    defaults +
    normal +
    dpf +
    table +
    styles.map((s) => paraStyle(s, g)).join('') +
    chars +
    '</w:styles>'
  );
}
