// Spans of running text whose numbers are not statistics: titles, quotations, document numbers, dates, names.
// Each pattern is data; add one here when a report shows a new kind of name with a number in it.
// Quantifiers are bounded: an unbounded run before a failing look-ahead backtracks quadratically on
// long runs of numerals, and any file under the size limit must load in well under a second.

/** Short quotations are names: “三项制度”、“3·15”、“八五”普法. Their words still name what a number after them counts. */
const QUOTATION = /[“"「『][^“”"「」『』\n]{1,20}[”"」』]/g;

export const IGNORED_SPANS: readonly RegExp[] = [
  /《[^《》\n]*》/g, // titles of laws and documents (may hold 〈〉 and years)
  QUOTATION,
  /[〔【[(（]\s*\d{4}\s*[〕】\])）]\s*第?\s*\d+\s*号/g, // document numbers 岔依治委【2023】02号
  /\d{4}\s*年\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?/g, // dates
  /\d{1,2}\s*月\s*\d{1,2}\s*日/g,
  /\d{4}\s*[-—–]\s*\d{4}\s*年?/g, // 2021—2025年 periods
  /\d{4}-\d{1,2}-\d{1,2}/g,
  /\d{1,2}[:：]\d{2}/g, // clock times
  /\d{1,6}\s{0,3}[·.．]\s{0,3}\d{1,6}(?=\s{0,3}[”"」』]|\s{0,3}(?:期间|前后|当天|当日|主题|宣传日|国家安全教育日|消费者权益日))/g, // festival dates 3·15
  /[十一二三四五六七八九]{1,4}五(?=\s{0,3}[”"」』]?\s{0,3}(?:规划|普法|时期|期间|计划))/g, // plan names 十四五规划、八五普法
  /[一二三四五六七八九十两]{1,4}\s{0,3}项\s{0,3}(?:制度|机制|工程|行动|规定)/g, // “三项制度”-style names
  /[一二三四五六七八九十两]{1,4}\s{0,3}个\s{0,3}(?:意识|自信|维护|务必|全面|代表|确保|坚持|必须|现代化)/g,
  /三重一大|三官一律一员|[一二三四五六七八九十]{1,3}长制|[一二三四五六七八九十]{1,3}位一体/g,
];

export const MASK = '\u0000';

/**
 * Same-length copy of `text` with ignored spans blanked, so offsets stay valid for the original. With
 * `keepQuotations`, short quotations stay readable (the words the extractor looks for a metric's cue in).
 */
export function maskIgnored(text: string, keepQuotations = false): string {
  // Full-width digits and ％ become ASCII one for one, so the extractor sees one alphabet.
  let out = text.replace(/[０-９％]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
  for (const re of IGNORED_SPANS) {
    if (keepQuotations && re === QUOTATION) continue;
    out = out.replace(re, (m) => MASK.repeat(m.length));
  }
  return out;
}

/** True when `at` is just after a closing quotation mark: a number there counts the quoted thing (“法治流动课堂”18次). */
export function afterQuotation(text: string, at: number): boolean {
  return /[”"」』]/.test(text[at - 1] ?? '');
}
