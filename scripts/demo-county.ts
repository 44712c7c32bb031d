// A demo county (示例县) of made-up townships, generated from the seeds' structure and phrasing.
// Deterministic: a seeded PRNG picks figures and sentences, so the same (n, seed) gives the same reports.
// Every figure that appears in the text is also recorded under `metrics:` — they cannot drift apart.
import type { ReportInput, MetricValue } from '../src/schema/report.ts';
import type { BodyNode, PartKey, Section } from '../src/schema/body.ts';
import { reportTemplates, render } from '../src/compose/templates.ts';
import { PART_KEYS } from '../src/schema/body.ts';
import type { MetricKey } from '../src/schema/catalogue.ts';
import type { z } from 'zod';
import type { County } from '../src/schema/county.ts';

export type CountyInput = z.input<typeof County>;

export interface SyntheticCounty {
  county: CountyInput;
  reports: ReportInput[];
}

/** mulberry32: tiny, fast, good enough for picking figures; never Math.random. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Rng {
  int(lo: number, hi: number): number;
  pick<T>(xs: readonly T[]): T;
  chance(p: number): boolean;
  sample<T>(xs: readonly T[], k: number): T[];
}

function rng(seed: number): Rng {
  const next = prng(seed);
  const int = (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1));
  return {
    int,
    pick: (xs) => xs[int(0, xs.length - 1)],
    chance: (p) => next() < p,
    sample: (xs, k) => {
      const pool = [...xs];
      const out = [];
      while (out.length < k && pool.length) out.push(pool.splice(int(0, pool.length - 1), 1)[0]);
      return out;
    },
  };
}

const STEMS = ['甲', '乙', '丙', '丁', '戊', '己', '庚', '辛', '壬', '癸'];
const EXTRA = ['东风', '红星', '前进', '新华'];

/** 示例甲镇 … 示例癸镇, 示例东风镇 …, then 示例甲1镇 … for large synthetic counties. */
export function townshipName(i: number): { name: string; code: string } {
  if (i < STEMS.length) return { name: `示例${STEMS[i]}镇`, code: STEMS[i] };
  if (i < STEMS.length + EXTRA.length) return { name: `示例${EXTRA[i - STEMS.length]}镇`, code: EXTRA[i - STEMS.length][0] };
  const k = i - STEMS.length - EXTRA.length;
  const stem = STEMS[k % STEMS.length];
  const n = Math.floor(k / STEMS.length) + 1;
  return { name: `示例${stem}${n}镇`, code: `${stem}${n}` };
}

export const DEMO_COUNTY = '示例县';
export const DEMO_YEAR = 2023;
export const DEMO_DEADLINE = '2024-02-29';

/** The gaps seeded into the demo county, by township index (only when n is large enough). */
export const SEEDED_GAPS = {
  missingPart: [
    { index: 2, part: 'leadership' },
    { index: 6, part: 'shortcomings' },
  ],
  missingMetrics: 8,
  late: 10,
} as const;

type Metrics = Partial<Record<MetricKey, MetricValue>>;

/** Collects sentences and the metrics they quote, so text and figures come from one place. */
class Writer {
  readonly metrics: Metrics = {};
  constructor(readonly r: Rng) {}
  /** Records a figure and returns its printed form (13500余). */
  fig(key: MetricKey, value: number, unit: string, qualifier?: MetricValue['qualifier'], source?: string): string {
    const printed = `${value}${qualifier ?? ''}`;
    this.metrics[key] = { value, unit, ...(qualifier ? { qualifier } : {}), source: source ?? `${printed}${unit}` };
    return printed;
  }
}

function round(v: number, to: number): number {
  return Math.max(to, Math.round(v / to) * to);
}

function studyItem(w: Writer, town: string): Section {
  const { r } = w;
  const a = `一是紧紧抓住领导干部这个“关键少数”，及时调整${town}依法治镇委员会及其办公室成员，进一步明确职能，压实责任。`;
  const b = `二是健全党委理论学习中心组学法制度，全年镇党委理论学习中心组集中学习习近平法治思想${w.fig('study.centralGroupSessions', r.int(2, 8), '次')}次。`;
  const c = `三是落实领导干部学法制度，组织领导班子集中学法${w.fig('study.leadershipSessions', r.int(3, 12), '次')}次，主要负责人讲法治课${w.fig('study.lawLectures', r.int(1, 3), '次')}次。`;
  return { heading: '加强组织领导。', inline: true, body: [a + b + c] };
}

function decisionItem(w: Writer): Section {
  const { r } = w;
  const major = r.int(2, 12);
  const reviews = major + r.int(5, 40);
  let text = `严格落实《重大行政决策程序暂行条例》，全年提交集体讨论的重大行政决策事项${w.fig('decision.majorDecisions', major, '件')}件，`;
  text += `对合同协议、重大执法决定等开展合法性审查${w.fig('decision.legalityReviews', reviews, '件')}件`;
  if (r.chance(0.6)) text += `，制定并报备行政规范性文件${w.fig('decision.normativeDocs', r.int(0, 4), '件')}件`;
  return { heading: '推进依法科学民主决策。', inline: true, body: [text + '，做到应审尽审。'] };
}

function disclosureItem(w: Writer, town: string): Section {
  const { r } = w;
  let text = `根据政府信息公开条例规定，通过网站、公示栏、公众号等形式主动公开政府信息${w.fig('disclosure.proactive', r.int(15, 160), '条')}条`;
  const onRequest = r.int(0, 6);
  if (onRequest > 0) {
    text += `，办理政府信息依申请公开${w.fig('disclosure.onRequest', onRequest, '件')}件，依申请公开答复率达${w.fig('disclosure.replyRate', 100, '%')}%`;
  }
  return { heading: '加强政务公开。', inline: true, body: [`${text}，${town}政务公开工作接受群众监督。`] };
}

function enforcementItem(w: Writer): Section {
  const { r } = w;
  const inspections = r.int(40, 900);
  const q = inspections > 300 ? ('余' as const) : undefined;
  const ins = q ? round(inspections, 50) : inspections;
  let text = `严格执行行政执法“三项制度”。一是落实“一支队伍管执法”，全镇取得执法资格人员${w.fig('enforcement.certifiedOfficers', r.int(4, 16), '人')}人，执法辅助人员${w.fig('enforcement.auxiliaryStaff', r.int(6, 30), '人')}人。`;
  text += `二是常态化开展执法检查${w.fig('enforcement.inspections', ins, '次', q)}次，全年办理行政处罚案件${w.fig('enforcement.penaltyCases', r.int(1, 40), '件')}件。`;
  if (r.chance(0.7)) text += `三是司法所开展执法案卷评查${w.fig('enforcement.caseReviews', r.int(1, 6), '次')}次，提出整改建议${r.int(2, 9)}条。`;
  return { heading: '严格规范公正文明执法。', inline: true, body: [text] };
}

function disputesItem(w: Writer): Section {
  const { r } = w;
  const recon = r.int(0, 4);
  const lit = r.int(0, 6);
  let text = `依法化解行政争议，全年办理行政复议案件${w.fig('disputes.reconsiderationCases', recon, '件')}件、行政诉讼案件${w.fig('disputes.litigationCases', lit, '件')}件`;
  if (lit > 0) {
    const lost = r.chance(0.3) ? r.int(1, Math.min(2, lit)) : 0;
    text += lost > 0 ? `，其中败诉${w.fig('disputes.litigationLost', lost, '件')}件` : `，行政诉讼案件无败诉`;
    if (lost === 0) w.fig('disputes.litigationLost', 0, '件', undefined, '无败诉');
    text += `，行政机关负责人出庭应诉率达${w.fig('disputes.appearanceRate', 100, '%')}%`;
  }
  return { heading: '加强行政争议化解。', inline: true, body: [text + '。'] };
}

function publicityItem(w: Writer): Section {
  const { r } = w;
  const events = r.int(12, 90);
  const mats = r.int(800, 16000);
  const q = mats >= 2000 ? r.pick(['余', '多'] as const) : undefined;
  const m = q ? round(mats, 100) : mats;
  let text = `坚持“谁执法谁普法”，开展“法律进乡村”“法律进校园”等普法活动${w.fig('publicity.events', events, '场次')}场次，发放普法宣传资料${w.fig('publicity.materials', m, '份', q)}份`;
  if (r.chance(0.8)) text += `，接待群众法律咨询${w.fig('publicity.consultations', r.int(100, 4600), '人次')}人次`;
  if (r.chance(0.7)) text += `，培育法律明白人${w.fig('publicity.legalLiterates', r.int(40, 300), '人')}人`;
  return { heading: '加强法治宣传教育。', inline: true, body: [text + '。'] };
}

function advisorsItem(w: Writer): Section {
  const { r } = w;
  const villages = r.int(8, 30);
  const covered = r.chance(0.7) ? villages : villages - r.int(1, 3);
  const text =
    covered === villages
      ? `建立健全“一村（社区）一法律顾问”制度，全镇${w.fig('advisors.villages', villages, '个')}个村（社区）均配备法律顾问。`
      : `建立健全“一村（社区）一法律顾问”制度，全镇${w.fig('advisors.villages', villages, '个')}个村（社区）中已有${w.fig('advisors.covered', covered, '个')}个配备法律顾问。`;
  if (covered === villages) w.fig('advisors.covered', covered, '个', undefined, '均配备法律顾问');
  return { heading: '加强法律顾问管理。', inline: true, body: [text] };
}

function mediationItem(w: Writer): Section {
  const { r } = w;
  const n = r.int(30, 300);
  let text = `坚持发展新时代“枫桥经验”，深入开展矛盾纠纷排查化解，全年调解矛盾纠纷${w.fig('mediation.disputesMediated', n, '件')}件，调解成功率${w.fig('mediation.successRate', r.int(92, 100), '%')}%。`;
  if (r.chance(0.6)) text += `办理群众信访事项${w.fig('petitions.handled', r.int(10, 120), '件')}件。`;
  text += `现有社区矫正对象${w.fig('corrections.communityCorrection', r.int(5, 45), '人')}人、安置帮教对象${w.fig('corrections.rehabilitation', r.int(20, 150), '人')}人，无脱管、漏管。`;
  return { heading: '加强矛盾纠纷多元化解。', inline: true, body: [text] };
}

function leadershipPart(w: Writer, town: string): Section[] {
  const { r } = w;
  return [
    {
      heading: '坚持发挥核心领导作用。',
      inline: true,
      body: [
        `镇党委、政府主要负责人将法治建设纳入${town}发展总体规划和年度工作计划，与经济社会发展同部署、同推进、同督促、同考核，对法治建设重要工作亲自部署、重大问题亲自过问。`,
      ],
    },
    {
      heading: '坚持带头学法用法述法。',
      inline: true,
      body: [
        `将镇主要领导、其他班子成员纳入述法主体，全年开展述法${w.fig('study.reportOnLaw', r.int(4, 14), '人次')}人次，推动各层级领导干部自觉重视法治建设工作。`,
      ],
    },
  ];
}

// Shortcomings and plans in the seeds' own words; the theme dictionary (templates/themes.yaml) must find them.
const SHORTCOMINGS: { heading: string; text: string }[] = [
  { heading: '学习贯彻习近平法治思想的系统性不足。', text: '以领读部分内容代替系统学习的情况较多，开展专题式、研讨式学习较少。' },
  { heading: '基层执法力量不足。', text: '综合执法办公室人员少，专业执法队伍人才不足，执法人员身兼数职，难以适应执法任务需要。' },
  { heading: '普法宣传形式单一。', text: '大多还是采取会议培训、现场发放宣传单、悬挂横幅等形式，没有充分运用好微博、公众号等新媒体。' },
  { heading: '重大决策制定程序有待规范。', text: '公众参与、专家论证、风险评估等程序执行不全面，部分重大决策事项未纳入目录范围。' },
  { heading: '基层法治队伍建设有待加强。', text: '专业法律人员欠缺，大多数工作人员没有受过系统专业的教育培训，队伍整体素质和业务能力有待提高。' },
  { heading: '法治建设信息化水平不高。', text: '执法办案仍以纸质台账为主，信息化平台应用不充分，数据共享不够。' },
  { heading: '法治建设与考核挂钩不密切。', text: '法治建设在干部考评体系中权重较低，考核结果与选人用人、奖励惩处等关联性不强。' },
];

const PLANS: string[] = [
  '组织镇党委中心组定期开展研讨式学习，交流学习和运用习近平法治思想的心得体会，推动学法常态化、系统化。',
  '充实综合行政执法力量，加强执法人员业务培训，提升持证执法人员比例。',
  '创新普法宣传方式，用好微信公众号、短视频等新媒体，增强普法宣传的针对性和实效性。',
  '健全重大行政决策目录清单和决策程序，落实公众参与、专家论证、风险评估、合法性审查、集体讨论决定等法定程序。',
  '引进和培养法律专业人才，开展专题培训，提升基层法治队伍专业化水平。',
  '推进执法办案信息化建设，用好行政执法监督平台，实现数据共享。',
  '健全法治建设考核办法，将考核结果与干部考评、奖惩、任用紧密结合。',
];

const CN_ORD = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

function isoDate(r: Rng, late: boolean): string {
  if (late) return `2024-03-${String(r.int(4, 20)).padStart(2, '0')}`;
  const m = r.int(1, 2);
  const d = m === 1 ? r.int(8, 31) : r.int(1, 28);
  return `2024-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** One township's report. `index` fixes name and seeded gaps; `seed` the figures. */
export function makeTownshipReport(index: number, seed: number, gaps = true): ReportInput {
  const r = rng(seed * 7919 + index * 104729 + 1);
  const w = new Writer(r);
  const { name, code } = townshipName(index);
  const isGap = (k: number) => gaps && index === k;

  const measures: Section[] = [
    studyItem(w, name),
    decisionItem(w),
    ...(r.chance(0.8) ? [disclosureItem(w, name)] : []),
    enforcementItem(w),
    disputesItem(w),
    publicityItem(w),
    advisorsItem(w),
    mediationItem(w),
  ];
  const leadership = leadershipPart(w, name);
  const themes = r.sample(SHORTCOMINGS.map((_, i) => i), r.int(2, 4)).sort((a, b) => a - b);
  const shortcomings: Section[] = themes.map((i) => ({ heading: SHORTCOMINGS[i].heading, inline: true, body: [SHORTCOMINGS[i].text] }));
  const nextYear = themes.map((i, k) => `${CN_ORD[k]}是${PLANS[i]}`);

  // The statutory parts as the author's chapters, each under the template's standard heading.
  const parts: Partial<Record<PartKey, BodyNode[]>> = {
    measures,
    leadership,
    shortcomings,
    nextYear,
  };
  for (const g of SEEDED_GAPS.missingPart) if (isGap(g.index)) delete parts[g.part];
  if (r.chance(0.25)) parts.other = ['本年度无其他需要报告的情况。'];
  const t = reportTemplates();
  const chapters: Section[] = PART_KEYS.flatMap((key) => {
    const body = parts[key];
    return body ? [{ heading: render(t.parts[key], { year: DEMO_YEAR, nextYear: DEMO_YEAR + 1 }), covers: key, body }] : [];
  });

  const report: ReportInput = {
    township: name,
    county: DEMO_COUNTY,
    city: '示例市',
    year: DEMO_YEAR,
    variant: 'file-up',
    issuingOrgans: [{ name: `${DEMO_COUNTY}${name}人民政府`, short: `${name}人民政府` }],
    docNumber: `${code}政发〔2024〕${r.int(1, 30)}号`,
    signers: [`${r.pick(['王', '李', '张', '刘', '陈', '杨'])}某某`],
    addressee: '县委、县政府',
    date: isoDate(r, isGap(SEEDED_GAPS.late)),
    title: `${name}${DEMO_YEAR}年度法治政府建设情况报告`,
    body: [
      `${DEMO_YEAR}年，${name}坚持以习近平新时代中国特色社会主义思想为指导，深入学习贯彻习近平法治思想和党的二十大精神，严格落实依法治镇工作要点，扎实推进法治政府建设。现将有关情况报告如下。`,
      ...chapters,
      `${name}将以更强定力、更高标准、更实举措，全力开创法治建设新局面，以高质量法治保障全镇经济社会高质量发展。`,
    ],
    note: { contact: `${r.pick(['赵', '钱', '孙', '周'])}某`, phone: `0000-${String(r.int(1000000, 9999999))}` },
  };
  if (!isGap(SEEDED_GAPS.missingMetrics)) report.metrics = w.metrics;
  return report;
}

/** A county of n made-up townships; the seeded gaps land on fixed indices when n reaches them. */
export function makeSyntheticCounty(n: number, seed: number, opts: { gaps?: boolean } = {}): SyntheticCounty {
  const gaps = opts.gaps ?? true;
  const reports = Array.from({ length: n }, (_, i) => makeTownshipReport(i, seed, gaps));
  const county: CountyInput = {
    county: DEMO_COUNTY,
    city: '示例市',
    year: DEMO_YEAR,
    demo: true,
    townships: reports.map((rep) => rep.township),
    deadline: DEMO_DEADLINE,
    issuingOrgans: [{ name: '示例县全面依法治县委员会办公室', short: '示例县依法治县办' }],
    docNumber: '示法治办〔2024〕6号',
    addressee: '各乡镇人民政府，县级各部门',
    date: '2024-03-25',
    variant: 'file-down',
    cc: ['示例市委依法治市办'],
    printer: { organ: '示例县全面依法治县委员会办公室', date: '2024-03-25' },
  };
  return { county, reports };
}
