// Official font names written into the DOCX per font role, and the fallbacks Word uses when one is missing.
import type { FontRole } from '../../schema/profile.ts';

/** The names government PCs have (the PDF writer embeds real files; the DOCX only names them). */
export const OFFICIAL_FONT: Record<FontRole, string> = {
  xiaobiaosong: '方正小标宋简体',
  fangsong: '仿宋_GB2312',
  heiti: '黑体',
  kaiti: '楷体_GB2312',
  songti: '宋体',
  latin: 'Times New Roman',
};

/** Latin letters and Arabic digits in text are set in Times New Roman; page numbers stay in 宋体 (half-width). */
export const LATIN_FONT = 'Times New Roman';

/**
 * w:altName in fontTable.xml: the font Word substitutes when the official one is not installed
 * (Windows 10 and later ship 仿宋 and 楷体, not the _GB2312 fonts).
 */
export const ALT_FONT: Partial<Record<string, string>> = {
  '仿宋_GB2312': '仿宋',
  '楷体_GB2312': '楷体',
  '方正小标宋简体': '宋体',
};

function escapeAttr(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}

/**
 * word/fontTable.xml naming every font used, with GB2312 charset and the Windows fallback. It replaces the docx
 * package's font table, which lists only embedded fonts and has no w:altName.
 */
export function fontTableXml(): string {
  const names = [...new Set([...Object.values(OFFICIAL_FONT), LATIN_FONT])];
  const fonts = names
    .map((name) => {
      const alt = ALT_FONT[name];
      const cjk = name !== LATIN_FONT;
      return (
        `<w:font w:name="${escapeAttr(name)}">` +
        (alt ? `<w:altName w:val="${escapeAttr(alt)}"/>` : '') +
        `<w:charset w:val="${cjk ? '86' : '00'}"/><w:family w:val="${cjk ? 'modern' : 'roman'}"/>` +
        `<w:pitch w:val="${cjk ? 'fixed' : 'variable'}"/></w:font>`
      );
    })
    .join('');
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">' +
    fonts +
    '</w:fonts>'
  );
}
