// Errors are values: a code, a message in Chinese and English, and a source position.
// The library returns or throws these; only the CLI prints them and sets the exit code.

export type Severity = 'error' | 'warning';

export interface Diagnostic {
  code: string; // stable, e.g. yaml.syntax, schema.unknownKey, font.missingGlyph
  severity: Severity;
  zh: string;
  en: string;
  file?: string;
  line?: number; // 1-based
  col?: number; // 1-based
  related?: { file?: string; line?: number; col?: number; zh: string; en: string }[];
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

export function diag(code: string, zh: string, en: string, where: Partial<Diagnostic> = {}): Diagnostic {
  return { code, severity: 'error', zh, en, ...where };
}

function position(file?: string, line?: number, col?: number): string {
  if (!file) return '';
  return line ? `${file}:${line}:${col ?? 1}: ` : `${file}: `;
}

export function formatDiagnostic(d: Diagnostic): string {
  const tag = d.severity === 'error' ? '错误 error' : '警告 warning';
  let out = `${position(d.file, d.line, d.col)}${tag} [${d.code}] ${d.zh} / ${d.en}`;
  for (const r of d.related ?? []) out += `\n  ${position(r.file, r.line, r.col)}${r.zh} / ${r.en}`;
  return out;
}
