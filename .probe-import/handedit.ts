import { readFileSync, writeFileSync } from 'node:fs';
import { parse, stringify } from 'yaml';
type Obj = Record<string, any>;
const dir = 'data/seeds/';
function edit(file: string, notes: string[], fn: (r: Obj) => Obj) {
  const text = readFileSync(dir + file, 'utf8');
  const [modeline] = text.split('\n');
  const data = fn(parse(text));
  const comment = ['# 手工修订 / hand-edited (导入后人工整理，导入器无从得知的内容):', ...notes.map((n) => `#   - ${n}`)].join('\n');
  writeFileSync(dir + file, `${modeline}\n${comment}\n${stringify(data, { lineWidth: 0 })}`);
}
/** Rebuilds an object with `key` inserted after `after`, keeping the order of everything else. */
function insertAfter(o: Obj, after: string, key: string, value: unknown): Obj {
  const out: Obj = {};
  for (const [k, v] of Object.entries(o)) {
    out[k] = v;
    if (k === after) out[key] = value;
  }
  return out;
}
const CATALOGUE_ORDER = (await import('../src/schema/catalogue.ts')).CATALOGUE.map((m) => m.key);
const sortMetrics = (m: Obj): Obj => Object.fromEntries(CATALOGUE_ORDER.filter((k) => m[k]).map((k) => [k, m[k]]));

edit('高显镇-2022.yaml', [
  'county: 原文未写明所属县（市、区），种子说明也只知在山西；填“（原文未注明）”以通过校验，待县办核实后改正',
  'province: 山西省 —— 取自种子说明，正文仅有“平安山西”平台可佐证',
  'metrics: 补 advisors.villages 16（“全镇16个行政村”），指标抽取未对应',
], (r) => {
  let o = insertAfter(r, 'township', 'county', '（原文未注明）');
  o = insertAfter(o, 'county', 'province', '山西省');
  o = insertAfter(o, 'closing', 'metrics', { 'advisors.villages': { value: 16, unit: '个', source: '全镇16个行政村' } });
  return o;
});

edit('岔河镇-2023.yaml', [
  'metrics.mediation.disputesMediated: 63 → 67。首次出现的“疑难矛盾纠纷63件”是法律顾问化解的，镇大调解中心“调解矛盾纠纷67件”才是调解总数（见 REPORT-CONTENT.md）',
  'metrics: 补 advisors.covered 25（“25个村（社区）均配备法律顾问”）与 disputes.litigationLost 0（“行政诉讼案件无败诉”），抽取器不识别“均”“无”',
], (r) => {
  const m = r.metrics;
  m['mediation.disputesMediated'] = { value: 67, unit: '件', source: '调解矛盾纠纷67件' };
  m['advisors.covered'] = { value: 25, unit: '个', source: '25个村（社区）均配备法律顾问' };
  m['disputes.litigationLost'] = { value: 0, unit: '件', source: '行政诉讼案件无败诉' };
  r.metrics = sortMetrics(m);
  return r;
});

edit('四棵树镇-2023.yaml', [
  'issuingOrgans: 原文无发文机关行，“四棵树镇人民政府”由导入器按乡镇名拟定，已核对保留',
  'parts.shortcomings.heading: 删除“主要做法和存在问题”（导入器把该标题拆到两部分；“主要做法”一项已在 measures，本部分只剩“存在问题”，用标准标题）',
], (r) => {
  delete r.parts.shortcomings.heading;
  return r;
});

edit('罗田镇-2023.yaml', [
  'metrics.enforcement.certifiedOfficers: 删除。“新增持证执法人员2名”是新增数，不是持证人员总数，汇总时会误算',
  'metrics: 补 disputes.reconsiderationCases 0（“全年无行政复议”）',
], (r) => {
  delete r.metrics['enforcement.certifiedOfficers'];
  r.metrics['disputes.reconsiderationCases'] = { value: 0, unit: '件', source: '全年无行政复议' };
  r.metrics = sortMetrics(r.metrics);
  return r;
});

edit('长征镇-2023.yaml', [
  'parts.measures: 原文“一、根本情况”（概述段）与“二、主要做法”（五项）都属主要举措；导入器按序合并为“根本情况”部分下嵌套“主要做法”。改为：标题“主要做法”，概述段作本部分导语段，五项提为二级标题；“根本情况”四字标题不再单列',
  'issuingOrgans: 原文无发文机关，“长征镇人民政府”由导入器按乡镇名拟定，保留待核实',
  'metrics: 补 disclosure.onRequest 12（“本年新收政府信息公开申请书12件”）',
  '未改动疑似替换词（效劳/参谋/反响/根本/缺乏等）与缺失的后引号，见 长征镇-2023.import.md；nextYear 标题“2023年工作方案”照原文保留（校验器会提示年份）',
], (r) => {
  const m = r.parts.measures;
  const practice = m.items[0];
  r.parts.measures = { heading: practice.heading, paragraphs: m.paragraphs, items: practice.items };
  r.metrics['disclosure.onRequest'] = { value: 12, unit: '件', source: '本年新收政府信息公开申请书12件' };
  r.metrics = sortMetrics(r.metrics);
  return r;
});
