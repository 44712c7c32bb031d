// Error fixtures: each file in tests/fixtures/errors/ names the diagnostics `validate` must give it, as
// `# expect: line:col code` comments; this one test checks them all, so a new error case is a new file.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateFile } from '../src/cli/validateFile.ts';
import { formatDiagnostic } from '../src/diagnostics.ts';
import { MESSAGES } from '../src/messages.ts';

const dir = join(import.meta.dirname, 'fixtures/errors');
const files = readdirSync(dir).filter((f) => /\.ya?ml$/.test(f)).sort();

describe('error fixtures (# expect: line:col code)', () => {
  it('there are fixtures, each with expectations', () => {
    expect(files.length).toBeGreaterThan(5);
  });
  for (const name of files) {
    it(name, async () => {
      const file = join(dir, name);
      const expected = [...readFileSync(file, 'utf8').matchAll(/^# expect: (\d+:\d+ [\w.]+)\s*$/gm)].map((m) => m[1]).sort();
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
