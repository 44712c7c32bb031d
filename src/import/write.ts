// Writes the imported report as YAML: the editor modeline first, keys in schema order, paragraphs unfolded.
import { dirname, relative, resolve, sep } from 'node:path';
import { stringify } from 'yaml';
import { writeFileAtomic } from '../pipeline/safeWrite.ts';
import { CATALOGUE } from '../schema/catalogue.ts';
import type { ImportedReport } from './index.ts';
import { TOOL_ROOT } from '../toolRoot.ts';

const SCHEMA_FILE = resolve(TOOL_ROOT, 'schema', 'report.schema.json');

/** `# yaml-language-server: $schema=../../schema/report.schema.json`, relative to where the YAML goes. */
export function modeline(outFile: string): string {
  const rel = relative(dirname(resolve(outFile)), SCHEMA_FILE).split(sep).join('/');
  return `# yaml-language-server: $schema=${rel}`;
}

/** Metrics in catalogue order, so two imports of similar reports list them alike. */
function orderedMetrics(report: ImportedReport): ImportedReport {
  if (!report.metrics) return report;
  const metrics: typeof report.metrics = {};
  for (const { key } of CATALOGUE) if (report.metrics[key]) metrics[key] = report.metrics[key];
  return { ...report, metrics };
}

export function reportYaml(report: ImportedReport, outFile: string): string {
  // lineWidth 0: a paragraph stays one line, as the clerk wrote it, and diffs stay readable.
  return `${modeline(outFile)}\n${stringify(orderedMetrics(report), { lineWidth: 0 })}`;
}

export async function writeReportYaml(report: ImportedReport, outFile: string): Promise<void> {
  await writeFileAtomic(outFile, reportYaml(report, outFile));
}
