// The import report (<name>.import.md): every uncertainty of an import, for the clerk who checks the YAML.
import type { ImportResult } from './index.ts';
import type { NoteKind } from './types.ts';

const SECTIONS: [NoteKind[], string][] = [
  [['missingField', 'missingPart'], '缺少的内容（请补全） / missing: fill these in'],
  [['given'], '由命令行或 county.yaml 给出的内容 / given on the command line or by county.yaml'],
  [['inferred'], '推断的内容（请核对） / inferred values'],
  [['covers'], '各章对应的法定部分（covers，推断，请核对） / statutory parts each chapter covers (guessed)'],
  [['numbering'], '标题编号（原样保留） / heading numbers (kept as written)'],
  [['closing', 'headingGuess', 'structure', 'table'], '结构 / structure'],
  [['damage'], '疑似损坏的文字（未改动） / suspected damaged text (left as is)'],
  [['conflictingMetric'], '指标冲突 / conflicting metrics'],
  [['unmatchedNumber'], '未对应指标目录的数字 / numbers matching no metric'],
];

const at = (line?: number): string => (line ? `（第 ${line} 行 / line ${line}）` : '');

export function importReportMarkdown(sourceName: string, result: ImportResult): string {
  const out: string[] = [`# 导入报告 / import report: ${sourceName}`, ''];
  const metrics = Object.keys(result.report.metrics ?? {}).length;
  out.push(`- 导入指标 ${metrics} 项 / ${metrics} metrics imported`);
  out.push(`- 移除的附带标记 ${result.artefacts.length} 处 / ${result.artefacts.length} artefacts removed`);
  out.push(`- 待核对事项 ${result.notes.length} 条 / ${result.notes.length} notes`, '');
  if (result.artefacts.length > 0) {
    out.push('## 已移除的附带标记 / removed artefacts', '');
    for (const a of result.artefacts) out.push(`- 第 ${a.line} 行${a.col ? ` 第 ${a.col} 列` : ''}：\`${a.text.trim()}\` — ${a.reason}`);
    out.push('');
  }
  for (const [kinds, title] of SECTIONS) {
    const notes = result.notes.filter((n) => kinds.includes(n.kind));
    if (notes.length === 0) continue;
    out.push(`## ${title}`, '');
    for (const n of notes) out.push(`- ${n.zh}${at(n.line)} / ${n.en}`);
    out.push('');
  }
  return out.join('\n');
}

/** One line per kind of note, for stderr. */
export function importSummary(sourceName: string, result: ImportResult): string {
  const counts = new Map<NoteKind, number>();
  for (const n of result.notes) counts.set(n.kind, (counts.get(n.kind) ?? 0) + 1);
  const parts = [...counts].map(([k, n]) => `${k} ${n}`).join(', ');
  return `${sourceName}: ${result.artefacts.length} artefact(s) removed; ${parts || 'nothing uncertain'}`;
}
