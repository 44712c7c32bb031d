// Writes the demo county data/示例县/2023/ (county.yaml + one YAML per township) from a fixed seed.
// Run: node bin/run-ts.js scripts/make-demo-county.ts [--n 14] [--seed 2023] [--out data/示例县/2023]
import { writeDemoCounty } from './demo-files.ts';

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}

const files = writeDemoCounty(arg('out', 'data/示例县/2023'), Number(arg('n', '14')), Number(arg('seed', '2023')));
process.stdout.write(`写入 ${files.length} 个文件 / wrote ${files.length} files\n`);
