// Page setup: A4, the GB/T 9704 margins, a lines-only document grid, and odd/even footers with — n — (these built
// by the docx package, once per process with the other parts that do not depend on the document: package.ts).
import { AlignmentType, Footer, type ISectionOptions, LineRuleType, PageNumber, Paragraph, TextRun } from 'docx';
import { indent } from './elements.ts';
import type { Measure } from '../../layout/measure.ts';
import { BASELINE_IN_EXACT_LINE, type Geometry } from './geometry.ts';
import { STYLE } from './styles.ts';
import { twipsFromMm } from './units.ts';

function footerLine(g: Geometry): number {
  return Math.round(g.profile.roles.pageNumber.size * 1.25 * 20);
}

/** — n —, outside edge by parity, one character in. */
function pageFooter(g: Geometry, odd: boolean): Footer {
  const size = g.profile.roles.pageNumber.size;
  const inset = Math.round(g.profile.pageNumber.indentChars * size * 20);
  return new Footer({
    children: [
      new Paragraph({
        style: STYLE.pageNumber,
        spacing: { before: 0, after: 0, line: footerLine(g), lineRule: LineRuleType.EXACT },
        indent: indent(odd ? { left: 0, right: inset, firstLine: 0 } : { left: inset, right: 0, firstLine: 0 }),
        alignment: odd ? AlignmentType.RIGHT : AlignmentType.LEFT,
        children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'] })],
      }),
    ],
  });
}

export function footers(g: Geometry): NonNullable<ISectionOptions['footers']> {
  return { default: pageFooter(g, true), even: pageFooter(g, false) };
}

/** The page number's dash (一字线) whose stroke the standard places: its ink's top above the baseline, in pt. */
export function dashInkTop(g: Geometry, m: Measure): number {
  const role = g.profile.roles.pageNumber;
  return m.ink(role.font, '—', role.size).top;
}

/**
 * The section's properties (w:sectPr): A4, the GB/T 9704 margins, the odd and even footers (relationships 6 and 7 of
 * the package's document) and a lines-only document grid.
 * `dashTop`: see dashInkTop(). GB/T 9704 7.5: "一字线上距版心下边缘7mm", the dash's stroke 7 mm below the block.
 * The footer is placed from it as LibreOffice sets an exact-height line: baseline at 80 % of the line's height
 * (measured: the stroke's ink lands within 0.1 mm of where this puts it). Word sets the footer the same way from
 * "footer from bottom"; with the real 宋体 its dash is drawn at that font's own height.
 * Lines only: a character grid with the spacing Word users set gives 14 characters a line in LibreOffice; 28 a line
 * comes from the body style's size and character spacing instead.
 */
export function sectionXml(g: Geometry, dashTop: number): string {
  // The footer line's bottom edge, measured up from the paper's bottom (Word's "footer from bottom").
  const line = footerLine(g);
  const strokeTop = g.top + g.blockH + twipsFromMm(g.profile.pageNumber.belowBlock);
  const lineTop = strokeTop - (BASELINE_IN_EXACT_LINE * line - dashTop * 20);
  const footer = Math.max(0, Math.round(g.pageH - lineTop - line));
  const f = Math.floor;
  return (
    '<w:sectPr><w:footerReference w:type="default" r:id="rId6"/><w:footerReference w:type="even" r:id="rId7"/>' +
    `<w:pgSz w:w="${f(g.pageW)}" w:h="${f(g.pageH)}" w:orient="portrait"/>` +
    `<w:pgMar w:top="${f(g.top)}" w:right="${f(g.right)}" w:bottom="${f(g.bottom)}" w:left="${f(g.left)}" w:header="${twipsFromMm(15)}" w:footer="${footer}" w:gutter="0"/>` +
    `<w:pgNumType/><w:docGrid w:type="lines" w:linePitch="${g.pitch}"/></w:sectPr>`
  );
}
