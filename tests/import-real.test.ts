// Real township reports found in public material (tests/fixtures/import/real/README.md gives each source
// address), written in different shapes: each imports with every heading at its level and its number as
// written, every clause kept, the statistics found, and, with what the text cannot give, a valid report.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importText, type ImportResult } from '../src/import/index.ts';
import type { Given } from '../src/import/given.ts';
import { inventedSentences, lostSentences } from './fixtures/import/lossless.ts';
import { ImportedShape, outline } from './helpers/imported.ts';

const DIR = join(import.meta.dirname, 'fixtures', 'import', 'real');

interface Case {
  outline: string[]; // every heading of the source, two spaces per level, number as written (punctuation full-width)
  figures: string[]; // the statistics written in the text
  missed?: string[]; // statistics the number extractor is known to miss
  given: Omit<Given, 'from'>; // what the text cannot give (county from the source address)
  expect?: (r: ImportResult) => void; // what this shape is here for
}

const CASES: Record<string, Case> = {
  '01-dazhong-jiedao.txt': {
    // An excerpt that starts with the lead: no title, no organ; inline level-2 headings with 一是 points.
    outline: ['一、主要工作举措及成效', '  （一）强化组织领导，筑牢法治建设根基。', '  （二）规范行政行为，提升政务服务水平。'],
    figures: ['9次', '5份'],
    given: { township: '大中街道', county: '大丰区', organs: ['大中街道办事处'] },
    expect: (r) => expect(r.report.title).toBeUndefined(),
  },
  '02-gulou-jiedao.txt': {
    // 1. directly under 一、: no （一） level.
    outline: ['一、2025年推进法治政府建设总体情况', '  1.健全法治建设工作体系。', '  2.规范行政执法行为。', '  3.深化基层依法治理。'],
    figures: ['36件', '12次', '391件', '96%'],
    given: { county: '密云区' },
  },
  '03-beichengjie-jiedao.txt': {
    // Three levels: 一、 （一） 1.
    outline: [
      '一、2024年法治政府建设基本情况',
      '  （一）强化政治引领，压实法治建设责任',
      '    1.健全领导机制。',
      '    2.落实第一责任人职责。',
      '    3.完善考核机制。',
      '  （二）深化法治学习，筑牢思想与能力根基',
      '    1.强化干部学法。',
    ],
    figures: ['4次', '2场次', '1场次'],
    given: { county: '高平市' },
    expect: (r) => expect(r.report.issuingOrgans).toEqual([{ name: '北城街街道办事处' }]),
  },
  '04-changyanbao-jiedao.txt': {
    // The leadership chapter first, with paragraphs before its items.
    outline: ['一、2025年度党政主要负责人履行推进法治建设第一责任人职责，加强法治政府建设的有关情况', '  （一）强化组织领导，压实主体责任。', '  （二）深化理论学习，提升法治素养。'],
    figures: ['4次', '10余次'],
    given: { county: '雁塔区' },
    expect: (r) => expect(r.report.body.find((n) => typeof n === 'object' && 'heading' in n && n.covers === 'leadership')).toBeDefined(),
  },
  '05-liuxia-jiedao.txt': {
    // The author numbered two chapters 一、: both kept as written, the restart listed.
    outline: ['一、2022年法治政府建设主要措施', '一、强化领导责任，夯实法治政府建设基础'],
    figures: ['1名', '20万元'],
    given: { county: '西湖区' },
    expect: (r) => expect(r.notes.some((n) => n.kind === 'numbering' && n.zh.includes('重新从 1 开始'))).toBe(true),
  },
  '06-jinlong-jiedao.txt': {
    // Organ and title in one line; page furniture; indents of ASCII spaces; headings on their own lines.
    outline: ['一、基本情况和主要成效', '  （一）夯实法治建设基础', '  （二）依法履行相关职能'],
    figures: ['11个', '16场'],
    given: {},
    expect: (r) => expect([r.report.township, r.report.county]).toEqual(['金龙街道', '鲤城区']),
  },
  '07-dahe-xiang.txt': {
    // Organ line then the title: thematic chapters with no statutory wording.
    outline: [
      '一、强化组织保障，夯实法治建设根基',
      '  （一）健全领导机制',
      '  （二）提升干部素养',
      '二、创新普法宣传，营造尊法守法氛围',
      '  （一）打造特色普法品牌',
      '  （二）深化精准普法服务',
      '三、规范执法行为，提升依法行政水平',
      '  （一）推进执法规范化',
    ],
    figures: ['4次', '12项', '5次', '3场', '3名', '100%', '28个', '2场', '300余人次', '400余份', '2次', '100余人次'],
    given: { county: '巫溪县' },
    expect: (r) => {
      expect(r.report.title).toBe('关于法治政府建设的情况报告');
      expect(r.report.issuingOrgans).toEqual([{ name: '大河乡人民政府' }]);
    },
  },
  '08-lizi-xiang.txt': {
    // Web page metadata before the title; the typo 一) for （一）; a document number in the text.
    outline: ['一、2025 年推进法治政府建设的主要举措和成效', '  一）纵深推进学悟笃行习近平法治思想'],
    // “法治流动课堂”18次: a figure right after a quotation (the extractor once rejected it as part of the name).
    figures: ['1次', '5次', '4次', '100%', '6个', '“法治流动课堂”18次'],
    given: {},
    expect: (r) => {
      expect(r.artefacts.filter((a) => /网页残留/.test(a.reason))).toHaveLength(13);
      expect(r.notes.some((n) => n.kind === 'numbering' && n.zh.includes('笔误'))).toBe(true);
    },
  },
  '09-zhongcun-xiang.txt': {
    // The addressee is the first line: no title, no organ.
    outline: ['一、2025年度工作总体情况', '  （一）加强组织领导，强化责任落实。', '  （二）健全决策机制，推动工作落实落细。'],
    figures: [],
    given: { township: '中村乡', county: '禄丰市', organs: ['中村乡人民政府'] },
    expect: (r) => expect(r.report.addressee).toBe('市委全面依法治市委员会'),
  },
  '10-jiming-xiang.txt': {
    // A metadata list with the document number, the title twice.
    outline: ['一、主要工作及成效', '  （一）深化思想引领，筑牢法治建设根基'],
    figures: ['12次'],
    given: {},
    expect: (r) => {
      expect(r.report.docNumber).toBeUndefined();
      expect(r.notes.some((n) => n.zh.includes('鸡鸣委文〔2026〕3号'))).toBe(true);
    },
  },
  '11-damaying-zhen.txt': {
    // Pipe-table debris of the page, joint organs on one line, the title on the next, the addressee naming the county.
    outline: ['一、2025年度法治政府建设的主要举措和成效', '  （一）提升政治站位，压实主体责任。', '  （二）深化职能改革，提升服务效能。'],
    figures: ['4次', '20次', '64项'],
    given: {},
    expect: (r) => {
      expect(r.report.issuingOrgans).toEqual([{ name: '中共大马营镇委员会' }, { name: '大马营镇人民政府' }]);
      expect([r.report.county, r.report.addressee]).toEqual(['山丹县', '山丹县人民政府']);
    },
  },
  '12-xianxiang-zhen.txt': {
    // Thematic chapters: the first with text only, the second with items.
    outline: [
      '一、强化组织领导，夯实法治基础',
      '二、强化依法执政，狠抓关键少数',
      '  （一）狠抓领导干部这个关键少数，全面落实党委理论学习中心组学法制度。',
      '  （二）以提高依法办事能力为重点，加强公务员的法治宣传教育。',
    ],
    figures: ['4次'],
    given: { county: '象山县' },
  },
  '13-qinglong-zhen.txt': {
    // Document numbers in the lead (奉节委法〔2022〕3号) that are not statistics.
    outline: ['一、2022年工作开展情况', '  （一）完善组织架构，健全决策机制。'],
    figures: [],
    given: {},
    expect: (r) => expect(JSON.stringify(facts(r))).not.toMatch(/3号|64号/),
  },
  '14-zhengzhuang-zhen.txt': {
    // An excerpt cut at a heading; run-in headings without numbers stay text.
    outline: ['一、履行推进法治建设第一责任人职责情况', '二、2025年'],
    figures: ['25份', '8次', '16次', '100%', '2次', '4项', '340余项'],
    given: { township: '郑庄镇', county: '沁水县', organs: ['郑庄镇人民政府'] },
  },
};

/** The figures the import found: catalogue metrics and the numbers it listed as matching none. */
function facts(r: ImportResult): string[] {
  return [
    ...Object.values(r.report.metrics ?? {}).map((m) => m.source ?? ''),
    ...r.notes.filter((n) => n.kind === 'unmatchedNumber' || n.kind === 'conflictingMetric').map((n) => n.zh),
  ];
}

describe('real township reports', () => {
  const files = readdirSync(DIR).filter((f) => f.endsWith('.txt')).sort();
  it('at least ten, each with a case and a source address in the README', () => {
    expect(files.length).toBeGreaterThanOrEqual(10);
    expect(Object.keys(CASES).sort()).toEqual(files);
    const readme = readFileSync(join(DIR, 'README.md'), 'utf8');
    for (const f of files) expect(readme).toMatch(new RegExp(`${f.replace('.', '\\.')}.*https?://`));
  });

  for (const [file, c] of Object.entries(CASES)) {
    it(`${file}: every heading at its level, every clause kept, the statistics found`, () => {
      const raw = readFileSync(join(DIR, file), 'utf8');
      const result = importText(raw, { given: { ...c.given, from: { county: '--county', township: '--township', organs: '--organ' } } });
      expect(outline(result.report.body)).toEqual(c.outline);
      expect(lostSentences(raw, result)).toEqual([]);
      expect(inventedSentences(raw, result).filter((s) => !Object.values(c.given).flat().includes(s))).toEqual([]);
      const found = facts(result).join(' ');
      for (const f of c.figures) expect(found, f).toContain(f);
      for (const f of c.missed ?? []) expect(found, f).not.toContain(f);
      // Every top-level chapter has a guessed covers, and the guess is listed.
      const top = result.report.body.filter((n) => typeof n === 'object' && 'heading' in n);
      expect(result.notes.filter((n) => n.kind === 'covers')).toHaveLength(top.length);
      const check = ImportedShape.safeParse(result.report);
      expect(check.success, check.error?.message).toBe(true);
      c.expect?.(result);
    });
  }
});
