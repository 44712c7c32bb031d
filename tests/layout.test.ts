// Geometry of the typesetter's pages, measured against SPEC-GBT9704 numbers with the real fonts.
import { describe, expect, it } from 'vitest';
import { layout } from '../src/layout/index.ts';
import { geometry, EM_ASCENT, EM_DESCENT } from '../src/layout/geometry.ts';
import { loadProfile } from '../src/layout/profile.ts';
import { loadFontSet } from '../src/fonts/index.ts';
import { measureOf } from '../src/fonts/measure.ts';
import { breakLines } from '../src/layout/linebreak.ts';
import { breakTitle } from '../src/layout/title.ts';
import { NO_LINE_END, NO_LINE_START } from '../src/schema/punctuation.ts';
import type { Gongwen } from '../src/compose/model.ts';
import type { Page, TextItem } from '../src/layout/types.ts';
import { MM } from '../src/schema/profile.ts';
import { GongwenError } from '../src/diagnostics.ts';
import { dirname, join } from 'node:path';
import { loadReportFile } from '../src/load/index.ts';
import { composeReport } from '../src/compose/report.ts';

const profile = loadProfile();
const g = geometry(profile);
const m = measureOf(loadFontSet());

const PARA = '坚持以习近平新时代中国特色社会主义思想为指导，深入学习贯彻党的二十大精神，全面落实依法治镇各项工作任务，扎实推进法治政府建设，取得了明显成效。';

function doc(over: Partial<Gongwen> = {}): Gongwen {
  return {
    variant: 'file-up',
    meta: { title: 't', author: 'a', date: '2024-01-05' },
    header: { organs: ['岔河镇人民政府'], markSuffix: '文件', docNumber: '岔政发〔2024〕5号', signers: ['张三'] },
    title: '岔河镇人民政府关于2023年度法治政府建设情况的报告',
    addressee: '县委、县政府：',
    body: [
      { kind: 'heading', level: 1, text: '一、2023年推进法治政府建设的主要举措和成效' },
      ...Array.from({ length: 12 }, (_, i) => ({
        kind: 'paragraph' as const,
        runs: [
          { text: `（${'一二三四五六七八九十'[i % 10]}）加强组织领导。`, role: 'h2' as const },
          { text: PARA.repeat(1 + (i % 3)), role: 'body' as const },
        ],
      })),
    ],
    attachments: [],
    signatures: [{ organ: '如东县岔河镇人民政府' }],
    sealed: true,
    date: '2024年1月5日',
    colophon: { cc: ['县司法局'], printer: '岔河镇党政办公室', printDate: '2024年1月8日印发' },
    ...over,
  };
}

function fixtureDoc(file: string): Gongwen {
  const r = loadReportFile(file);
  if (!r.ok) throw new Error(r.diagnostics.map((d) => d.zh).join('\n'));
  return composeReport(r.report, { baseDir: dirname(file) });
}

const texts = (p: Page) => p.items.filter((i): i is TextItem => i.kind === 'text');
const bodyLines = (p: Page) => {
  const byLine = new Map<number, TextItem[]>();
  for (const t of texts(p)) if (t.line !== undefined && ['body', 'h1', 'h2', 'h3', 'h4'].includes(t.tag)) {
    byLine.set(t.line, [...(byLine.get(t.line) ?? []), t]);
  }
  return [...byLine.entries()].sort((a, b) => a[0] - b[0]).map(([line, ts]) => ({ line, ts: ts.sort((a, b) => a.x - b.x) }));
};
const lineText = (ts: TextItem[]) => ts.map((t) => t.text).join('');
// Right edge of a run as a PDF reader measures it: every glyph's advance plus the spacing after it.
const rightEdge = (t: TextItem) => t.x + m.width(t.font, t.text, t.size) + t.spacing * [...t.text].length;

describe('typesetter geometry (GB/T 9704)', () => {
  const laidOut = layout(doc(), profile, m);
  const pages = laidOut.pages;

  it('fills a full page with 22 lines on the 28.99 pt grid', () => {
    expect(pages.length).toBeGreaterThanOrEqual(3);
    const middle = bodyLines(pages[1]);
    expect(middle.map((l) => l.line)).toEqual(Array.from({ length: 22 }, (_, i) => i));
    const baselines = middle.map((l) => l.ts[0].y);
    for (let i = 1; i < baselines.length; i++) expect(baselines[i] - baselines[i - 1]).toBeCloseTo((225 * MM) / 22, 2);
    // The first line sits in the block's first grid line, the last one in its last.
    expect(baselines[0] - EM_ASCENT * 16).toBeGreaterThan(g.top);
    expect(baselines[21] + EM_DESCENT * 16).toBeLessThan(g.bottom);
  });

  it('sets 28 characters on a full line of Chinese text, exactly as wide as the block (a tracked paragraph: as many as fit)', () => {
    // Lines of a paragraph drawn tighter so that a word processor needs no more lines for it (src/layout/body.ts):
    // its characters stand that much closer, but the last is counted whole, so that it ends where an untracked
    // line's last character does (its advance ends the tracking short of the block's edge).
    const tracked = new Map<string, number>();
    for (const b of laidOut.landings.blocks) for (const piece of b.pieces) if (b.tracking) tracked.set(`${piece.page}:${piece.line}`, b.tracking);
    const trackingOf = (page: number, line: number) => tracked.get(`${page}:${line}`) ?? 0;
    const fit = (page: number, line: number, chars: number) => Math.floor(((chars - 1) * g.charPitch) / (g.charPitch - trackingOf(page, line)) + 1e-9) + 1;
    let full = 0;
    for (const p of pages) {
      const lines = bodyLines(p);
      for (let i = 0; i < lines.length; i++) {
        const { ts } = lines[i];
        const s = lineText(ts);
        const next = lines[i + 1];
        const endsParagraph = !next || next.ts[0].x > g.left + 1; // the next line is indented: a new paragraph
        if (endsParagraph) continue;
        expect(ts[0].x).toBeGreaterThanOrEqual(g.left - 0.01);
        expect(Math.abs(rightEdge(ts[ts.length - 1]) + trackingOf(p.index, lines[i].line) - g.right)).toBeLessThan(0.05);
        if (/^[\u3000-\u9fff\uff00-\uffef“”‘’…—]+$/.test(s)) {
          const indented = ts[0].x > g.left + 1;
          const n = [...s].length;
          // One character fewer only where the prohibitions forced an earlier break (push-out).
          const pushedOut = NO_LINE_START.has(lineText(next.ts)[0]) || NO_LINE_START.has(lineText(next.ts)[1]);
          const most = fit(p.index, lines[i].line, indented ? 26 : 28);
          expect(n, s).toBe(most - (pushedOut && n !== most ? 1 : 0));
          full++;
        }
      }
    }
    expect(full).toBeGreaterThan(20);
  });

  it('never starts a line with a closing mark nor ends one with an opening mark', () => {
    for (const p of pages) for (const { ts } of bodyLines(p)) {
      const s = lineText(ts);
      expect(NO_LINE_START.has(s[0]), s).toBe(false);
      expect(NO_LINE_END.has(s[s.length - 1]), s).toBe(false);
    }
  });

  it('indents paragraphs two characters and sets inline headings in their own font', () => {
    const first = bodyLines(pages[0]).find((l) => l.ts[0].tag === 'h2')!;
    expect(first.ts[0].x - g.left).toBeCloseTo(2 * g.charPitch, 2);
    expect(first.ts[0].font).toBe('kaiti');
    expect(first.ts[0].text.startsWith('（一）加强组织领导。')).toBe(true);
    expect(first.ts.some((t) => t.tag === 'body' && t.font === 'fangsong')).toBe(true);
    const h1 = texts(pages[0]).find((t) => t.tag === 'h1')!;
    expect(h1.font).toBe('heiti');
  });

  it('places the red mark 35 mm below the block top, centred, and the red rule 4 mm under the number', () => {
    const mark = texts(pages[0]).filter((t) => t.tag === 'mark');
    expect(mark).toHaveLength(1);
    expect(mark[0].color).toBe('red');
    expect(mark[0].y - EM_ASCENT * mark[0].size - g.top).toBeCloseTo(35 * MM, 1);
    const w = m.width(mark[0].font, mark[0].text, mark[0].size) * ((mark[0].hScale ?? 100) / 100);
    expect(mark[0].x + w / 2).toBeCloseTo(g.left + g.width / 2, 1);
    const num = texts(pages[0]).find((t) => t.tag === 'docNumber')!;
    expect(num.x - g.left).toBeCloseTo(g.charPitch, 2); // up-going: one character in from the left
    const rule = pages[0].items.find((i) => i.kind === 'rule' && i.tag === 'rule.red');
    expect(rule && rule.kind === 'rule' && rule.y - (num.y + EM_DESCENT * num.size)).toBeCloseTo(4 * MM, 2);
    expect(rule && rule.kind === 'rule' && [rule.x1, rule.x2]).toEqual([g.left, g.right]);
    // 签发人 ends one character in from the right.
    const signer = texts(pages[0]).filter((t) => t.tag === 'signerName');
    expect(rightEdge(signer[signer.length - 1])).toBeCloseTo(g.right - g.charPitch, 1);
  });

  it('sets the title in 22 pt, centred, two blank lines below the red rule', () => {
    const title = texts(pages[0]).filter((t) => t.tag === 'title');
    const lines = [...new Set(title.map((t) => t.line))];
    expect(title.every((t) => t.size === 22 && t.font === 'xiaobiaosong')).toBe(true);
    for (const line of lines) {
      const ts = title.filter((t) => t.line === line).sort((a, b) => a.x - b.x);
      const centre = (ts[0].x + rightEdge(ts[ts.length - 1])) / 2;
      expect(centre).toBeCloseTo(g.left + g.width / 2, 0);
    }
    const rule = pages[0].items.find((i) => i.kind === 'rule' && i.tag === 'rule.red')!;
    const ruleLine = Math.ceil((('y' in rule ? rule.y : 0) - g.top) / g.linePitch);
    expect(lines[0]).toBe(ruleLine + 2);
  });

  it('numbers pages — n — in 14 pt, 7 mm below the block, outside edge by parity', () => {
    for (const p of pages) {
      const pn = texts(p).filter((t) => t.tag === 'pageNumber');
      expect(pn.map((t) => t.text).join('')).toBe(`— ${p.number} —`);
      expect(pn.every((t) => t.size === 14 && t.font === 'songti')).toBe(true);
      // The dash's ink (its top edge, from the glyph's outline) 7 mm below the block; the PDF test measures pixels.
      expect(pn[0].y - m.ink(pn[0].font, '—', 14).top - g.bottom).toBeCloseTo(7 * MM, 2);
      if (p.number! % 2 === 1) expect(rightEdge(pn[pn.length - 1])).toBeCloseTo(g.right - g.charPitch, 1);
      else expect(pn[0].x).toBeCloseTo(g.left + g.charPitch, 2);
    }
  });

  it('puts the colophon at the bottom of the last page, its last rule on the block edge', () => {
    const last = pages[pages.length - 1];
    const rules = last.items
      .filter((i) => i.kind === 'rule' && i.tag.startsWith('colophon'))
      .map((r) => ({ tag: r.tag, y: r.kind === 'rule' ? r.y : 0 }))
      .sort((a, b) => a.y - b.y);
    expect(rules.map((r) => r.tag)).toEqual(['colophon.thick', 'colophon.thin', 'colophon.thick']);
    expect(rules[2].y).toBeCloseTo(g.bottom, 5);
    const printed = texts(last).filter((t) => t.tag.startsWith('colophon.print'));
    expect(printed.every((t) => t.line === 21)).toBe(true);
    const date = texts(last).filter((t) => t.tag === 'colophon.printDate').sort((a, b) => a.x - b.x);
    expect(rightEdge(date[date.length - 1])).toBeCloseTo(g.right - 14, 1); // one 四号 character in
  });

  it('keeps the signature on a page with at least two body lines', () => {
    for (let n = 1; n <= 30; n++) {
      const body = Array.from({ length: n }, () => ({ kind: 'paragraph' as const, runs: [{ text: PARA, role: 'body' as const }] }));
      const { pages: ps, landings } = layout(doc({ body, colophon: undefined }), profile, m);
      const last = ps[ps.length - 1];
      const sig = texts(last).find((t) => t.tag === 'signature')!;
      expect(sig, `n=${n}`).toBeDefined();
      expect(bodyLines(last).length, `n=${n}`).toBeGreaterThanOrEqual(2);
      // The date's line ends inside the block, on the grid or on the page set tighter (never past the limit).
      const date = texts(last).find((t) => t.tag === 'date')!;
      const pitch = landings.pitch[last.index];
      expect(pitch, `n=${n}`).toBeGreaterThanOrEqual(profile.signature.tightestPitchPt ?? g.linePitch);
      expect((date.line! + 1) * pitch, `n=${n}`).toBeLessThanOrEqual(g.height + 1e-6);
      expect(date.y + EM_DESCENT * 16, `n=${n}`).toBeLessThan(g.bottom);
    }
  });


  it('tightens a page only where a word processor can follow: not when the paragraph running onto it would pull a line up', () => {
    // A word processor sets a paragraph at one line spacing: one running onto the tightened page from the page before
    // stands tighter there too, k lines × (grid − pitch) closer. Measured in LibreOffice 7.4 without this rule: with
    // 37 lines (18 on page 1) page 2 would need 24 lines at 26.57 pt, and page 1 then held one more line than the PDF's.
    const body = (n: number) => [
      { kind: 'paragraph' as const, runs: [{ text: PARA.repeat(20).slice(0, n * 28 - 2), role: 'body' as const }] },
      { kind: 'paragraph' as const, runs: [{ text: PARA, role: 'body' as const }] },
    ];
    const plain = (n: number) => layout(doc({ variant: 'plain', header: undefined, colophon: undefined, sealed: false, body: body(n) }), profile, m).landings;
    const at36 = plain(36); // page 2 at 23 lines (27.73 pt): 18 lines × 1.26 pt closer on page 1, less than a line
    expect(at36.signature.remedy).toMatchObject({ kind: 'pitch', page: 1 });
    expect(at36.blocks[0].pieces.filter((p) => p.page === 0)).toHaveLength(18);
    expect(plain(37).signature.remedy.kind).toBe('moveLines'); // 24 lines (26.57 pt): 18 × 2.42 pt, more than a line
  });
  it('wraps a long addressee flush left, and moves it to the colophon as 主送： when the first page would show no body (7.3.3)', () => {
    const organs = (n: number) => Array.from({ length: n }, (_, i) => `示例县第${i + 1}办公室`).join('、') + '：';
    // A few organs: wrapped lines flush left on the first page, body text below.
    const some = layout(doc({ addressee: organs(6) }), profile, m);
    const addr = texts(some.pages[0]).filter((t) => t.tag === 'addressee');
    const addrLines = [...new Set(addr.map((t) => t.line))];
    expect(addrLines.length).toBeGreaterThan(1);
    for (const l of addrLines) expect(Math.min(...addr.filter((t) => t.line === l).map((t) => t.x))).toBeCloseTo(g.left, 2);
    expect(bodyLines(some.pages[0]).length).toBeGreaterThan(0);
    expect(some.landings.addressee).toEqual({ inColophon: false });
    // So many that the body would leave the first page: 主送 above 抄送 in the colophon, no rule between them.
    const many = layout(doc({ addressee: organs(40) }), profile, m);
    expect(many.landings.addressee).toEqual({ inColophon: true });
    expect(texts(many.pages[0]).some((t) => t.tag === 'addressee')).toBe(false);
    expect(bodyLines(many.pages[0]).length).toBeGreaterThan(0);
    const last = many.pages[many.pages.length - 1];
    const main = texts(last).filter((t) => t.tag === 'colophon.mainSend').sort((a, b) => a.line! - b.line! || a.x - b.x);
    const cc = texts(last).filter((t) => t.tag === 'colophon.cc');
    expect(main[0].text.startsWith('主送：')).toBe(true);
    expect(main.map((t) => t.text).join('')).toContain('示例县第40办公室。');
    expect(Math.max(...main.map((t) => t.line!)) + 1).toBe(Math.min(...cc.map((t) => t.line!)));
    const rules = last.items.filter((i) => i.kind === 'rule' && i.tag.startsWith('colophon'));
    const between = rules.filter((r) => r.kind === 'rule' && r.y > g.top + main[0].line! * g.linePitch + 1 && r.y < g.top + Math.min(...cc.map((t) => t.line!)) * g.linePitch + 1);
    expect(between).toEqual([]);
  });

  const JOINT_UNSEALED = join(import.meta.dirname, 'fixtures', 'layout', '联合行文-不盖章-2023.yaml');
  it.each([
    ['three organs', doc({ sealed: false, signatures: ['示例县示例镇人民政府', '中共示例县示例镇委员会', '示例县司法局'].map((organ) => ({ organ })), colophon: undefined })],
    ['the joint unsealed fixture', fixtureDoc(JOINT_UNSEALED)],
  ] as const)('stacks joint unsealed signatures (%s): the lead organ first, the others below, then the date (7.3.5.2)', (_, d) => {
    const organs = d.signatures.map((s) => s.organ);
    expect(d.sealed).toBe(false);
    const { pages } = layout(d, profile, m);
    const last = pages[pages.length - 1];
    const sig = texts(last).filter((t) => t.tag === 'signature');
    const lines = [...new Set(sig.map((t) => t.line!))].sort((a, b) => a - b);
    expect(lines).toHaveLength(organs.length);
    expect(lines.map((l) => sig.filter((t) => t.line === l).map((t) => t.text).join(''))).toEqual(organs);
    expect(lines.at(-1)! - lines[0]).toBe(organs.length - 1); // one a line
    // Each name two characters in from the right, or further left so that the date below the last one starts two
    // characters right of it and ends two characters in.
    for (const l of lines) {
      const ts = sig.filter((t) => t.line === l);
      expect(rightEdge(ts[ts.length - 1])).toBeLessThanOrEqual(g.right - 2 * g.charPitch + 0.05);
    }
    expect(rightEdge(sig.filter((t) => t.line === lines[0]).at(-1)!)).toBeCloseTo(g.right - 2 * g.charPitch, 1);
    const date = texts(last).filter((t) => t.tag === 'date').sort((a, b) => a.x - b.x);
    expect(date.every((t) => t.line === lines.at(-1)! + 1)).toBe(true);
    const lastName = sig.filter((t) => t.line === lines.at(-1)).sort((a, b) => a.x - b.x);
    expect(date[0].x - lastName[0].x).toBeCloseTo(2 * g.charPitch, 1);
    expect(rightEdge(date[date.length - 1])).toBeLessThanOrEqual(g.right - 2 * g.charPitch + 0.05);
    // Nothing side by side: every name is alone on its line.
    for (const l of lines) expect(new Set(sig.filter((t) => t.line === l).map((t) => t.text)).size).toBe(1);
  });

  it('never leaves a heading last on a page', () => {
    for (let n = 1; n <= 25; n++) {
      const body = [
        ...Array.from({ length: n }, () => ({ kind: 'paragraph' as const, runs: [{ text: PARA.slice(0, 20), role: 'body' as const }] })),
        { kind: 'heading' as const, level: 1 as const, text: '二、存在的不足和原因' },
        { kind: 'paragraph' as const, runs: [{ text: PARA, role: 'body' as const }] },
      ];
      const ps = layout(doc({ body }), profile, m).pages;
      for (const p of ps) {
        const lines = bodyLines(p);
        const last = lines[lines.length - 1];
        if (last) expect(last.ts[0].tag, `n=${n} page ${p.number}`).not.toBe('h1');
      }
    }
  });
});

describe('line breaking', () => {
  const opts = { firstWidth: g.width, width: g.width, cjkAdvance: (s: number) => (s * g.charPitch) / 16 };
  const run = (text: string) => [{ text, font: 'fangsong' as const, size: 16, color: 'text' as const, tag: 'body' }];

  it('follows GB/T 15834 §5.1: 〔【 never end a line, 〕】－·／ never start one, …… and —— whole but free to start one', () => {
    const pieces = ['岔政发〔2024〕5号', '【重要】', '2023－2024', '习近平·法治', '甲／乙', '一是……二是', '法治——依法'];
    let startedWithPair = 0;
    for (const piece of pieces) {
      for (let pad = 0; pad < 28; pad++) {
        const lines = breakLines(run('普'.repeat(pad) + piece + '法'.repeat(40)), m, opts).map((l) => l.segments.map((s) => s.text).join(''));
        for (let i = 0; i + 1 < lines.length; i++) {
          const end = lines[i].slice(-1);
          const start = lines[i + 1][0];
          expect('〔【', `${piece} pad=${pad}`).not.toContain(end);
          expect('〕】－·／', `${piece} pad=${pad}`).not.toContain(start);
          expect(end === start && '…—'.includes(end), `${piece} pad=${pad}: split pair`).toBe(false);
          if ('…—'.includes(start)) startedWithPair++;
        }
      }
    }
    expect(startedWithPair).toBeGreaterThan(0); // an ellipsis or a dash may open a line
  });

  it('keeps numbers with their units and qualifiers when that spreads a line by at most one character', () => {
    // Place 67场次 and 13500余份 across every possible line position.
    const char = g.charPitch;
    const numberLike = /^[近约]?\d+$/;
    let splits = 0;
    for (let pad = 0; pad < 28; pad++) {
      const text = '普'.repeat(pad) + '开展普法活动67场次，发放普法宣传资料13500余份，近300人参加。' + '法'.repeat(30);
      const broken = breakLines(run(text), m, opts);
      const lines = broken.map((l) => l.segments.map((s) => s.text).join(''));
      for (let i = 0; i + 1 < lines.length; i++) {
        const joint = lines[i].slice(-1) + '|' + lines[i + 1].slice(0, 1);
        expect(['场|次', '余|份'], `pad=${pad}`).not.toContain(joint); // a unit of two characters stays whole
        expect(lines[i + 1][0], `pad=${pad}`).not.toBe('，');
        expect(/\d\|\d/.test(joint), `pad=${pad}: a number split`).toBe(false);
        const spread = broken[i].spread ?? 0;
        // The number (with its qualifier) that ends this line or starts the next: what a kept pair would move.
        const tail = /[近约]?\d+$/.exec(lines[i])?.[0] ?? '';
        const head = /^[近约]?\d+/.exec(lines[i + 1])?.[0] ?? '';
        if (['7|场', '0|余', '0|人', '近|3'].includes(joint)) {
          // Split only because keeping the pair would have spread this line by more than one character.
          splits++;
          const moved = joint === '近|3' ? char : m.width('latin', tail.replace(/^[近约]/, ''), 16) + (/^[近约]/.test(tail) ? char : 0);
          expect(spread + moved, `pad=${pad}: ${joint}`).toBeGreaterThan(char);
        } else {
          // Otherwise no line is spread by more than a character, but for a whole number carried over.
          const carried = numberLike.test(head) ? m.width('latin', head.replace(/^[近约]/, ''), 16) + (/^[近约]/.test(head) ? char : 0) : 0;
          expect(spread, `pad=${pad}: ${lines[i]}`).toBeLessThanOrEqual(Math.max(char, carried) + 0.01);
        }
      }
    }
    expect(splits).toBeGreaterThan(0);
  });


  it('breaks a range of years at its hyphen only when keeping it whole would spread a line by more than a character', () => {
    // （2023-2025） and a telephone number 0513-12345678 across every line position.
    const char = g.charPitch;
    let rangeSplits = 0;
    for (let pad = 0; pad < 28; pad++) {
      const text = '普'.repeat(pad) + '根据实施纲要（2023-2025）的规定，电话0513-12345678。' + '法'.repeat(30);
      const broken = breakLines(run(text), m, opts);
      const lines = broken.map((l) => l.segments.map((s) => s.text).join(''));
      for (let i = 0; i + 1 < lines.length; i++) {
        expect(/\d$/.test(lines[i]) && /^\d/.test(lines[i + 1]), `pad=${pad}: a number split`).toBe(false);
        expect(lines[i].endsWith('0513-'), `pad=${pad}: a telephone number split`).toBe(false);
        if (lines[i].endsWith('2023-')) {
          rangeSplits++;
          // Kept whole, （2023- would have moved to the next line (（ may not end one), leaving more than a character
          // of slack to spread on this one.
          const natural = broken[i].width - (broken[i].spread ?? 0);
          expect(g.width - (natural - char - m.width('latin', '2023-', 16)), `pad=${pad}`).toBeGreaterThan(char);
        }
      }
      // A range kept on one line is drawn as one word: its halves touch.
      for (const l of broken) {
        const k = l.segments.findIndex((s) => s.text === '2023-');
        if (k >= 0 && k + 1 < l.segments.length && l.segments[k + 1].text === '2025')
          expect(l.segments[k + 1].x - l.segments[k].x, `pad=${pad}`).toBeCloseTo(m.width('latin', '2023-', 16), 2);
      }
    }
    expect(rangeSplits).toBeGreaterThan(0);
  });

  it('squeezes punctuation or breaks earlier, and never overflows the block', () => {
    for (let pad = 20; pad < 30; pad++) {
      const text = '法'.repeat(pad) + '“三项制度”。' + '法'.repeat(40);
      for (const l of breakLines(run(text), m, opts).slice(0, -1)) {
        const last = l.segments[l.segments.length - 1];
        expect(l.width).toBeCloseTo(g.width, 1);
        expect(last.x).toBeLessThan(g.width);
      }
    }
  });

  it('names a character that no resolved font has, never draws a blank box', () => {
    const call = () => breakLines(run('本镇开展𠀀活动'), m, { ...opts, context: '测试段落' });
    expect(call).toThrow(GongwenError);
    try {
      call();
    } catch (e) {
      const d = (e as GongwenError).diagnostics[0];
      expect(d.code).toBe('font.missingGlyph');
      expect(d.zh).toContain('𠀀');
      expect(d.zh).toContain('U+20000');
      expect(d.en).toContain('测试段落');
    }
    // A character the body font lacks but another role's font has is borrowed, not an error.
    const missingInFang = [...'㐀㐁丂丄丅丆丌丏丒丗丟丠丣丮丯丱丳丵丷丼乀乁乂乄乆乊乑乕乗乚乛乢乣乤乥乧乨乪乫乬乭乮乯乲乴乵乶乷乸乹乺乻乼乽乿亀']
      .find((c) => !m.has('fangsong', c) && m.has('songti', c));
    expect(missingInFang).toBeDefined();
    const lines = breakLines(run(`甲${missingInFang}乙`), m, opts);
    expect(lines[0].segments.some((s) => s.text.includes(missingInFang!) && s.font !== 'fangsong')).toBe(true);
  });

  it('breaks a long title at word boundaries into balanced lines', () => {
    const lines = breakTitle('中共重庆市万州区罗田镇委员会重庆市万州区罗田镇人民政府关于2023年度法治政府建设情况的报告', g.width, 'xiaobiaosong', 22, m);
    expect(lines.length).toBe(3);
    const widths = lines.map((l) => m.width('xiaobiaosong', l, 22));
    expect(Math.max(...widths)).toBeLessThanOrEqual(g.width);
    expect(Math.max(...widths) - Math.min(...widths)).toBeLessThan(5 * 22);
    expect(lines.join('')).toContain('2023年度');
    for (const l of lines) expect(l.startsWith('度') || l.endsWith('关')).toBe(false);
    // A number never leaves its unit, wherever the width forces the break.
    for (let w = 200; w <= 440; w += 4) {
      const t = breakTitle('岔河镇人民政府关于2023年度法治政府建设情况的报告', w, 'xiaobiaosong', 22, m);
      for (let i = 0; i + 1 < t.length; i++) expect(/\d$/.test(t[i]) && /^年/.test(t[i + 1]), t.join('|')).toBe(false);
    }
  });
});
