import { parseDocument, LineCounter, isMap, isSeq, isScalar, isPair } from 'yaml';
const lc = new LineCounter();
const t = 'a: 1\nb:\n  - x\n  - y\na: 2\nc: [1, 2\n';
const d = parseDocument(t, { lineCounter: lc, uniqueKeys: true, prettyErrors: false });
for (const e of d.errors) console.log(e.code, e.message, e.pos, e.linePos);
const bomb = 'a: &a [x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: [*d,*d,*d,*d,*d,*d,*d,*d,*d]\n';
const d2 = parseDocument(bomb, {});
try { d2.toJS({ maxAliasCount: 100 }); console.log('no throw'); } catch (e) { console.log((e as Error).name, (e as Error).message); }
const d3 = parseDocument('x: |\n  hello\n  world\ny: "a\\u4e00"\nz:\n', { lineCounter: lc });
console.log(JSON.stringify(d3.contents), (d3.contents as any).items.map((p: any) => [p.key.range, p.value?.range, p.value?.type]));
