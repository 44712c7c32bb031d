// Errors are values: a code, a message in Chinese and English, and a source position.
// The library returns or throws these; only the CLI prints them and sets the exit code.
// Messages are written in one place, src/messages.ts, keyed by the closed set of codes.
import { render, takesParams, type DiagArgs, type DiagCode } from './messages.ts';

export type { DiagCode } from './messages.ts';
export type Severity = 'error' | 'warning';

export interface Related {
  file?: string;
  line?: number;
  col?: number;
  zh: string;
  en: string;
}

export interface Diagnostic {
  code: DiagCode; // stable, e.g. yaml.syntax, schema.unknownKey, font.missingGlyph
  severity: Severity;
  zh: string;
  en: string;
  file?: string;
  line?: number; // 1-based
  col?: number; // 1-based
  related?: Related[];
  /**
   * Where in the YAML data the problem is, when the code that found it (the typesetter, a writer) knows the data
   * path but not the file: resolved to file:line:col by placeDiagnostics (src/load/positions.ts).
   */
  path?: readonly (string | number)[];
}

/** Thrown for expected failures (bad input, missing files); carries diagnostics, never a stack for the user. */
export class GongwenError extends Error {
  readonly diagnostics: Diagnostic[];
  constructor(diagnostics: Diagnostic | Diagnostic[]) {
    const list = Array.isArray(diagnostics) ? diagnostics : [diagnostics];
    super(list.map(formatDiagnostic).join('\n'));
    this.diagnostics = list;
  }
}

/** Where a diagnostic points, and its severity when it is only a warning. */
export type Where = Partial<Pick<Diagnostic, 'file' | 'line' | 'col' | 'related' | 'severity' | 'path'>>;

/** A diagnostic of `code`, its message rendered from the code's parameters: `diag('seal.missing', { path }, { file })`. */
export function diag<C extends DiagCode>(code: C, ...rest: [...DiagArgs<C>, Where?]): Diagnostic {
  const params = takesParams(code) ? rest.slice(0, 1) : [];
  const where = rest[params.length] as Where | undefined;
  const [zh, en] = render(code, ...(params as DiagArgs<C>));
  return { code, severity: 'error', zh, en, ...where };
}

/** A related line ("the seal path is set here") with a message from the catalogue. */
export function related<C extends DiagCode>(code: C, ...rest: [...DiagArgs<C>, Omit<Related, 'zh' | 'en'>?]): Related {
  const d = diag(code, ...(rest as [...DiagArgs<C>, Where?]));
  return { file: d.file, line: d.line, col: d.col, zh: d.zh, en: d.en };
}

/**
 * Runs `fn` for the part of the data at `src` (a block's data path): the errors it throws that carry no position
 * are given that path, before any path they carry relative to it (a table's ['table', 'rows', 3]). Not nested:
 * the typesetter wraps each block once.
 */
export function atSource<T>(src: readonly (string | number)[] | undefined, fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (!src || !(e instanceof GongwenError)) throw e;
    throw new GongwenError(e.diagnostics.map((d) => (d.line !== undefined ? d : { ...d, path: [...src, ...(d.path ?? [])] })));
  }
}

export function warning<C extends DiagCode>(code: C, ...rest: [...DiagArgs<C>, Where?]): Diagnostic {
  return { ...diag(code, ...rest), severity: 'warning' };
}

function position(file?: string, line?: number, col?: number): string {
  if (!file) return '';
  return line ? `${file}:${line}:${col ?? 1}: ` : `${file}: `;
}

/** A data path as a reader finds it in the YAML: body[2].table.rows[3]. */
export function pathText(path: readonly (string | number)[]): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
}

export function formatDiagnostic(d: Diagnostic): string {
  const tag = d.severity === 'error' ? '错误 error' : '警告 warning';
  // A data path nobody resolved to a line (a caller without the YAML at hand) is still named.
  const where = d.line === undefined && d.path?.length ? `${pathText(d.path)}: ` : '';
  let out = `${position(d.file, d.line, d.col)}${where}${tag} [${d.code}] ${d.zh} / ${d.en}`;
  for (const r of d.related ?? []) out += `\n  ${position(r.file, r.line, r.col)}${r.zh} / ${r.en}`;
  return out;
}

/** The machine-readable form, for `validate --json`: one object per diagnostic, positions as numbers. */
export function diagnosticJson(d: Diagnostic): Record<string, unknown> {
  return { file: d.file ?? null, line: d.line ?? null, col: d.col ?? null, severity: d.severity, code: d.code, zh: d.zh, en: d.en, related: d.related ?? [] };
}
