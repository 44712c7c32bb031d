// word/styles.xml: one named style per role, so that an edit in Word or WPS keeps the format. Built by the docx
// package (document defaults, paragraph and character styles; it marks Normal the default); the few paragraph
// properties its style options lack (w:widowControl, w:overflowPunct, w:autoSpaceDE/DN, w:snapToGrid) are added to
// its XML by patchStyles(). Only these styles are written, and the two reference styles that the package's footnote
// and endnote separators name: the package's own defaults (a blue Heading 1, Title, TOC) would be unused and only
// slow the writing down.
import {
  AlignmentType, DocumentDefaults, type IParagraphStyleOptions, type IParagraphStylePropertiesOptions,
  type IRunStylePropertiesOptions, type IStylesOptions, LineRuleType, StyleForCharacter, StyleForParagraph,
} from 'docx';
import { TABLE_STYLE } from '../../layout/table.ts';
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
  attachmentLabel: 'GwAttachmentLabel',
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

type Jc = 'both' | 'left' | 'center' | 'right';
const JC = { both: AlignmentType.BOTH, left: AlignmentType.LEFT, center: AlignmentType.CENTER, right: AlignmentType.RIGHT } as const;

interface Spec {
  id: string;
  name: string;
  role?: TextRole; // font, size and colour from the profile
  basedOn?: string;
  next?: string;
  spacing?: number; // character spacing in twips (w:spacing in rPr)
  keepNext?: boolean;
  line?: number; // exact line height, twips; omitted: single, on the grid
  ind?: { firstLine?: number; left?: number; hanging?: number };
  jc?: Jc;
  outline?: number;
  /** Off the document grid (w:snapToGrid 0): exact heights that the grid must not round up. */
  offGrid?: boolean;
}

function fonts(role: TextRole, g: Geometry): IRunStylePropertiesOptions['font'] {
  const font = OFFICIAL_FONT[g.profile.roles[role].font];
  // Page numbers are half-width 宋体 digits; everywhere else Latin text is Times New Roman.
  const latin = role === 'pageNumber' ? font : LATIN_FONT;
  return { ascii: latin, eastAsia: font, hAnsi: latin, cs: latin, hint: 'eastAsia' };
}

function runOf(role: TextRole | undefined, g: Geometry, spacing?: number): IRunStylePropertiesOptions {
  if (!role) return spacing === undefined ? {} : { characterSpacing: spacing };
  const r = g.profile.roles[role];
  const color = (r.color === 'red' ? g.profile.colors.red : g.profile.colors.text).replace(/^#/, '').toUpperCase();
  return { font: fonts(role, g), color, characterSpacing: spacing, size: halfPoints(r.size) };
}

function paragraphOf(s: Spec, bodyChar: number): IParagraphStylePropertiesOptions {
  const ind = s.ind && {
    ...s.ind,
    // LibreOffice ignores firstLineChars, Word prefers it: give both, in agreement (100 = one character).
    firstLineChars: s.ind.firstLine !== undefined && s.ind.hanging === undefined ? Math.round((s.ind.firstLine / bodyChar) * 100) : undefined,
  };
  return {
    keepNext: s.keepNext || undefined,
    spacing: s.line === undefined ? { before: 0, after: 0, line: 240, lineRule: LineRuleType.AUTO } : { before: 0, after: 0, line: s.line, lineRule: LineRuleType.EXACT },
    indent: ind,
    alignment: s.jc && JC[s.jc],
    outlineLevel: s.outline,
  };
}

function specs(g: Geometry): Spec[] {
  const exact = g.pitch;
  const flat = { firstLine: 0 };
  const tableLine = Math.round(TABLE_STYLE.leading * g.profile.roles.table.size * 20);
  const { body, tableHead } = g.profile.roles;
  const captionSpacing = Math.round(((g.blockW / g.profile.grid.chars - g.bodyChar) * tableHead.size) / body.size);
  const heading = (id: string, name: string, role: TextRole, outline: number): Spec => ({ id, name, role, basedOn: 'Normal', next: 'Normal', keepNext: true, outline });
  return [
    heading(STYLE.h1, '一级标题', 'h1', 0),
    heading(STYLE.h2, '二级标题', 'h2', 1),
    heading(STYLE.h3, '三级标题', 'h3', 2),
    heading(STYLE.h4, '四级标题', 'h4', 3),
    { id: STYLE.title, name: '标题', role: 'title', basedOn: 'Normal', next: STYLE.addressee, spacing: 0, keepNext: true, offGrid: true, line: exact, ind: flat, jc: 'center' },
    { id: STYLE.addressee, name: '主送机关', role: 'addressee', basedOn: 'Normal', next: 'Normal', keepNext: true, ind: flat },
    { id: STYLE.signature, name: '署名', role: 'signature', basedOn: 'Normal', next: STYLE.date, keepNext: true, ind: flat, jc: 'right' },
    { id: STYLE.date, name: '成文日期', role: 'date', basedOn: 'Normal', ind: flat, jc: 'right' },
    { id: STYLE.note, name: '附注', role: 'note', basedOn: 'Normal', jc: 'left' },
    { id: STYLE.attachment, name: '附件说明', role: 'body', basedOn: 'Normal', jc: 'left' },
    // 附件N on line 1 of an attachment's first page (7.3.7): 三号黑体, flush left.
    { id: STYLE.attachmentLabel, name: '附件标识', role: 'h1', basedOn: 'Normal', keepNext: true, ind: flat, jc: 'left' },
    { id: STYLE.cc, name: '抄送', role: 'colophon', basedOn: 'Normal', spacing: 0, offGrid: true, line: exact, jc: 'both' },
    { id: STYLE.printer, name: '印发', role: 'colophon', basedOn: 'Normal', spacing: 0, offGrid: true, line: exact, ind: { left: 0, firstLine: 0 }, jc: 'left' },
    { id: STYLE.mark, name: '发文机关标志', role: 'mark', basedOn: 'Normal', spacing: 0, offGrid: true, ind: flat, jc: 'center' },
    { id: STYLE.docNumber, name: '发文字号', role: 'docNumber', basedOn: 'Normal', offGrid: true, line: exact, ind: flat, jc: 'center' },
    { id: STYLE.signer, name: '签发人', role: 'signerLabel', basedOn: 'Normal', offGrid: true, line: exact, ind: flat, jc: 'left' },
    { id: STYLE.copyNo, name: '份号', role: 'copyNo', basedOn: 'Normal', offGrid: true, line: exact, ind: flat, jc: 'left' },
    { id: STYLE.secrecy, name: '密级', role: 'secrecy', basedOn: 'Normal', offGrid: true, line: exact, ind: flat, jc: 'left' },
    { id: STYLE.urgency, name: '紧急程度', role: 'urgency', basedOn: 'Normal', offGrid: true, line: exact, ind: flat, jc: 'left' },
    { id: STYLE.spacer, name: '版头间距', basedOn: 'Normal', offGrid: true, line: exact, ind: flat },
    { id: STYLE.rule, name: '分隔线', basedOn: 'Normal', offGrid: true, line: exact, ind: flat },
    { id: STYLE.pageNumber, name: '页码', role: 'pageNumber', basedOn: 'Normal', spacing: 0, offGrid: true, ind: flat },
    // Lines as far apart as in the PDF's tables (src/layout/table.ts).
    { id: STYLE.table, name: '表格文字', role: 'table', basedOn: 'Normal', spacing: 0, offGrid: true, line: tableLine, ind: flat, jc: 'center' },
    { id: STYLE.tableHead, name: '表头', role: 'tableHead', basedOn: STYLE.table, spacing: 0, offGrid: true, line: tableLine, ind: flat, jc: 'center' },
    // A table's or chart's caption as the PDF sets it (src/layout/body.ts): 小四黑体, its characters on the grid's
    // pitch scaled to its size, on one grid line.
    { id: STYLE.caption, name: '表题', role: 'tableHead', basedOn: 'Normal', spacing: captionSpacing, keepNext: true, ind: flat, jc: 'center' },
  ];
}

function paragraphStyle(s: Spec, g: Geometry): IParagraphStyleOptions {
  return { id: s.id, name: s.name, basedOn: s.basedOn, next: s.next, quickFormat: true, paragraph: paragraphOf(s, g.bodyChar), run: runOf(s.role, g, s.spacing) };
}

/** Normal: the body. */
function normal(g: Geometry): Spec {
  return { id: 'Normal', name: 'Normal', role: 'body', spacing: g.bodySpacing, ind: { firstLine: 2 * g.bodyChar }, jc: 'both' };
}

const cache = new WeakMap<Geometry, IStylesOptions>();

/** The styles, built once per geometry: the package's style objects hold no state of the document they are in. */
export function stylesOptions(g: Geometry): IStylesOptions {
  const hit = cache.get(g);
  if (hit) return hit;
  const charStyle = (id: string, name: string, role: TextRole) => new StyleForCharacter({ id, name, quickFormat: true, run: runOf(role, g) });
  const defaults = new DocumentDefaults({
    run: { font: fonts('body', g), kern: 0, size: halfPoints(g.profile.roles.body.size), language: { value: 'en-US', eastAsia: 'zh-CN', bidirectional: 'ar-SA' } },
    paragraph: { spacing: { before: 0, after: 0 } },
  });
  const styles: IStylesOptions = {
    importedStyles: [
      defaults,
      ...[normal(g), ...specs(g)].map((s) => new StyleForParagraph(paragraphStyle(s, g))),
      charStyle(CHAR_STYLE.h1, '一级标题字符', 'h1'),
      charStyle(CHAR_STYLE.h2, '二级标题字符', 'h2'),
      charStyle(CHAR_STYLE.h3, '三级标题字符', 'h3'),
      charStyle(CHAR_STYLE.h4, '四级标题字符', 'h4'),
      charStyle(CHAR_STYLE.signerName, '签发人姓名', 'signerName'),
      // The footnote and endnote separators the package writes name these styles; Word's built-in definitions.
      ...['FootnoteReference', 'EndnoteReference'].map(
        (id) => new StyleForCharacter({ id, name: id === 'FootnoteReference' ? 'footnote reference' : 'endnote reference', uiPriority: 99, semiHidden: true, unhideWhenUsed: true, run: { superScript: true } }),
      ),
    ],
  };
  cache.set(g, styles);
  return styles;
}

/**
 * Paragraph properties the package's style options cannot express, per style id, in the order CT_PPrBase puts them
 * just before w:spacing (every style here has one): Normal has no widow control (a full page holds exactly 22 lines,
 * as in the PDF), lets punctuation hang, and adds no quarter-em between CJK and Latin text (as in the PDF); styles of
 * exact height sit off the grid so that the grid does not round them up to whole lines.
 */
function extras(g: Geometry): Map<string, string> {
  const out = new Map<string, string>([['Normal', '<w:widowControl w:val="0"/><w:overflowPunct/><w:autoSpaceDE w:val="0"/><w:autoSpaceDN w:val="0"/>']]);
  for (const s of specs(g)) if (s.offGrid) out.set(s.id, '<w:snapToGrid w:val="0"/>');
  return out;
}

/** Adds extras() to the package's styles.xml. */
export function patchStyles(xml: string, g: Geometry): string {
  let out = xml;
  for (const [id, add] of extras(g)) {
    const start = out.indexOf(`w:styleId="${id}"`);
    const end = out.indexOf('</w:style>', start);
    const pPrEnd = out.indexOf('</w:pPr>', start);
    const at = out.indexOf('<w:spacing ', start);
    // widowControl belongs after keepNext/keepLines and before spacing; nothing else between them is written here.
    if (start < 0 || at < 0 || at > pPrEnd || pPrEnd > end) throw new Error(`styles.xml: no paragraph spacing in style ${id}`);
    out = out.slice(0, at) + add + out.slice(at);
  }
  return out;
}
