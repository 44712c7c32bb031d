// JSON Schema of the data files, for editors (yaml-language-server) to check and complete as the clerk types.
import { z } from 'zod';
import { County } from '../schema/county.ts';
import { Report } from '../schema/report.ts';

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * A record keyed by an enum (metrics) comes out as `propertyNames: {enum}`; editors complete only
 * names listed under `properties`, so list each key there too.
 */
function listEnumKeys(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(listEnumKeys);
  if (!isObject(node)) return node;
  const out: Json = Object.fromEntries(Object.entries(node).map(([k, v]) => [k, listEnumKeys(v)]));
  const names = isObject(out.propertyNames) ? out.propertyNames.enum : undefined;
  if (Array.isArray(names) && isObject(out.additionalProperties) && !out.properties) {
    const value = out.additionalProperties;
    out.properties = Object.fromEntries(names.map((n) => [String(n), value]));
  }
  return out;
}

// draft-07 is what yaml-language-server understands best; `io: 'input'` describes what is written, before defaults.
function toSchema(schema: z.ZodType, title: string): Json {
  const json = listEnumKeys(z.toJSONSchema(schema, { io: 'input', target: 'draft-7' })) as Json;
  const { $schema, ...rest } = json;
  return { $schema, title, ...rest };
}

export const reportJsonSchema = () => toSchema(Report, '法治政府建设情况报告 / township rule-of-law report');
export const countyJsonSchema = () => toSchema(County, '县级汇总设置 county.yaml / county roll-up settings');

/** Stable text: same schema, same bytes. */
export const jsonSchemaText = (schema: Record<string, unknown>): string => JSON.stringify(schema, null, 2) + '\n';
