// zod issues → diagnostics in Chinese and English, each at the YAML position of the value, key or parent mapping.
import { z } from 'zod';
import { closest, distance } from 'fastest-levenshtein';
import { diag, type Diagnostic, type Where } from '../diagnostics.ts';
import { isDiagCode } from '../messages.ts';
import type { RefinementParams } from '../schema/common.ts';
import { MAX_YEAR, MIN_YEAR } from '../schema/limits.ts';
import type { DataPath, Position } from './positions.ts';
import { knownKeys } from './schemaKeys.ts';

type Issue = z.core.$ZodIssue;

/** What the mapper needs to know about the document it reports on. */
export interface IssueContext {
  file: string;
  schema: z.ZodType;
  data: unknown; // the plain data the schema was run on, to tell "missing" from "wrong"
  lineOf: (path: DataPath) => Position;
  keyAt: (path: DataPath) => Position | undefined;
}

const TYPE_NAMES: Record<string, readonly [string, string]> = {
  string: ['文本', 'a string'],
  number: ['数字', 'a number'],
  int: ['整数', 'an integer'],
  boolean: ['布尔值（true 或 false）', 'a boolean (true or false)'],
  array: ['列表（每项以“- ”开头）', 'a list (items starting with "- ")'],
  object: ['映射（“键: 值”）', 'a mapping ("key: value")'],
  null: ['空值', 'null'],
  undefined: ['空', 'nothing'],
};

function typeName(t: string): readonly [string, string] {
  return TYPE_NAMES[t] ?? [t, t];
}

function kindOf(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  return typeof v;
}

/** Reads the raw value at a path, and whether the last key exists at all. */
function valueAt(data: unknown, path: DataPath): { exists: boolean; value: unknown } {
  let cur: unknown = data;
  for (const step of path) {
    if (cur === null || typeof cur !== 'object' || !(String(step) in cur)) return { exists: false, value: undefined };
    cur = (cur as Record<string, unknown>)[String(step)];
  }
  return { exists: true, value: cur };
}

const pathText = (path: DataPath): string =>
  path.length === 0 ? '（文件顶层）' : path.map((s) => (typeof s === 'number' ? `[${s}]` : `.${s}`)).join('').replace(/^\./, '');
const pathTextEn = (path: DataPath): string => (path.length === 0 ? '(top level)' : pathText(path));

/** Our schemas write messages as "中文 / English"; zod's own defaults are English only. */
function splitMessage(message: string): [string, string] | undefined {
  const i = message.indexOf(' / ');
  if (i < 0 || !/[\u4e00-\u9fff]/.test(message.slice(0, i))) return undefined;
  return [message.slice(0, i), message.slice(i + 3)];
}

/** Says what exactly is wrong with a printed document number, beyond "does not match". */
export function docNumberHint(s: string): [string, string] | undefined {
  if (/[[\]【】()（）]/.test(s)) return ['年份应使用六角括号〔〕，不用 [ ]、【】或（）', 'the year takes hexagonal brackets 〔〕, not [ ], 【】 or ( )'];
  if (/〕\s*第/.test(s)) return ['序号前不加“第”', 'no 第 before the sequence number'];
  if (/〕\s*0\d*号/.test(s)) return ['序号不编虚位，不加前导零（写 5号，不写 05号）', 'no leading zeros in the sequence number (5号, not 05号)'];
  if (/〔\d{1,3}〕|〔\d{5,}〕/.test(s)) return ['年份应为四位数字', 'the year must have four digits'];
  if (!s.endsWith('号')) return ['应以“号”结尾', 'must end with 号'];
  return undefined;
}

/** The nearest valid key, when it is near enough to be a plausible typo. */
export function suggestKey(key: string, candidates: readonly string[]): string | undefined {
  if (candidates.length === 0) return undefined;
  const lower = candidates.find((c) => c.toLowerCase() === key.toLowerCase());
  if (lower) return lower;
  const best = closest(key, [...candidates]);
  return distance(key, best) <= Math.max(2, Math.floor(best.length * 0.4)) ? best : undefined;
}

/** A union failed: keep the branch that matches the input's kind (e.g. the string form of a docNumber). */
function pickUnionBranch(errors: Issue[][]): Issue[] | undefined {
  const relevant = errors.filter((branch) => !branch.every((i) => i.code === 'invalid_type' && i.path.length === 0));
  return relevant.length > 0 ? relevant[0] : undefined;
}

function unionExpected(errors: Issue[][]): string[] {
  const types = errors.flatMap((b) => b.filter((i) => i.code === 'invalid_type' && i.path.length === 0).map((i) => (i as z.core.$ZodIssueInvalidType).expected));
  return [...new Set(types)];
}

/** The code and parameters a refinement of ours put in `params` (src/schema/common.ts), if it is one. */
function refinement(issue: Issue): RefinementParams | undefined {
  if (issue.code !== 'custom') return undefined;
  const p: unknown = issue.params;
  return typeof p === 'object' && p !== null && 'code' in p && isDiagCode(p.code) ? (p as RefinementParams) : undefined;
}

export function issueToDiagnostics(issue: Issue, ctx: IssueContext, prefix: DataPath = []): Diagnostic[] {
  const path: DataPath = [...prefix, ...(issue.path as (string | number)[])];
  const at = (p: DataPath, pos?: Position): Where => ({ file: ctx.file, ...(pos ?? ctx.lineOf(p)) });
  const where = { field: pathText(path), fieldEn: pathTextEn(path) };
  const raw = valueAt(ctx.data, path);
  const text = typeof raw.value === 'string' ? raw.value : JSON.stringify(raw.value) ?? String(raw.value);

  switch (issue.code) {
    case 'unrecognized_keys': {
      const valid = knownKeys(ctx.schema, path);
      return issue.keys.map((key) => {
        const keyPath = [...path, key];
        const field = path.length ? where.field : '';
        return diag('schema.unknownKey', { key, field, fieldEn: where.fieldEn, suggestion: suggestKey(key, valid), valid }, at(keyPath, ctx.keyAt(keyPath)));
      });
    }
    case 'invalid_union': {
      const branch = pickUnionBranch(issue.errors);
      if (branch) return branch.flatMap((i) => issueToDiagnostics(i, ctx, path));
      const expected = unionExpected(issue.errors).map(typeName);
      const want = [expected.map((e) => e[0]).join('或'), expected.map((e) => e[1]).join(' or ')] as const;
      return [diag('schema.type', { ...where, want, got: typeName(kindOf(raw.value)) }, at(path))];
    }
    case 'invalid_type': {
      const want = typeName(issue.expected);
      if (!raw.exists && path.length > 0) return [diag('schema.required', { ...where, want }, at(path.slice(0, -1)))];
      if (raw.value === null && path.length === 0) return [diag('file.empty', at(path))];
      if (raw.value === null) return [diag('schema.required', { ...where, want, empty: true }, at(path))];
      // .inf and .nan are numbers to YAML but not to a report
      if (issue.expected === 'number' && typeof raw.value === 'number' && !Number.isFinite(raw.value)) return [diag('schema.notFinite', { ...where, value: String(raw.value) }, at(path))];
      if (issue.expected === 'int' && typeof raw.value === 'number') return [diag('schema.notInteger', { ...where, value: String(raw.value) }, at(path))];
      return [diag('schema.type', { ...where, want, got: typeName(kindOf(raw.value)) }, at(path))];
    }
    case 'invalid_value':
      return [diag('schema.enum', { ...where, value: text, options: issue.values.map(String) }, at(path))];
    case 'too_small':
    case 'too_big': {
      const small = issue.code === 'too_small';
      const params = { ...where, bound: String(small ? issue.minimum : issue.maximum), origin: issue.origin };
      return [small ? diag('schema.tooSmall', params, at(path)) : diag('schema.tooBig', params, at(path))];
    }
    default: {
      const own = refinement(issue);
      switch (own?.code) {
        case 'schema.date':
          return [diag('schema.date', { ...where, value: text, reason: own.reason, min: MIN_YEAR, max: MAX_YEAR }, at(path))];
        case 'schema.docNumber':
          return [diag('schema.docNumber', { ...where, value: text, hint: typeof raw.value === 'string' ? docNumberHint(raw.value) : undefined }, at(path))];
        case 'schema.controlChar':
          return [diag('schema.controlChar', { ...where, ch: own.ch }, at(path))];
        case 'schema.tableRow':
          return [diag('schema.tableRow', { ...where, cells: own.cells, columns: own.columns }, at(path))];
        case 'schema.tableWidths':
          return [diag('schema.tableWidths', { ...where, widths: own.widths, columns: own.columns }, at(path))];
        default: {
          // a refinement without a code of ours (e.g. a check another module adds): its message as written
          const [zh, en] = splitMessage(issue.message) ?? ['取值无效', issue.message];
          return [diag('schema.custom', { ...where, zh, en }, at(path))];
        }
      }
    }
  }
}
