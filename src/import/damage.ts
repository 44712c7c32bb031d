// Signs that a copy was damaged on its way here (seed 004): opening quotes never closed, and words that a
// traditional→simplified vocabulary converter swaps (服務→效劳, 顧問→参谋 …). Reported, never rewritten.
import type { Note } from './types.ts';

// Suspect word → the word the author most likely wrote. Only reported when several different ones occur:
// each is a real word on its own (缺乏, 标准, 开展), so one alone says nothing.
const SWAPS: [RegExp, string, string][] = [
  [/效劳/g, '效劳', '服务'],
  [/法律参谋|参谋/g, '参谋', '顾问'],
  [/反响/g, '反响', '反馈'],
  [/根本情况/g, '根本', '基本'],
  [/存在缺乏|问题和缺乏/g, '缺乏', '不足'],
  [/原那么/g, '原那么', '原则'],
  [/根底/g, '根底', '基础'],
  [/标准(?=[依重采决受])|更加标准/g, '标准', '规范'],
  [/经济开展/g, '开展', '发展'],
];

export function damageNotes(paragraphs: string[]): Note[] {
  const notes: Note[] = [];
  for (const p of paragraphs) {
    // “ … “ with no ” between, or a “ still open at the paragraph's end: the closing quote was lost.
    let open = -1;
    const lost = (at: number) =>
      notes.push({ kind: 'damage', zh: `引号未闭合（缺少 ”）：${context(p, at, 12)}`, en: `opening quote without a closing one: ${context(p, at, 12)}` });
    for (let i = 0; i < p.length; i++) {
      if (p[i] === '“') {
        if (open >= 0) lost(open);
        open = i;
      } else if (p[i] === '”') open = -1;
    }
    if (open >= 0) lost(open);
  }
  const text = paragraphs.join('\n');
  const found = SWAPS.map(([re, word, meant]) => ({ word, meant, hits: [...text.matchAll(re)].map((m) => context(text, m.index, m[0].length)) })).filter(
    (s) => s.hits.length > 0,
  );
  if (found.length >= 3) {
    for (const s of found) {
      notes.push({
        kind: 'damage',
        zh: `疑似词语替换：“${s.word}”（原文可能为“${s.meant}”）${s.hits.length} 处，如 ${s.hits.slice(0, 3).join('；')}；未改动原文`,
        en: `suspected word swap: ${s.word} (probably ${s.meant}), ${s.hits.length} time(s); the text was left as is`,
      });
    }
  }
  return notes;
}

function context(text: string, at: number, len: number): string {
  return `“${text.slice(Math.max(0, at - 6), at + len + 6).replace(/\n/g, ' ')}”`;
}
