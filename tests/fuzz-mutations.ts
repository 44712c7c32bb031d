// Deterministic mutations of the real report YAML files, for tests/fuzz.test.ts: broken syntax, wrong types,
// huge strings, deep nesting, odd Unicode, __proto__ keys, seal paths outside the project, alias bombs.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isMap, isScalar, isSeq, parseDocument, type Node } from 'yaml';
import { ROOT } from './build-helpers.ts';

/** mulberry32: the same case number always gives the same mutation. */
function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, int: (n: number) => Math.floor(next() * n), pick: <T,>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)] };
}
type Rng = ReturnType<typeof rng>;

// The seeds: every report YAML in data/ (the imported seed reports and the demo county).
function reportFiles(dir: string): string[] {
  return (readdirSync(dir, { recursive: true }) as string[])
    .filter((f) => /\.ya?ml$/.test(f) && !f.endsWith('county.yaml'))
    .sort()
    .map((f) => join(dir, f));
}
export const SEEDS = reportFiles(join(ROOT, 'data')).map((f) => readFileSync(f, 'utf8'));

const TOKENS = [':', ': ', '- ', '[', ']', '{', '}', '"', "'", '\t', '\n', '&a ', '*a', '*nope', '!!binary ', '!!js/function ', '? ', '|', '>', '%YAML 1.1\n', '@', '`', '#', ',', '---\n', '...\n', '<<: *a\n'];
const ODD = ['\u200b', '\u202e', '\ufeff', '\u0000', '\ud800', '\udfff', '\u{20000}', '\u{1F600}', 'e\u0301', '\u3000', '\uffff', '\u007f', '\u2028', '\u0085', '〔', '𠮷', '\u00a0', '\r', '\r\n'];
const SEALS = ['../../etc/passwd', '/etc/shadow', '/dev/zero', '/dev/urandom', '../../../../../../../../etc/hosts', 'C:\\Windows\\seal.png', '.', '/', '~/.ssh/id_rsa', 'seal\u0000.png', 'x'.repeat(5000), '/proc/self/mem', 'http://example.com/seal.png'];
const WRONG: unknown[] = [42, -1, 1e308, Number.NaN, true, null, [], {}, '', 'x', [[[]]], { a: 1 }, '2023-02-30', -0];

/** Every node path in a parsed document, so a data mutation can aim anywhere. */
function paths(node: Node | null | undefined, prefix: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  if (isMap(node)) for (const p of node.items) {
    const k = isScalar(p.key) ? String(p.key.value) : String(p.key);
    out.push([...prefix, k]);
    paths(p.value as Node, [...prefix, k], out);
  } else if (isSeq(node)) node.items.forEach((it, i) => {
    out.push([...prefix, i]);
    paths(it as Node, [...prefix, i], out);
  });
  return out;
}

function dataMutation(text: string, r: Rng): string {
  const doc = parseDocument(text);
  if (doc.errors.length) return text + r.pick(TOKENS);
  const all = paths(doc.contents as Node);
  const at = all.length ? r.pick(all) : ['township'];
  const maps = all.filter((p) => isMap(doc.getIn(p, true)));
  try {
    return applyDataMutation(doc, r, at, maps);
  } catch {
    return text + r.pick(TOKENS); // the path no longer fits this document's shape (setIn into a scalar)
  }
}

function applyDataMutation(doc: ReturnType<typeof parseDocument>, r: Rng, at: (string | number)[], maps: (string | number)[][]): string {
  switch (r.int(6)) {
    case 0: doc.setIn(at, doc.createNode(r.pick(WRONG))); break;
    case 1: { // a huge string, kept under the loader's 2 MB file limit as UTF-8
      const unit = r.pick(['A', '法', '，', '😀', '一二三四五六七八九十']);
      doc.setIn(at, unit.repeat(Math.ceil(r.pick([10_000, 100_000, 600_000]) / Buffer.byteLength(unit))));
      break;
    }
    case 2: { // deep nesting through the schema's own recursion (sections in sections), written as flow YAML
      const n = r.pick([50, 300, 2000]);
      const deep = '{heading: 层, body: ['.repeat(n) + '{heading: 深}' + ']}'.repeat(n);
      doc.addIn(['body'], doc.createNode('@@DEEP@@'));
      return doc.toString({ lineWidth: 0 }).replace(/['"]?@@DEEP@@['"]?/, deep);
    }
    case 3: doc.setIn([...(maps.length ? r.pick(maps) : []), r.pick(['__proto__', 'constructor', 'prototype', '__defineGetter__'])], doc.createNode({ polluted: 'yes', prototype: { polluted: 'yes' } })); break;
    case 4: doc.setIn(['issuingOrgans', 0, 'seal'], r.pick(SEALS)); doc.setIn(['variant'], 'file-up'); break;
    default: doc.deleteIn(at);
  }
  return doc.toString({ lineWidth: 0 });
}

function textMutation(text: string, r: Rng): string {
  const at = r.int(text.length + 1);
  const lines = text.split('\n');
  const li = r.int(lines.length);
  switch (r.int(8)) {
    case 0: return text.slice(0, at) + text.slice(at + 1 + r.int(20));
    case 1: return text.slice(0, at) + r.pick(TOKENS) + text.slice(at);
    case 2: return text.slice(0, at); // truncated mid-file
    case 3: lines.splice(li, 0, lines[li]); return lines.join('\n'); // duplicate key
    case 4: lines[li] = ' '.repeat(1 + r.int(3)) + lines[li]; return lines.join('\n');
    case 5: [lines[li], lines[0]] = [lines[0], lines[li]]; return lines.join('\n');
    case 6: return text.slice(0, at) + r.pick(ODD).repeat(1 + r.int(3)) + text.slice(at);
    default: { // deep flow nesting in the YAML syntax itself, and alias bombs
      const depth = r.pick([100, 1000, 10_000]);
      return r.int(2)
        ? text.replace(/^body:.*$/m, `body: ${'['.repeat(depth)}x${']'.repeat(depth)}`)
        : `a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: [*d,*d,*d,*d,*d,*d,*d,*d,*d]\n` + text;
    }
  }
}

export function mutate(i: number): string {
  const r = rng(i * 2654435761 + 17);
  let text = SEEDS[i % SEEDS.length];
  for (let k = 0, n = 1 + r.int(3); k < n; k++) text = r.int(2) ? textMutation(text, r) : dataMutation(text, r);
  return text;
}

