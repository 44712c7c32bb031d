import { Report } from '../src/schema/report.ts';
import { knownKeys } from '../src/load/schemaKeys.ts';
console.log(knownKeys(Report, []).length, knownKeys(Report, ['issuingOrgans', 0]), knownKeys(Report, ['parts','measures','items',0,'items',2]), knownKeys(Report, ['metrics']).slice(0,3), knownKeys(Report, ['docNumber']));
