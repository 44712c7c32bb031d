// zod issues → diagnostics in Chinese and English, each at the YAML position of the value, key or parent mapping.
import { z } from 'zod';
import { closest, distance } from 'fastest-levenshtein';
import type { Diagnostic } from '../diagnostics.ts';
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

const TYPE_NAMES: Record<string, [string, string]> = {
  string: ['文本', 'a string'],
  number: ['数字', 'a number'],
  int: ['整数', 'an integer'],
  boolean: ['布尔值（true 或 false）', 'a boolean (true or false)'],
  array: ['列表（每项以“- ”开头）', 'a list (items starting with "- ")'],
  object: ['映射（“键: 值”）', 'a mapping ("key: value")'],
  null: ['空值', 'null'],
  undefined: ['空', 'nothing'],
};

function typeName(t: string): [string, string] {
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

export function issueToDiagnostics(issue: Issue, ctx: IssueContext, prefix: DataPath = []): Diagnostic[] {
  const path: DataPath = [...prefix, ...(issue.path as (string | number)[])];
  const at = (p: DataPath, pos?: Position): Partial<Diagnostic> => ({ file: ctx.file, ...(pos ?? ctx.lineOf(p)) });
  const field = pathText(path);
  const fieldEn = pathTextEn(path);
  const raw = valueAt(ctx.data, path);

  switch (issue.code) {
    case 'unrecognized_keys': {
      const valid = knownKeys(ctx.schema, path);
      return issue.keys.map((key) => {
        const suggestion = suggestKey(key, valid);
        const keyPath = [...path, key];
        const hintZh = suggestion ? `，是否应为“${suggestion}”？` : valid.length ? `；可用的键：${valid.slice(0, 12).join('、')}${valid.length > 12 ? '…' : ''}` : '';
        const hintEn = suggestion ? `; did you mean "${suggestion}"?` : valid.length ? `; valid keys: ${valid.slice(0, 12).join(', ')}${valid.length > 12 ? ', …' : ''}` : '';
        return {
          code: 'schema.unknownKey',
          severity: 'error',
          zh: `未知的键“${key}”（位于${path.length ? ` ${field}` : '文件顶层'}）${hintZh}`,
          en: `unknown key "${key}" in ${fieldEn}${hintEn}`,
          ...at(keyPath, ctx.keyAt(keyPath)),
        };
      });
    }
    case 'invalid_union': {
      const branch = pickUnionBranch(issue.errors);
      if (branch) return branch.flatMap((i) => issueToDiagnostics(i, ctx, path));
      const expected = unionExpected(issue.errors).map(typeName);
      const got = typeName(kindOf(raw.value));
      return [{
        code: 'schema.type',
        severity: 'error',
        zh: `“${field}”的类型不对：应为${expected.map((e) => e[0]).join('或')}，实际为${got[0]}`,
        en: `wrong type at ${fieldEn}: expected ${expected.map((e) => e[1]).join(' or ')}, got ${got[1]}`,
        ...at(path),
      }];
    }
    case 'invalid_type': {
      const [wantZh, wantEn] = typeName(issue.expected);
      if (!raw.exists && path.length > 0) {
        const parent = path.slice(0, -1);
        return [{
          code: 'schema.required',
          severity: 'error',
          zh: `缺少必填字段“${field}”（${wantZh}）`,
          en: `missing required field "${fieldEn}" (${wantEn})`,
          ...at(parent),
        }];
      }
      if (raw.value === null && path.length === 0) {
        return [{ code: 'file.empty', severity: 'error', zh: '文件没有内容', en: 'the file is empty', ...at(path) }];
      }
      if (raw.value === null) {
        return [{
          code: 'schema.required',
          severity: 'error',
          zh: `“${field}”没有填写内容，应为${wantZh}`,
          en: `"${fieldEn}" is empty; expected ${wantEn}`,
          ...at(path),
        }];
      }
      const [gotZh, gotEn] = typeName(kindOf(raw.value));
      const numberish = issue.expected === 'int' && typeof raw.value === 'number';
      return [{
        code: 'schema.type',
        severity: 'error',
        zh: numberish ? `“${field}”应为整数，实际为 ${String(raw.value)}` : `“${field}”的类型不对：应为${wantZh}，实际为${gotZh}`,
        en: numberish ? `"${fieldEn}" must be an integer, got ${String(raw.value)}` : `wrong type at ${fieldEn}: expected ${wantEn}, got ${gotEn}`,
        ...at(path),
      }];
    }
    case 'invalid_value': {
      const options = issue.values.map(String);
      const text = typeof raw.value === 'string' ? raw.value : JSON.stringify(raw.value);
      return [{
        code: 'schema.enum',
        severity: 'error',
        zh: `“${field}”的值“${text}”无效，应为以下之一：${options.join('、')}`,
        en: `invalid value "${text}" at ${fieldEn}; expected one of: ${options.join(', ')}`,
        ...at(path),
      }];
    }
    case 'too_small':
    case 'too_big': {
      const own = splitMessage(issue.message);
      const bound = String(issue.code === 'too_small' ? issue.minimum : issue.maximum);
      const small = issue.code === 'too_small';
      const [zh, en] = own ?? (issue.origin === 'array'
        ? [small ? `至少需要 ${bound} 项` : `最多 ${bound} 项`, small ? `needs at least ${bound} item(s)` : `at most ${bound} item(s)`]
        : issue.origin === 'string'
          ? [small ? `至少 ${bound} 个字符` : `最多 ${bound} 个字符`, small ? `at least ${bound} character(s)` : `at most ${bound} character(s)`]
          : [small ? `应不小于 ${bound}` : `应不大于 ${bound}`, small ? `must be at least ${bound}` : `must be at most ${bound}`]);
      return [{ code: small ? 'schema.tooSmall' : 'schema.tooBig', severity: 'error', zh: `“${field}”：${zh}`, en: `${fieldEn}: ${en}`, ...at(path) }];
    }
    default: {
      // custom refinements and formats: our schemas carry their own bilingual message
      const own = splitMessage(issue.message) ?? ['取值无效', issue.message];
      const code = own[0].includes('日期') ? 'schema.date' : own[0].includes('发文字号') ? 'schema.docNumber' : 'schema.format';
      let [zh, en] = own;
      if (code === 'schema.docNumber' && typeof raw.value === 'string') {
        const hint = docNumberHint(raw.value);
        if (hint) [zh, en] = [`${hint[0]}。${zh}`, `${hint[1]}; ${en}`];
      }
      const shown = typeof raw.value === 'string' ? `的值“${raw.value}”` : '';
      return [{ code, severity: 'error', zh: `“${field}”${shown}：${zh}`, en: `${fieldEn}${shown ? ` "${raw.value as string}"` : ''}: ${en}`, ...at(path) }];
    }
  }
}
