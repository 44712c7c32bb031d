// Error fixtures: each file in tests/fixtures/errors/ names the diagnostics `validate` must give it, as
// `# expect: line:col code` comments; this one test checks them all, so a new error case is a new file.
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { gongwen, listFiles } from './build-helpers.ts';
import { validateFile } from '../src/cli/validateFile.ts';
import { formatDiagnostic, GongwenError } from '../src/diagnostics.ts';
import { composeReport } from '../src/compose/report.ts';
import { loadReportText } from '../src/load/index.ts';
import { placeDiagnostics } from '../src/load/positions.ts';
import { renderGongwen } from '../src/render/index.ts';
import { defaultWriterInputs } from '../src/render/inputs.ts';
import { MESSAGES } from '../src/messages.ts';

const dir = join(import.meta.dirname, 'fixtures/errors');
// The reports, and county.yaml files in folders of their own (a county.yaml is read with the county schema).
const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => /\.ya?ml$/.test(f)).sort();
const expectations = (file: string) => [...readFileSync(file, 'utf8').matchAll(/^# expect: (\d+:\d+ [\w.]+)\s*$/gm)].map((m) => m[1]).sort();

describe('error fixtures (# expect: line:col code)', () => {
  it('there are fixtures, each with expectations', () => {
    expect(files.length).toBeGreaterThan(5);
  });
  for (const name of files) {
    it(name, async () => {
      const file = join(dir, name);
      const expected = expectations(file);
      expect(expected.length, 'a fixture names what it expects').toBeGreaterThan(0);
      const got = await validateFile(file);
      expect(got.map((d) => `${d.line}:${d.col} ${d.code}`).sort()).toEqual(expected);
      for (const d of got) {
        expect(d.file).toBe(file);
        // both languages, and nothing that would reach the terminal as a control sequence
        expect(d.zh).toMatch(/[\u4e00-\u9fff]/);
        expect(d.en).toMatch(/[a-z]/);
        expect(formatDiagnostic(d)).not.toMatch(/\p{Cc}/u);
      }
    });
  }
});

// What the typesetter refuses (tables that cannot fit) and what the roll-up prints from county.yaml are found past
// the loader; the build must still name file:line:col, the same as validate, exit 1 and write nothing. So must it
// for characters no font has and bad seals, which it checks before composing.
describe('the build refuses at the same positions', () => {
  const pastLoader = ['table-too-wide.yaml', 'table-row-too-tall.yaml', 'county/county.yaml', 'glyphs.yaml', 'seals.yaml'];
  it(pastLoader.join(', '), async () => {
    const out = mkdtempSync(join(tmpdir(), 'gongwen-diag-'));
    const inputs = pastLoader.map((f) => (f.endsWith('county.yaml') ? dirname(join(dir, f)) : join(dir, f)));
    const r = await gongwen(['build', ...inputs, '--out', out], dir);
    expect(r.code).toBe(1);
    expect(r.stdout + r.stderr).not.toMatch(/内部错误|internal error|    at /);
    const printed = [...r.stderr.matchAll(/^(\S+?):(\d+):(\d+): 错误 error \[([\w.]+)\] [^\n]*[\u4e00-\u9fff][^\n]* \/ [^\n]*[a-z]/gm)].map((m) => `${m[1].replace(/^.*fixtures\/errors\//, '')} ${m[2]}:${m[3]} ${m[4]}`);
    const wanted = pastLoader.flatMap((f) => expectations(join(dir, f)).map((e) => `${f} ${e}`));
    expect([...new Set(printed)].sort()).toEqual(wanted.sort());
    expect(listFiles(out).filter((f) => !f.startsWith('.'))).toEqual([]);
  });
});

describe('diagnostic codes', () => {
  it('every code renders a message in both languages, with its parameters', () => {
    for (const [code, fn] of Object.entries(MESSAGES)) {
      // an empty object stands in for the parameters; each message must still render as two strings
      const [zh, en] = (fn as (p: unknown) => readonly [string, string])(new Proxy({}, { get: (_, k) => (k === 'valid' || k === 'options' ? [] : k === 'want' || k === 'got' || k === 'what' || k === 'why' || k === 'label' ? ['甲', 'a'] : 'x') }));
      expect(typeof zh, code).toBe('string');
      expect(typeof en, code).toBe('string');
      expect(code).toMatch(/^[a-z]+\.[A-Za-z]+$/);
    }
  });
});

describe('positions past the loader', () => {
  it('an error the typesetter raises in a block is placed at that block in the YAML, in one place', async () => {
    const text = readFileSync(join(dir, 'table-row-too-tall.yaml'), 'utf8').replace('- 开展普法活动。', '- 开展普法活动😀。');
    const loaded = loadReportText(text, 'r.yaml');
    if (!loaded.ok) throw new Error('the fixture loads');
    // Past preflight on purpose: the typesetter itself meets the character no font has.
    const doc = composeReport(loaded.report, { baseDir: dir, variant: 'plain' });
    const err = await renderGongwen(doc, { ...defaultWriterInputs(), formats: ['pdf'] }).then(() => undefined, (e: unknown) => e);
    expect(err).toBeInstanceOf(GongwenError);
    const [d] = (err as GongwenError).diagnostics;
    expect([d.code, d.path]).toEqual(['font.missingGlyph', ['body', 0, 'body', 0]]);
    expect(formatDiagnostic(d)).toContain('body[0].body[0]: ');
    const [placed] = placeDiagnostics([d], loaded.file, loaded.lineOf);
    expect(formatDiagnostic(placed)).toMatch(/^r\.yaml:12:9: 错误 error \[font\.missingGlyph\] .*😀/);
  });
});
