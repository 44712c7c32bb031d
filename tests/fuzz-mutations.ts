// Deterministic mutations of the real report YAML files, for tests/fuzz.test.ts: broken syntax, wrong types,
// huge strings, deep nesting, odd Unicode, __proto__ keys, seal paths outside the project, alias bombs.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isCollection, isMap, isScalar, isSeq, parseDocument } from 'yaml';
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
type Path = (string | number)[];
type Doc = ReturnType<typeof parseDocument>;

export const SEEDS = reportFiles(join(ROOT, 'data')).map((f) => readFileSync(f, 'utf8'));

/** Each seed parsed once: the first mutation of a case starts from a copy, which is far cheaper than a parse. */
const parsedSeeds = new Map<string, Doc>();
function parse(text: string): Doc {
  if (!SEEDS.includes(text)) return parseDocument(text);
  let doc = parsedSeeds.get(text);
  if (!doc) parsedSeeds.set(text, (doc = parseDocument(text)));
  return doc.clone();
}

const TOKENS = [':', ': ', '- ', '[', ']', '{', '}', '"', "'", '\t', '\n', '&a ', '*a', '*nope', '!!binary ', '!!js/function ', '? ', '|', '>', '%YAML 1.1\n', '@', '`', '#', ',', '---\n', '...\n', '<<: *a\n'];
const ODD = ['\u200b', '\u202e', '\ufeff', '\u0000', '\ud800', '\udfff', '\u{20000}', '\u{1F600}', 'e\u0301', '\u3000', '\uffff', '\u007f', '\u2028', '\u0085', '〔', '𠮷', '\u00a0', '\r', '\r\n'];
const SEALS = ['../../etc/passwd', '/etc/shadow', '/dev/zero', '/dev/urandom', '../../../../../../../../etc/hosts', 'C:\\Windows\\seal.png', '.', '/', '~/.ssh/id_rsa', 'seal\u0000.png', 'x'.repeat(5000), '/proc/self/mem', 'http://example.com/seal.png'];
const WRONG: unknown[] = [42, -1, 1e308, Number.NaN, true, null, [], {}, '', 'x', [[[]]], { a: 1 }, '2023-02-30', -0];

/**
 * Every node path in a parsed document, so a data mutation can aim anywhere, with the node `doc.getIn(path, true)`
 * finds there. That node is found level by level on the way down, exactly as getIn finds it (the first of
 * duplicate keys, a number key asked for by its string): asking getIn from the root for every path cost a quarter
 * of the time spent making the mutations.
 */
function paths(doc: Doc): { path: Path; found: unknown }[] {
  const out: { path: Path; found: unknown }[] = [];
  const walk = (node: unknown, found: unknown, prefix: Path) => {
    const step = (key: string | number, child: unknown) => {
      const path = [...prefix, key];
      const at = isCollection(found) ? found.get(key, true) : undefined;
      out.push({ path, found: at });
      walk(child, at, path);
    };
    if (isMap(node)) for (const p of node.items) step(isScalar(p.key) ? String(p.key.value) : String(p.key), p.value);
    else if (isSeq(node)) node.items.forEach((it, i) => step(i, it));
  };
  walk(doc.contents, doc.contents, []);
  return out;
}

function dataMutation(text: string, r: Rng): string {
  const doc = parse(text);
  if (doc.errors.length) return text + r.pick(TOKENS);
  const found = paths(doc);
  const all = found.map((f) => f.path);
  const at = all.length ? r.pick(all) : ['township'];
  const maps = found.filter((f) => isMap(f.found)).map((f) => f.path);
  try {
    return applyDataMutation(doc, r, at, maps);
  } catch {
    return text + r.pick(TOKENS); // the path no longer fits this document's shape (setIn into a scalar)
  }
}

function applyDataMutation(doc: Doc, r: Rng, at: Path, maps: Path[]): string {
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

// Semantic mutations: the YAML stays valid and keeps its shape, but a value goes to an edge: just inside or outside
// a bound, a character no font has, a control character, a word longer than a line.
const ODD_TEXT = ['😀', '\u{20BB7}', '\ue000', '\u200b', '\u202e', '\u007f', '\u001b[31m', '\u0000', '\u00a0', '𠮷', 'é', 'ß', '\u3000', '——', '……'];
const DATES = ['1979-12-31', '1980-01-01', '2099-12-31', '2100-01-01', '2023-02-29', '2024-02-29', '0000-01-01', '2023-13-01', '2023-1-5'];
const NUMBERS: unknown[] = [99999, 100000, 1e23, -1, 0, 0.5, 1e12, 1e13, Number.POSITIVE_INFINITY, Number.NaN, 1979, 2099, 2100];

function stringLeaves(doc: Doc): Path[] {
  return paths(doc)
    .filter(({ path, found: n }) => isScalar(n) && typeof n.value === 'string' && !['variant', 'seal', 'qualifier'].includes(String(path.at(-1))))
    .map((f) => f.path);
}

export function semanticMutation(text: string, r: Rng): string {
  const doc = parse(text);
  if (doc.errors.length) return text;
  const leaves = stringLeaves(doc);
  const at = leaves.length ? r.pick(leaves) : ['township'];
  const old = String(doc.getIn(at) ?? '');
  switch (r.int(6)) {
    case 0: { // an odd character somewhere in a value
      const k = r.int(old.length + 1);
      doc.setIn(at, old.slice(0, k) + r.pick(ODD_TEXT) + old.slice(k));
      break;
    }
    case 1: // a Latin word longer than a line, or a run of digits
      doc.setIn(at, old + r.pick(['A', 'w', '9', 'x-']).repeat(r.pick([30, 60, 200, 600])));
      break;
    case 2: // a string at its bound, just past it, and far past it
      doc.setIn(at, r.pick(['法', 'A', '，']).repeat(r.pick([199, 200, 201, 2000, 19_999, 20_001])));
      break;
    case 3: // dates at and past the range
      doc.setIn(r.pick([['date'], ['date'], ['printer', 'date']]), r.pick(DATES));
      if (doc.getIn(['printer']) !== undefined && !doc.getIn(['printer', 'organ'])) doc.setIn(['printer', 'organ'], '党政办');
      break;
    case 4: // numbers at and past their bounds
      doc.setIn(r.pick([['year'], ['docNumber'], ['metrics', 'publicity.events', 'value']]), r.pick(NUMBERS));
      if (doc.getIn(['metrics', 'publicity.events', 'value']) !== undefined && !doc.getIn(['metrics', 'publicity.events', 'unit'])) doc.setIn(['metrics', 'publicity.events', 'unit'], '场次');
      break;
    default: // a title of any length
      doc.setIn(['title'], '示例甲镇法治政府建设情况报告'.repeat(r.pick([1, 5, 14, 15, 100])).slice(0, r.pick([60, 199, 200, 201, 1400])));
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
  // Half the cases keep the YAML valid and change values only, so many reach the typesetter and the writers.
  if (r.int(2)) {
    for (let k = 0, n = 1 + r.int(2); k < n; k++) text = semanticMutation(text, r);
    return text;
  }
  for (let k = 0, n = 1 + r.int(3); k < n; k++) text = r.int(2) ? textMutation(text, r) : dataMutation(text, r);
  return text;
}

