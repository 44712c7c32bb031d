// Counting units (量词) the extractor recognises after a number, and which of them count the same thing.

/** Longest first, so 人次 wins over 人 and 个百分点 over 个. */
export const UNITS = [
  '个百分点', '平方米', '个课时', '万元', '人次', '场次', '件次', '课时', '小时', '个月',
  '次', '场', '期', '轮', '份', '件', '起', '宗', '人', '名', '位', '个', '条', '家', '户', '项', '所', '部',
  '辆', '台', '本', '册', '张', '篇', '批', '处', '座', '天', '元', '分', '%',
] as const;
export type Unit = (typeof UNITS)[number] | '';

/** Units that read as words after a Chinese numeral: 十分重视, 一起. */
export const NOT_AFTER_CHINESE_NUMERAL: readonly string[] = ['分', '起'];

/** A number counted in one of these may stand for a metric counted in another of the same group. */
const FAMILIES: readonly (readonly string[])[] = [
  ['次', '场次', '场', '期', '轮'],
  ['件', '起', '宗', '件次', '条'],
  ['人', '名', '位'],
  ['人次'],
  ['份', '册', '本', '张'],
  ['个', '家', '所'],
  ['%'],
];

export function unitsCompatible(metricUnit: string, unit: string): boolean {
  if (unit === '' || metricUnit === unit) return true;
  return FAMILIES.some((f) => f.includes(metricUnit) && f.includes(unit));
}
