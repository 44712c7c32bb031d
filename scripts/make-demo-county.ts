// Writes the demo county data/示例县/2023/ (county.yaml + one YAML per township) from a fixed seed.
// Run: node bin/run-ts.js scripts/make-demo-county.ts [--n 14] [--seed 2023] [--out data/示例县/2023]
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { stringify } from 'yaml';
import { makeSyntheticCounty } from '../src/rollup/demo.ts';

export { makeSyntheticCounty, makeTownshipReport } from '../src/rollup/demo.ts';

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

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const files = writeDemoCounty(arg('out', 'data/示例县/2023'), Number(arg('n', '14')), Number(arg('seed', '2023')));
  process.stdout.write(`写入 ${files.length} 个文件 / wrote ${files.length} files\n`);
}
