// The documents the goldens pin (tests/golden.test.ts) and the profile-sensitivity test perturbs
// (tests/golden-profile.test.ts): every seed in every variant, the demo county's roll-up, a fixture
// with the parts the seeds do not have, and a report whose attachments carry content (tests/fixtures/golden/).
import { readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { Gongwen } from '../../src/compose/model.ts';
import { composeReport } from '../../src/compose/report.ts';
import { composeRollup } from '../../src/compose/rollup.ts';
import { loadReportFile } from '../../src/load/index.ts';
import { rollupCounty } from '../../src/rollup/index.ts';
import { VARIANTS } from '../../src/schema/report.ts';
import type { Report } from '../../src/schema/report.ts';

const REPO = resolve(import.meta.dirname, '..', '..');
export const SEEDS = join(REPO, 'data', 'seeds');
export const DEMO_COUNTY = join(REPO, 'data', '示例县', '2023');
export const FIXTURE = join(REPO, 'tests', 'fixtures', 'golden', '联合行文-2023.yaml');
/** A township report with two attachments that carry content: paragraphs, and a table over two pages. */
export const ATTACHMENTS = join(REPO, 'tests', 'fixtures', 'golden', '青石镇-2023.yaml');

export interface GoldenDoc {
  name: string; // file name of its goldens, without extension
  doc: Gongwen;
  draft: boolean;
}

function loadReport(file: string): Report {
  const r = loadReportFile(file);
  if (!r.ok) throw new Error(r.diagnostics.map((d) => d.zh).join('\n'));
  return r.report;
}

const stem = (file: string) => file.replace(/^.*\//, '').replace(/\.yaml$/, '');

export function goldenDocs(): GoldenDoc[] {
  const docs: GoldenDoc[] = [];
  const seeds = readdirSync(SEEDS).filter((f) => f.endsWith('.yaml')).sort();
  for (const f of seeds) {
    const report = loadReport(join(SEEDS, f));
    for (const variant of VARIANTS) docs.push({ name: `${stem(f)}-${variant}`, doc: composeReport(report, { baseDir: SEEDS, variant }), draft: false });
  }
  const fixture = loadReport(FIXTURE);
  for (const variant of VARIANTS) {
    docs.push({ name: `${stem(FIXTURE)}-${variant}`, doc: composeReport(fixture, { baseDir: dirname(FIXTURE), variant }), draft: false });
  }
  // --draft: a dashed circle where each seal goes (the fixture's organs without their seal images).
  const unsealed: Report = { ...fixture, issuingOrgans: fixture.issuingOrgans.map(({ seal: _, ...o }) => o) };
  docs.push({ name: `${stem(FIXTURE)}-file-up-draft`, doc: composeReport(unsealed, { baseDir: dirname(FIXTURE), variant: 'file-up' }), draft: true });
  const withAttachments = loadReport(ATTACHMENTS);
  for (const variant of ['file-up', 'plain'] as const) {
    docs.push({ name: `${stem(ATTACHMENTS)}-${variant}`, doc: composeReport(withAttachments, { baseDir: dirname(ATTACHMENTS), variant }), draft: false });
  }
  const summary = rollupCounty(DEMO_COUNTY);
  docs.push({ name: '示例县-2023-rollup-file-down', doc: composeRollup(summary, { variant: 'file-down' }), draft: false });
  docs.push({ name: '示例县-2023-rollup-plain', doc: composeRollup(summary, { variant: 'plain' }), draft: false });
  return docs;
}
