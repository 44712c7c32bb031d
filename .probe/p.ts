import { Report } from '../src/schema/report.ts';
import { z } from 'zod';
const r = Report.safeParse({ township: 1, county: 'x', year: 2023, issuingOrgans: [{ name: 'a', nmae: 'b' }], docNumber: '岔政发[2024]5号', date: '2023-02-30',
  parts: { measures: { items: [{ heading: 'h', paragraphs: ['p'] }] } }, metrics: { 'publicity.event': { value: 3, unit: '次' }, 'publicity.events': {value: '3', unit: 'x', qualifier: '大'} } });
console.log(JSON.stringify(r.error?.issues, null, 1));
const s = z.toJSONSchema(Report, { io: 'input', target: 'draft-7' });
console.log(JSON.stringify(s).slice(0, 600));
console.log(Object.keys(Report.shape).length, Report instanceof z.ZodObject);
