// county.yaml: what the county office expects, and how its roll-up is issued.
import { z } from 'zod';
import { IsoDate, Text, DocNumber } from './common.ts';
import { Organ, Variant } from './report.ts';
import { MAX_YEAR } from './limits.ts';

export const County = z.strictObject({
  county: Text, // 县（市、区）名
  city: Text.optional(),
  province: Text.optional(),
  year: z.number().int().min(2000).max(MAX_YEAR - 1),
  demo: z.boolean().optional(), // 示例数据: not real places
  townships: z.array(Text).min(1), // the townships expected to report
  deadline: IsoDate, // 报送截止日期
  issuingOrgans: z.array(Organ).min(1),
  docNumber: DocNumber.optional(),
  addressee: Text.optional(),
  date: IsoDate.optional(),
  variant: Variant.default('file-down'),
  cc: z.array(Text).optional(),
  printer: z.strictObject({ organ: Text, date: IsoDate }).optional(),
});
export type County = z.infer<typeof County>;
