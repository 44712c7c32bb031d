import { parseChineseNumeral as p } from '../src/metrics/numerals.ts';
for (const s of ['两万','三十','十二','一百零五','一万二','三百五','四五','二〇二三','十四五','万一','十','一千零一十','五十万','两千三百四十五','一亿零五十万']) console.log(s, p(s));
