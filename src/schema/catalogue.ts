// The metric catalogue (统计指标目录): what a township may report as a number, and how the county adds it up.
// Extend it here as data; the schema, the extractor and the roll-up all read this table.

export type RollupRule =
  | { kind: 'sum' }
  // Rates are averaged weighted by the metric named in `weight` (falls back to a plain mean when absent).
  | { kind: 'weightedMean'; weight?: string };

export interface MetricDef {
  key: string;
  label: string; // 中文标签, as printed in the roll-up
  unit: string;
  rollup: RollupRule;
  // Words that identify the metric in running text; the extractor matches a number by the nearest one before it.
  cues: string[];
}

const sum = { kind: 'sum' } as const;

export const CATALOGUE = [
  { key: 'study.centralGroupSessions', label: '党委理论学习中心组学法次数', unit: '次', rollup: sum, cues: ['中心组学习', '中心组学法', '理论学习中心组', '中心组集中学习'] },
  { key: 'study.leadershipSessions', label: '领导班子集中学法次数', unit: '次', rollup: sum, cues: ['领导班子集中学法', '班子学法', '集中学法', '领导班子认真学习', '班子成员集中学习'] },
  { key: 'study.lawLectures', label: '主要负责人讲法治课次数', unit: '次', rollup: sum, cues: ['讲法治课', '讲授法治课'] },
  { key: 'study.reportOnLaw', label: '述法人次', unit: '人次', rollup: sum, cues: ['述法'] },
  { key: 'decision.majorDecisions', label: '重大行政决策事项', unit: '件', rollup: sum, cues: ['重大行政决策'] },
  { key: 'decision.legalityReviews', label: '合法性审查（法制审核）件数', unit: '件', rollup: sum, cues: ['合法性审查', '法制审核'] },
  { key: 'decision.normativeDocs', label: '行政规范性文件制定（备案）件数', unit: '件', rollup: sum, cues: ['规范性文件'] },
  { key: 'disclosure.proactive', label: '政府信息主动公开', unit: '条', rollup: sum, cues: ['主动公开'] },
  { key: 'disclosure.onRequest', label: '依申请公开', unit: '件', rollup: sum, cues: ['依申请公开'] },
  { key: 'disclosure.replyRate', label: '依申请公开答复率', unit: '%', rollup: { kind: 'weightedMean', weight: 'disclosure.onRequest' }, cues: ['答复率'] },
  { key: 'enforcement.certifiedOfficers', label: '持证执法人员', unit: '人', rollup: sum, cues: ['执法资格人员', '持证执法人员', '执法资格'] },
  { key: 'enforcement.auxiliaryStaff', label: '执法辅助人员', unit: '人', rollup: sum, cues: ['执法辅助人员'] },
  { key: 'enforcement.inspections', label: '执法检查', unit: '次', rollup: sum, cues: ['执法检查'] },
  { key: 'enforcement.penaltyCases', label: '行政处罚案件', unit: '件', rollup: sum, cues: ['处罚案件', '行政处罚'] },
  { key: 'enforcement.caseReviews', label: '执法案卷评查', unit: '次', rollup: sum, cues: ['案卷评查'] },
  { key: 'disputes.reconsiderationCases', label: '行政复议案件', unit: '件', rollup: sum, cues: ['行政复议'] },
  { key: 'disputes.litigationCases', label: '行政诉讼案件', unit: '件', rollup: sum, cues: ['行政诉讼'] },
  { key: 'disputes.litigationLost', label: '行政诉讼败诉', unit: '件', rollup: sum, cues: ['败诉'] },
  { key: 'disputes.appearanceRate', label: '行政机关负责人出庭应诉率', unit: '%', rollup: { kind: 'weightedMean', weight: 'disputes.litigationCases' }, cues: ['出庭应诉率', '出庭应诉'] },
  { key: 'publicity.events', label: '普法活动', unit: '场次', rollup: sum, cues: ['普法活动', '法治宣传活动', '宣传活动', '法治课堂', '普法课堂', '流动课堂'] },
  { key: 'publicity.materials', label: '发放普法资料', unit: '份', rollup: sum, cues: ['普法宣传资料', '法治宣传资料', '宣传资料', '普法资料'] },
  { key: 'publicity.consultations', label: '法律咨询', unit: '人次', rollup: sum, cues: ['法律咨询', '接待咨询', '咨询'] },
  { key: 'publicity.legalLiterates', label: '法律明白人', unit: '人', rollup: sum, cues: ['法律明白人'] },
  { key: 'advisors.villages', label: '村（社区）数', unit: '个', rollup: sum, cues: ['个村（社区）', '个村'] },
  { key: 'advisors.covered', label: '配备法律顾问的村（社区）', unit: '个', rollup: sum, cues: ['法律顾问'] },
  { key: 'mediation.disputesMediated', label: '调解矛盾纠纷', unit: '件', rollup: sum, cues: ['调解矛盾纠纷', '化解矛盾纠纷', '调解案件', '矛盾纠纷'] },
  { key: 'mediation.successRate', label: '调解成功率', unit: '%', rollup: { kind: 'weightedMean', weight: 'mediation.disputesMediated' }, cues: ['调解成功率', '成功率'] },
  { key: 'petitions.handled', label: '信访事项办理', unit: '件', rollup: sum, cues: ['信访'] },
  { key: 'corrections.communityCorrection', label: '社区矫正对象', unit: '人', rollup: sum, cues: ['社区矫正'] },
  { key: 'corrections.rehabilitation', label: '安置帮教对象', unit: '人', rollup: sum, cues: ['安置帮教'] },
] as const satisfies readonly MetricDef[];

export type MetricKey = (typeof CATALOGUE)[number]['key'];
export const METRIC_KEYS = CATALOGUE.map((m) => m.key) as [MetricKey, ...MetricKey[]];
export const metricDef = (key: string): MetricDef | undefined => CATALOGUE.find((m) => m.key === key);
