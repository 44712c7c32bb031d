// ASCII punctuation inside Chinese text → full-width (，：；（）？！), as GB/T 9704 text wants.
// Digits, Latin words, decimals (87.5%) and clock times (8:30) keep their half-width marks.

const CJK = /[\u3400-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef“”‘’《》〈〉【】〔〕—…]/;

const isCjk = (ch: string | undefined): boolean => ch !== undefined && CJK.test(ch);
const isDigit = (ch: string | undefined): boolean => ch !== undefined && ch >= '0' && ch <= '9';

const FULL: Record<string, string> = { ',': '，', ':': '：', ';': '；', '?': '？', '!': '！', '(': '（', ')': '）' };

/** The nearest non-space character before/after index i (ASCII spaces are often typed around commas). */
function neighbour(s: string, i: number, step: -1 | 1): string | undefined {
  for (let j = i + step; j >= 0 && j < s.length; j += step) if (s[j] !== ' ') return s[j];
  return undefined;
}

/** Index of the matching `)` for the `(` at i, or -1 (only flat pairs: nested ASCII brackets do not occur). */
function closing(s: string, i: number): number {
  for (let j = i + 1; j < s.length; j++) {
    if (s[j] === ')') return j;
    if (s[j] === '(' || s[j] === '\n') return -1;
  }
  return -1;
}

export function normalisePunctuation(s: string): string {
  const out = s.split('');
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    if (ch === '(') {
      const j = closing(s, i);
      // A bracket pair is Chinese when its content or its outside neighbours are Chinese: (一) (试行) 纲要(2021-2025)的
      const inside = j > 0 ? s.slice(i + 1, j) : '';
      if (j > 0 && ([...inside].some(isCjk) || isCjk(neighbour(s, i, -1)) || isCjk(neighbour(s, j, 1)))) {
        out[i] = FULL['('];
        out[j] = FULL[')'];
      } else if (j < 0 && isCjk(neighbour(s, i, 1))) {
        out[i] = FULL['('];
      }
      continue;
    }
    if (ch === ')') {
      if (out[i] === ')' && closingOf(s, i) < 0 && isCjk(neighbour(s, i, -1))) out[i] = FULL[')'];
      continue;
    }
    if (!(ch in FULL)) continue;
    const before = neighbour(s, i, -1);
    const after = neighbour(s, i, 1);
    if ((ch === ':' || ch === ',') && isDigit(s[i - 1]) && isDigit(s[i + 1])) continue; // 8:30, 1,000
    if (isCjk(before) || isCjk(after)) out[i] = FULL[ch];
  }
  return out.join('');
}

/** Index of the `(` that a `)` at i closes, or -1 when it stands alone (a cut excerpt). */
function closingOf(s: string, i: number): number {
  for (let j = i - 1; j >= 0; j--) {
    if (s[j] === '(') return j;
    if (s[j] === ')' || s[j] === '\n') return -1;
  }
  return -1;
}
