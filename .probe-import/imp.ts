import { readFileSync } from 'node:fs';
import { stringify } from 'yaml';
import { importText } from '../src/import/index.ts';
const f = process.argv[2];
const r = importText(readFileSync(f, 'utf8'), { source: 'seeds/' + f.split('/').pop() });
console.log(stringify(r.report, { lineWidth: 0 }));
console.log(r.artefacts);
for (const n of r.notes) console.log(n.kind, n.zh);
