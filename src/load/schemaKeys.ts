// Walks a zod schema along a data path to learn which keys are valid there (for "did you mean …?").
import { z } from 'zod';
import type { DataPath } from './positions.ts';

/** Peels wrappers (optional, default, lazy, pipe) that do not change the data's shape. */
function unwrap(schema: z.ZodType): z.ZodType {
  for (let i = 0; i < 20; i++) {
    if (schema instanceof z.ZodOptional || schema instanceof z.ZodNullable || schema instanceof z.ZodDefault) {
      schema = schema.unwrap() as z.ZodType;
    } else if (schema instanceof z.ZodLazy) {
      schema = schema.unwrap() as z.ZodType;
    } else if (schema instanceof z.ZodPipe) {
      schema = schema.in as z.ZodType;
    } else {
      return schema;
    }
  }
  return schema;
}

/** The schemas reachable at `step` below `schema` (a union may offer several). */
function child(schema: z.ZodType, step: string | number): z.ZodType[] {
  const s = unwrap(schema);
  if (s instanceof z.ZodObject) {
    const shape = s.shape as Record<string, z.ZodType>;
    return typeof step === 'string' && step in shape ? [shape[step]] : [];
  }
  if (s instanceof z.ZodArray) return typeof step === 'number' ? [s.element as z.ZodType] : [];
  if (s instanceof z.ZodRecord) return [s.valueType as z.ZodType];
  if (s instanceof z.ZodUnion) return (s.options as readonly z.ZodType[]).flatMap((o) => child(o, step));
  return [];
}

function keysOf(schema: z.ZodType): string[] {
  const s = unwrap(schema);
  if (s instanceof z.ZodObject) return Object.keys(s.shape);
  if (s instanceof z.ZodRecord) {
    const k = unwrap(s.keyType as z.ZodType);
    if (k instanceof z.ZodEnum) return (k.options as readonly (string | number)[]).map(String);
    return [];
  }
  if (s instanceof z.ZodUnion) return (s.options as readonly z.ZodType[]).flatMap(keysOf);
  return [];
}

/** Valid keys of the mapping at `path` (empty when unknown). */
export function knownKeys(schema: z.ZodType, path: DataPath): string[] {
  let level: z.ZodType[] = [schema];
  for (const step of path) level = level.flatMap((s) => child(s, step));
  return [...new Set(level.flatMap(keysOf))];
}
