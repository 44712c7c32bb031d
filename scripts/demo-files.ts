// Writes a synthetic county (county.yaml + one YAML per township) to disk: the demo data in data/示例县/2023/
// (scripts/make-demo-county.ts), the benchmark's counties and the roll-up tests' fixtures.
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { makeSyntheticCounty } from './demo-county.ts';

const DEMO_NOTE = '# 示例数据，非真实地名 / demo data, not real places';

function yamlFile(schema: string, data: unknown): string {
  // lineWidth 0: long Chinese paragraphs stay on one line, as a clerk would type them.
  const body = stringify(data, { lineWidth: 0 });
  return `# yaml-language-server: $schema=../../../schema/${schema}\n${DEMO_NOTE}\n${body}`;
}

function writeAtomic(path: string, text: string): void {
  const tmp = `${path}.tmp-${process.pid}`;
  writeFileSync(tmp, text);
  renameSync(tmp, path);
}

/** Writes the county into `dir`; returns the files written. */
export function writeDemoCounty(dir: string, n = 14, seed = 2023): string[] {
  const { county, reports } = makeSyntheticCounty(n, seed);
  mkdirSync(dir, { recursive: true });
  const written = [join(dir, 'county.yaml')];
  writeAtomic(written[0], yamlFile('county.schema.json', county));
  for (const rep of reports) {
    const file = join(dir, `${rep.township}.yaml`);
    writeAtomic(file, yamlFile('report.schema.json', rep));
    written.push(file);
  }
  return written;
}
