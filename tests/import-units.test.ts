// The importer's small parts on their own: punctuation, heading markers, page markers, places.
import { describe, expect, it } from 'vitest';
import { normalisePunctuation } from '../src/import/punct.ts';
import { headingStart, splitHeading } from '../src/import/headings.ts';
import { cleanText } from '../src/import/clean.ts';
import { placesIn, townshipFromText } from '../src/import/places.ts';
import { partsOf } from '../src/import/covers.ts';
import { decodeText } from '../src/import/decode.ts';
import iconv from 'iconv-lite';

describe('normalisePunctuation', () => {
  it('turns ASCII marks around Chinese into full-width ones', () => {
    expect(normalisePunctuation('指导,认真学习;区政府:根据(试行)办法?是!')).toBe('指导，认真学习；区政府：根据（试行）办法？是！');
    expect(normalisePunctuation('纲要(2021-2025)的规定')).toBe('纲要（2021-2025）的规定');
  });
  it('leaves times, decimals, thousands and Latin text alone', () => {
    expect(normalisePunctuation('每周六8:30至11:30')).toBe('每周六8:30至11:30');
    expect(normalisePunctuation('主动公开率为87.5%，共1,200条')).toBe('主动公开率为87.5%，共1,200条');
    expect(normalisePunctuation('see (RFC 9110), ok?')).toBe('see (RFC 9110), ok?');
  });
});

describe('headings', () => {
  it('recognises the four levels, full-width or ASCII', () => {
    expect(headingStart('一、主要举措')).toMatchObject({ level: 1, number: 1 });
    expect(headingStart('(三)加强执法')).toMatchObject({ level: 2, number: 3 });
    expect(headingStart('（十二）其他')).toMatchObject({ level: 2, number: 12 });
    expect(headingStart('2．健全机制')).toMatchObject({ level: 3, number: 2 });
    expect(headingStart('（4）线下宣传')).toMatchObject({ level: 4, number: 4 });
    expect(headingStart('2023年，我镇')).toBeUndefined();
    expect(headingStart('1.5万人次')).toBeUndefined();
    expect(headingStart('一是加强学习')).toBeUndefined();
  });
  it('splits an inline heading at its full stop, keeps a short line whole', () => {
    expect(splitHeading('加强组织领导。一是紧紧抓住…')).toEqual({ heading: '加强组织领导。', rest: '一是紧紧抓住…', inline: true, guessed: false });
    expect(splitHeading('强化组织领导，压实工作责任')).toEqual({ heading: '强化组织领导，压实工作责任', rest: '', inline: false, guessed: false });
  });
  it('guesses the end of a heading glued to its text only in a copy without line breaks', () => {
    const glued = '主动接受人大和社会监督镇政府坚持依法接受人大的法律监督，定期向镇人大报告工作，邀请镇人大相关人员列席镇政府重要会议20次，接受视察。';
    expect(splitHeading(glued, true)).toMatchObject({ heading: '主动接受人大和社会监督', guessed: true });
    expect(splitHeading('全面推进全镇依法行政。全年…', false).heading).toBe('全面推进全镇依法行政。');
  });
});

describe('page markers', () => {
  it('are removed when numbered 1, 2, 3 … and glued mid-sentence', () => {
    const c = cleanText('1、标题与正文依\n2、法有效化解矛盾。完善\n3、制度');
    expect(c.lines.map((l) => l.text)).toEqual(['标题与正文依法有效化解矛盾。完善制度']);
    expect(c.artefacts.map((a) => [a.line, a.text])).toEqual([[1, '1、'], [2, '2、'], [3, '3、']]);
  });
  it('are not confused with level-3 headings that follow finished sentences or restart', () => {
    const lists = '（一）组织\n1、推进简政放权。公布事项116项。\n2、优化营商环境。\n（二）执法\n1、规范执法\n2、严格执法';
    const c = cleanText(lists);
    expect(c.artefacts).toEqual([]);
    expect(c.lines).toHaveLength(6);
  });
});

describe('places and parts', () => {
  it('reads county and township off an organ or title', () => {
    expect(placesIn('如东县岔河镇人民政府')).toEqual({ county: '如东县', township: '岔河镇' });
    expect(placesIn('中共重庆市万州区罗田镇委员会')).toEqual({ city: '重庆市', county: '万州区', township: '罗田镇' });
    expect(placesIn('2023年度乌苏市四棵树镇法治政府建设报告')).toEqual({ county: '乌苏市', township: '四棵树镇' });
    expect(placesIn('江苏省南通市如东县岔河镇人民政府')).toEqual({ province: '江苏省', city: '南通市', county: '如东县', township: '岔河镇' });
    expect(placesIn('2023年度乡镇法治政府建设情况报告')).toEqual({});
  });
  it('finds the township most talked about', () => {
    expect(townshipFromText('长征镇依法履职。本镇、全镇和长征镇都在。我镇与长征镇。')).toBe('长征镇');
  });
  it('maps headings to parts by meaning, earliest cue first', () => {
    expect(partsOf('工作成效及措施', 2022)).toEqual(['measures']);
    expect(partsOf('主要负责人履行法治建设第一责任人职责情况', 2023)).toEqual(['leadership']);
    expect(partsOf('存在缺乏', 2023)).toEqual(['shortcomings']);
    expect(partsOf('2024年重点工作', 2023)).toEqual(['nextYear']);
    expect(partsOf('2024年工作安排', 2023)).toEqual(['nextYear']);
    expect(partsOf('主要做法和存在问题', 2023)).toEqual(['measures', 'shortcomings']);
    expect(partsOf('其他需要报告的情况', 2023)).toEqual(['other']);
    expect(partsOf('典型经验', 2023)).toEqual([]);
  });
});

describe('decoding', () => {
  it('reads UTF-8 (with a BOM) and falls back to GB18030', () => {
    expect(decodeText(new TextEncoder().encode('\uFEFF法治政府'))).toEqual({ text: '法治政府', encoding: 'utf-8' });
    expect(decodeText(iconv.encode('岔河镇人民政府', 'gb18030'))).toEqual({ text: '岔河镇人民政府', encoding: 'gb18030' });
  });
});
