// Saving from the editor loses nothing: the edited data laid over the file's YAML Document keeps comments,
// key order and the modeline; a file changed on disk is never overwritten unasked; invalid data is a draft only.
import { copyFileSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseDocument } from 'yaml';
import { describe, expect, it } from 'vitest';
import { applyData, yamlText } from '../src/serve/yamlEdit.ts';
import { draftPath, openReport, saveReport, versionOf } from '../src/serve/reports.ts';
import { loadReportFile } from '../src/load/index.ts';
import { firstParagraph } from './helpers/serve.ts';
import { DEMO, SEEDS } from './build-helpers.ts';
import { readdirSync } from 'node:fs';

function scratch(src: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'gongwen-save-'));
  const file = join(dir, 'r.yaml');
  copyFileSync(src, file);
  return file;
}

const setIn = (data: unknown, path: (string | number)[], value: unknown): void => {
  let v = data as Record<string | number, unknown>;
  for (const step of path.slice(0, -1)) v = v[step] as Record<string | number, unknown>;
  v[path[path.length - 1]] = value;
};

/** Lines of b that differ from a, line by line (the edits here never add or remove lines). */
const changedLines = (a: string, b: string) => b.split('\n').filter((l, i) => l !== a.split('\n')[i]);

describe('laying edited data over the YAML Document', () => {
  const files = [...readdirSync(SEEDS).filter((f) => f.endsWith('.yaml')).map((f) => join(SEEDS, f)), ...readdirSync(DEMO).filter((f) => f.endsWith('.yaml')).map((f) => join(DEMO, f))];

  it.each(files)('unchanged data gives the file back byte for byte: %s', (file) => {
    const text = readFileSync(file, 'utf8');
    const doc = parseDocument(text);
    applyData(doc, parseDocument(text).toJS());
    expect(yamlText(doc)).toBe(text);
  });

  it('one edited paragraph changes exactly its line; comments and the modeline stay', () => {
    const text = readFileSync(join(SEEDS, '岔河镇-2023.yaml'), 'utf8');
    const data = parseDocument(text).toJS();
    const p = firstParagraph(data);
    setIn(data, p.path, `${p.text}（已核实）`);
    const doc = parseDocument(text);
    applyData(doc, data);
    const out = yamlText(doc);
    expect(changedLines(text, out)).toHaveLength(1);
    expect(changedLines(text, out)[0]).toContain('（已核实）');
    expect(out.split('\n')[0]).toBe(text.split('\n')[0]); // the modeline
    expect(out.split('\n').filter((l) => l.trimStart().startsWith('#'))).toEqual(text.split('\n').filter((l) => l.trimStart().startsWith('#')));
  });

  it('a new key goes beside its neighbours in the data, not at the end; a removed key goes', () => {
    const text = '# 模式行\ntownship: 甲镇 # 镇名\ncounty: 乙县\nyear: 2023\n';
    const doc = parseDocument(text);
    applyData(doc, { township: '甲镇', addressee: '县委、县政府', year: 2023 });
    expect(yamlText(doc)).toBe('# 模式行\ntownship: 甲镇 # 镇名\naddressee: 县委、县政府\nyear: 2023\n');
  });

  it('a key the file lacks goes where the schema order puts it', () => {
    const doc = parseDocument('township: 甲镇\naddressee: 县委\ntitle: 报告\n');
    applyData(doc, { township: '甲镇', addressee: '县委', title: '报告', date: '2024-01-05' }, ['township', 'addressee', 'date', 'title']);
    expect(yamlText(doc)).toBe('township: 甲镇\naddressee: 县委\ndate: 2024-01-05\ntitle: 报告\n');
  });

  it('a value that needs quotes gets them; a comment on a replaced value stays', () => {
    const doc = parseDocument('a: x # 注\nb: [1, 2]\n');
    applyData(doc, { a: 'y: z', b: [1, 2, 3] });
    expect(yamlText(doc)).toBe('a: "y: z" # 注\nb: [ 1, 2, 3 ]\n');
  });
});

describe('saveReport', () => {
  it('saves a valid edit atomically and returns the new version', async () => {
    const file = scratch(join(SEEDS, '岔河镇-2023.yaml'));
    const opened = await openReport(file, 'r.yaml');
    const p = firstParagraph(opened.data);
    setIn(opened.data, p.path, `${p.text}新增一句。`);
    const r = await saveReport(file, 'r.yaml', opened.data, opened.version, false);
    expect(r.saved).toBe('file');
    const text = readFileSync(file, 'utf8');
    expect(r.saved === 'file' && r.version).toBe(versionOf(text));
    expect(changedLines(opened.text, text)).toHaveLength(1);
    expect(loadReportFile(file).ok).toBe(true);
  });

  it('refuses to overwrite a file changed on disk since it was opened, and shows both versions', async () => {
    const file = scratch(join(SEEDS, '岔河镇-2023.yaml'));
    const opened = await openReport(file, 'r.yaml');
    const elsewhere = opened.text.replace('\n', '\n# 别处的修改\n');
    expect(elsewhere).not.toBe(opened.text);
    writeFileSync(file, elsewhere);
    const p = firstParagraph(opened.data);
    setIn(opened.data, p.path, '我的修改。');
    const r = await saveReport(file, 'r.yaml', opened.data, opened.version, false);
    expect(r.saved).toBe('conflict');
    if (r.saved !== 'conflict') return;
    expect(r.disk.text).toBe(elsewhere);
    expect(r.mine).toContain('我的修改。');
    expect(readFileSync(file, 'utf8')).toBe(elsewhere);
    // The user chooses theirs: the save goes over the disk version, which keeps the other edit's comment.
    const forced = await saveReport(file, 'r.yaml', opened.data, r.disk.version, true);
    expect(forced.saved).toBe('file');
    const after = readFileSync(file, 'utf8');
    expect(after).toContain('# 别处的修改');
    expect(after).toContain('我的修改。');
  });

  it('keeps an invalid edit as a draft beside the file and never over it', async () => {
    const file = scratch(join(SEEDS, '岔河镇-2023.yaml'));
    const before = readFileSync(file, 'utf8');
    const opened = await openReport(file, 'r.yaml');
    (opened.data as Record<string, unknown>).date = '2024-13-45';
    const r = await saveReport(file, 'r.yaml', opened.data, opened.version, false);
    expect(r.saved).toBe('draft');
    expect(r.saved === 'draft' && r.diagnostics.some((d) => d.path.join('.') === 'date' && d.severity === 'error')).toBe(true);
    expect(readFileSync(file, 'utf8')).toBe(before);
    expect(readFileSync(draftPath(file), 'utf8')).toContain('date: 2024-13-45');
    // Reopened, the draft is offered; a valid save removes it.
    const again = await openReport(file, 'r.yaml');
    expect((again.draft?.data as Record<string, unknown>).date).toBe('2024-13-45');
    (again.data as Record<string, unknown>).date = '2024-01-15';
    expect((await saveReport(file, 'r.yaml', again.data, again.version, false)).saved).toBe('file');
    expect(existsSync(draftPath(file))).toBe(false);
  });
});

describe('which field a message is about', () => {
  it('a missing field is the mapping’s, not its first key’s; a bad value is its own', async () => {
    const { checkEdited } = await import('../src/serve/reports.ts');
    const text = readFileSync(join(SEEDS, '岔河镇-2023.yaml'), 'utf8');
    const data = parseDocument(text).toJS() as Record<string, unknown>;
    delete data.county;
    data.date = '2024-02-30';
    const r = checkEdited(text, data, 'r.yaml');
    const paths = r.diagnostics.filter((d) => d.severity === 'error').map((d) => d.path.join('.'));
    expect(paths).toContain('date');
    expect(paths).toContain('');
    expect(paths).not.toContain('township');
  });
});
