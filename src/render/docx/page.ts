// Page setup: A4, the GB/T 9704 margins, a lines-only document grid, and odd/even footers with — n —.
import { emTopInLine, type Geometry } from './geometry.ts';
import { STYLE } from './styles.ts';
import { twipsFromMm } from './units.ts';
import { para, run } from './xml.ts';

export const FOOTER_ODD = 'rIdFooterOdd';
export const FOOTER_EVEN = 'rIdFooterEven';

function footerLine(g: Geometry): number {
  return Math.round(g.profile.roles.pageNumber.size * 1.25 * 20);
}

const PAGE_FIELD =
  '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>' +
  '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>';

/** — n —, outside edge by parity, one character in. */
export function footerXml(g: Geometry, odd: boolean): string {
  const size = g.profile.roles.pageNumber.size;
  const inset = Math.round(g.profile.pageNumber.indentChars * size * 20);
  const p = para(
    {
      style: STYLE.pageNumber,
      exact: footerLine(g),
      ind: odd ? { left: 0, right: inset, firstLine: 0 } : { left: inset, right: 0, firstLine: 0 },
      jc: odd ? 'right' : 'left',
    },
    run('— ') + PAGE_FIELD + run(' —'),
  );
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<w:ftr xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
    p +
    '</w:ftr>'
  );
}

export function sectPrXml(g: Geometry): string {
  // The footer line's bottom edge, measured up from the paper's bottom (Word's "footer from bottom"), placed so
  // that the page number's em box starts 7 mm below the block.
  const line = footerLine(g);
  const numberTop = g.top + g.blockH + twipsFromMm(g.profile.pageNumber.belowBlock);
  const lineTop = numberTop - emTopInLine(line, g.profile.roles.pageNumber.size);
  const footer = Math.max(0, Math.round(g.pageH - lineTop - line));
  return (
    '<w:sectPr>' +
    `<w:footerReference w:type="default" r:id="${FOOTER_ODD}"/><w:footerReference w:type="even" r:id="${FOOTER_EVEN}"/>` +
    `<w:pgSz w:w="${g.pageW}" w:h="${g.pageH}"/>` +
    `<w:pgMar w:top="${g.top}" w:right="${g.right}" w:bottom="${g.bottom}" w:left="${g.left}" w:header="${twipsFromMm(15)}" w:footer="${footer}" w:gutter="0"/>` +
    // Lines only: a character grid with the spacing Word users set gives 14 characters a line in LibreOffice;
    // 28 a line comes from the body style's size and character spacing instead.
    `<w:docGrid w:type="lines" w:linePitch="${g.pitch}"/>` +
    '</w:sectPr>'
  );
}
