// Child process for tests/fuzz.test.ts: runs the mutation cases through load and compose and prints one JSON
// line per case, so the parent can stop a case that hangs (a synchronous loop cannot be timed out in-process).
// Run: node bin/run-ts.js tests/fuzz-runner.ts <from> <to>
import { join } from 'node:path';
import { GongwenError } from '../src/diagnostics.ts';
import { loadReportText } from '../src/load/index.ts';
import { composeReport } from '../src/compose/report.ts';
import { ROOT } from './build-helpers.ts';
import { mutate } from './fuzz-mutations.ts';

export interface CaseResult {
  i: number;
  outcome: 'document' | 'refused';
  ms: number;
  problems: string[]; // anything but a clean diagnostic or a document
}

function runCase(i: number): CaseResult {
  const text = mutate(i);
  const file = `fuzz/case-${i}.yaml`;
  const problems: string[] = [];
  const t0 = performance.now();
  let outcome: CaseResult['outcome'] = 'refused';
  try {
    const res = loadReportText(text, file);
    if (res.ok) {
      try {
        const doc = composeReport(res.report, { baseDir: join(ROOT, 'data') });
        if (!doc.title) problems.push('composed a document without a title');
        outcome = 'document';
      } catch (e) {
        if (!(e instanceof GongwenError)) problems.push(`compose threw ${String(e)}`);
      }
    } else {
      if (res.diagnostics.length === 0) problems.push('refused without a diagnostic');
      for (const d of res.diagnostics) {
        if (!/^[a-z]+\.[A-Za-z]+/.test(d.code) || !d.zh || !d.en) problems.push(`malformed diagnostic ${JSON.stringify(d)}`);
        if (d.file !== file) problems.push(`diagnostic names another file: ${d.file}`);
      }
      // Every refusal points somewhere in the file the user can go to.
      if (!res.diagnostics.some((d) => d.severity === 'error' && (d.line ?? 0) >= 1)) {
        problems.push(`no error with a line: ${JSON.stringify(res.diagnostics[0])}`);
      }
    }
  } catch (e) {
    problems.push(`load threw ${e instanceof Error ? `${e.name}: ${e.message}` : String(e)}`);
  }
  // A __proto__ key must land as data, never on Object.prototype.
  if (({} as Record<string, unknown>).polluted !== undefined) problems.push('Object.prototype polluted');
  return { i, outcome, ms: Math.round(performance.now() - t0), problems };
}

const [from, to] = process.argv.slice(2).map(Number);
for (let i = from; i < to; i++) process.stdout.write(JSON.stringify(runCase(i)) + '\n');
