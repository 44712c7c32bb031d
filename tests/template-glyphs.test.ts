// A character no font has, typed into one of the tool's templates by an office that edits them, is reported at the
// template's line:col by validate and by the build, not as a line the typesetter cannot set with no position.
// The tool runs from a copy of its folder whose templates are edited (GONGWEN_ROOT, read when src/toolRoot.ts loads:
// the tool's modules are imported only after it is set).
import { cpSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const REAL = join(import.meta.dirname, '..');
const root = mkdtempSync(join(tmpdir(), 'gongwen-templates-'));
for (const shared of ['fonts', 'schema', 'package.json', 'node_modules']) symlinkSync(join(REAL, shared), join(root, shared));
cpSync(join(REAL, 'templates'), join(root, 'templates'), { recursive: true });
process.env.GONGWEN_ROOT = root;

const NO_GLYPH = '\ue000'; // private use: in no font

/** Puts NO_GLYPH into a template right after `after`, and returns its 1-based line and column there. */
function spoil(name: string, after: string): { file: string; line: number; col: number } {
  const file = join(root, 'templates', name);
  const text = readFileSync(file, 'utf8');
  const at = text.indexOf(after) + after.length;
  expect(at).toBeGreaterThan(after.length - 1);
  writeFileSync(file, text.slice(0, at) + NO_GLYPH + text.slice(at));
  const before = text.slice(0, at).split('\n');
  return { file, line: before.length, col: before.at(-1)!.length + 1 };
}

const report = spoil('report.yaml', 'note: "联系人');
const rollup = spoil('rollup.hbs', '现将全县');
const theme = spoil('themes.yaml', 'shortcoming: 学习不够');
// A theme's keywords are matched, never printed: no error for them.
writeFileSync(join(root, 'templates', 'themes.yaml'), readFileSync(join(root, 'templates', 'themes.yaml'), 'utf8').replace('keywords: [系统学习', `keywords: [系统${NO_GLYPH}学习`));

const { validateFile } = await import('../src/cli/validateFile.ts');
const { runJob } = await import('../src/pipeline/runJob.ts');
const { TOOL_ROOT } = await import('../src/toolRoot.ts');

const atTemplate = (ds: { code: string; file?: string; line?: number; col?: number; zh: string; en: string }[]) =>
  ds.filter((d) => d.code === 'template.missingGlyph').map((d) => ({ file: d.file, line: d.line, col: d.col, zh: d.zh, en: d.en }));

describe('a character no font has in a template', () => {
  it('the tool reads the edited copy', () => {
    expect(TOOL_ROOT).toBe(root);
  });

  it('in report.yaml: validate and the build name the template at its line:col, in Chinese and English', async () => {
    const seed = join(REAL, 'data', 'seeds', '岔河镇-2023.yaml');
    const want = [{ ...report, zh: expect.stringContaining('模板中的字符U+E000') as string, en: expect.stringContaining('U+E000 in the template has no glyph') as string }];
    expect(atTemplate(await validateFile(seed))).toEqual(want);
    const out = mkdtempSync(join(tmpdir(), 'gongwen-templates-out-'));
    const r = await runJob({ kind: 'report', id: 'report:t', file: seed, outBase: join(out, 't'), formats: ['pdf', 'docx'], draft: false }, out);
    if (r.ok) throw new Error('the build wrote a report whose template has a character no font has');
    expect(atTemplate(r.diagnostics)).toEqual(want);
  });

  it('in the roll-up narrative and theme headings (not in keywords): validate of county.yaml names each at its line:col', async () => {
    const found = atTemplate(await validateFile(join(REAL, 'data', '示例县', '2023', 'county.yaml')));
    const byFile = (a: { file?: string }, b: { file?: string }) => String(a.file).localeCompare(String(b.file));
    expect(found.map(({ file, line, col }) => ({ file, line, col })).sort(byFile)).toEqual([rollup, theme].sort(byFile));
  });
});
