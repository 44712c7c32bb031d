import { extractFacts } from '../src/metrics/extract.ts';
import { readFileSync } from 'node:fs';
const f = process.argv[2];
const t = f.endsWith('.txt') ? readFileSync(f, 'utf8') : f;
for (const x of extractFacts(t)) console.log(x.key ?? '-', x.value, x.unit, x.qualifier ?? '', '|', x.source, '|', x.label);
