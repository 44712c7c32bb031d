// parseYamlWithSchema: YAML text → typed data, or diagnostics at file:line:col. The one path every data file takes.
import { LineCounter, parseDocument, visit, type Document, type YAMLError } from 'yaml';
import type { z } from 'zod';
import { diag, type Diagnostic } from '../diagnostics.ts';
import { shown } from '../messages.ts';
import { issueToDiagnostics } from './issues.ts';
import { keyPosition, lineOfTree, sortByPosition, type DataPath, type Position, type PositionTree } from './positions.ts';

export { sortByPosition };
import { positionTree } from './positionTree.ts';

/** Aliases are legal YAML but no report needs many; a few nested ones can expand to gigabytes ("billion laughs"). */
export const MAX_ALIAS_COUNT = 100;

/**
 * Flow brackets opened in a row. No report nests lists ten deep; a run of thousands ([[[[…) makes the YAML parser
 * report an error per bracket, seconds of work and megabytes of messages, so it is refused before parsing.
 */
export const MAX_FLOW_NESTING = 64;
const DEEP_FLOW = new RegExp(`(?:[[{]\\s*){${MAX_FLOW_NESTING + 1}}`);

export type ParseResult<T> =
  | { ok: true; data: T; warnings: Diagnostic[]; file: string; lineOf: (path: DataPath) => Position; positions: PositionTree | null }
  | { ok: false; diagnostics: Diagnostic[] };

// Chinese explanations of the YAML errors a clerk meets; yaml's English message is kept beside it.
const YAML_ERRORS_ZH: Record<string, string> = {
  DUPLICATE_KEY: '键重复：同一层级里这个键出现了两次',
  BAD_INDENT: '缩进不对',
  TAB_AS_INDENT: '缩进里有制表符（Tab），请改用空格',
  MISSING_CHAR: '缺少字符（括号或引号没有配对？）',
  MULTILINE_IMPLICIT_KEY: '键不能跨行（冒号后是否少了空格，或缩进不对？）',
  BLOCK_AS_IMPLICIT_KEY: '键的写法不对（冒号后是否少了空格？）',
  UNEXPECTED_TOKEN: '此处出现了意外的字符',
  BAD_SCALAR_START: '值不能以此字符开头，请给它加引号',
  MULTIPLE_DOCS: '一个文件只能有一份文档（多了一个 ---）',
  BAD_DQ_ESCAPE: '双引号里的转义写法不对',
  MISSING_ANCHOR: '引用了不存在的锚点（*名称）',
  KEY_OVER_1024_CHARS: '键太长',
  IMPOSSIBLE: '无法解析',
};

function yamlErrorDiagnostic(e: YAMLError, file: string, counter: LineCounter, severity: 'error' | 'warning'): Diagnostic {
  const { line, col } = counter.linePos(e.pos[0]);
  // yaml appends " at line X, column Y:" and a code frame; the position is printed separately
  const en = e.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
  const zh = YAML_ERRORS_ZH[e.code] ?? 'YAML 语法错误';
  const code = e.code === 'DUPLICATE_KEY' ? 'yaml.duplicateKey' : severity === 'error' ? 'yaml.syntax' : 'yaml.warning';
  return diag(code, { zh, en: `${shown(en, 200)} (${e.code})` }, { severity, file, line, col });
}

/**
 * `upgrade` may rewrite the parsed document before it is read (an older data form into the current
 * one); the nodes it keeps carry their source ranges, so positions stay those of the file.
 */
export function parseYamlWithSchema<S extends z.ZodType>(source: string, file: string, schema: S, upgrade?: (doc: Document) => unknown): ParseResult<z.output<S>> {
  // Old Mac line ends (CR alone) are line ends to an editor but not to the YAML parser, which would read the
  // whole file as its first line; lines and columns stay as the editor shows them.
  const text = source.replace(/\r\n?/g, '\n');
  const counter = new LineCounter();
  const deep = DEEP_FLOW.exec(text);
  if (deep) {
    counter.addNewLine(0);
    for (let at = text.indexOf('\n'); at >= 0 && at < deep.index; at = text.indexOf('\n', at + 1)) counter.addNewLine(at + 1);
    return { ok: false, diagnostics: [diag('yaml.tooDeep', { limit: MAX_FLOW_NESTING }, { file, ...counter.linePos(deep.index) })] };
  }
  const doc = parseDocument(text, { lineCounter: counter, uniqueKeys: true, prettyErrors: false });
  const warnings = doc.warnings.map((w) => yamlErrorDiagnostic(w, file, counter, 'warning'));
  if (doc.errors.length > 0) {
    return { ok: false, diagnostics: [...doc.errors.map((e) => yamlErrorDiagnostic(e, file, counter, 'error')), ...warnings] };
  }
  upgrade?.(doc);
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (e) {
    if (e instanceof ReferenceError && !/excessive alias/i.test(e.message)) {
      // *name with no &name anchor: yaml only notices when building the data
      return { ok: false, diagnostics: [diag('yaml.syntax', { zh: '引用了不存在的锚点（使用 *名称 之前需先用 &名称 定义）', en: e.message }, { file, ...unresolvedAlias(doc, counter) })] };
    }
    if (e instanceof ReferenceError) {
      return {
        ok: false,
        diagnostics: [diag('yaml.aliasBomb', { limit: MAX_ALIAS_COUNT }, { file, line: 1, col: 1 })],
      };
    }
    throw e;
  }
  const positions = positionTree(doc, counter);
  const lineOf = lineOfTree(positions);
  const result = schema.safeParse(data);
  if (!result.success) {
    const ctx = { file, schema, data, lineOf, keyAt: (p: DataPath) => keyPosition(positions, p) };
    const diagnostics = result.error.issues.flatMap((i) => issueToDiagnostics(i, ctx));
    return { ok: false, diagnostics: [...sortByPosition(lastOfEachPlace(diagnostics)), ...warnings] };
  }
  return { ok: true, data: result.data, warnings, file, lineOf, positions };
}

function unresolvedAlias(doc: Document, counter: LineCounter): { line: number; col: number } {
  let offset = 0;
  visit(doc, {
    Alias(_, node) {
      if (node.resolve(doc) === undefined && node.range) {
        offset = node.range[0];
        return visit.BREAK;
      }
      return undefined; // go on visiting
    },
  });
  const { line, col } = counter.linePos(offset);
  return { line, col };
}

/**
 * One diagnostic per code and place: a value can fail two bounds of one kind (an integer's implicit safe-integer
 * maximum, then the schema's own), and the schema's own, checked last, is the one to tell.
 */
function lastOfEachPlace(list: Diagnostic[]): Diagnostic[] {
  const byPlace = new Map<string, Diagnostic>();
  for (const d of list) byPlace.set(`${d.line}:${d.col}:${d.code}`, d);
  return [...byPlace.values()];
}
