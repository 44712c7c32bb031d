// `gongwen validate`, `metrics` and `schema` end to end through the real binary: exit codes, messages, no stack traces.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..');
const fixtures = join(root, 'tests/fixtures/load');
const dir = mkdtempSync(join(tmpdir(), 'gongwen-cli-'));

function gongwen(...args: string[]) {
  const r = spawnSync(process.execPath, [join(root, 'bin/gongwen.js'), ...args], { cwd: root, encoding: 'utf8', timeout: 60_000 });
  // whatever happens, the user never sees a stack trace
  expect(r.stderr).not.toContain('    at ');
  expect(r.stdout).not.toContain('    at ');
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('gongwen validate', () => {
  it('passes a valid report with exit 0 and a bilingual summary', () => {
    const r = gongwen('validate', join(fixtures, 'complete.yaml'));
    expect(r.code).toBe(0);
    expect(r.out.trim()).toBe('1 个文件，0 个错误，0 个警告 / 1 files, 0 errors, 0 warnings');
  });

  it('recurses folders for *.yaml and *.yml and checks county.yaml with the county schema', () => {
    const r = gongwen('validate', join(fixtures, 'tree'));
    expect(r.code).toBe(0); // warnings only
    expect(r.out).toContain('3 个文件，0 个错误，3 个警告 / 3 files, 0 errors, 3 warnings');
    expect(r.out).toContain('sub/b.yml:6:3: 警告 warning [report.partMissing]');
    expect(r.out).not.toContain('county.yaml:');
  });

  it('--strict turns the warnings into errors and exits 1', () => {
    const r = gongwen('validate', '--strict', join(fixtures, 'tree'));
    expect(r.code).toBe(1);
    expect(r.out).toContain('3 个文件，3 个错误，0 个警告');
    expect(r.out).toContain('错误 error [report.partMissing]');
  });

  it('prints each error at file:line:col in both languages and exits 1', () => {
    const file = join(dir, 'bad.yaml');
    writeFileSync(file, ['township: 岔河镇', 'county: 如东县', 'year: 2023', 'issuingOrgans:', '  - name: 岔河镇人民政府', '    shrot: 岔河镇', 'date: 2023-02-30', 'parts: {}'].join('\n'));
    const r = gongwen('validate', file, join(fixtures, 'complete.yaml'));
    expect(r.code).toBe(1);
    const lines = r.out.trim().split('\n');
    expect(lines[0]).toMatch(new RegExp(`^${file}:6:5: 错误 error \\[schema\\.unknownKey\\] 未知的键“shrot”.* / unknown key "shrot".*did you mean "short"`));
    expect(lines[1]).toMatch(new RegExp(`^${file}:7:7: 错误 error \\[schema\\.date\\] .*日期不存在 / .*no such calendar date`));
    expect(lines.at(-1)).toBe('2 个文件，2 个错误，0 个警告 / 2 files, 2 errors, 0 warnings');
  });

  it('reports a YAML syntax error and a missing file without crashing', () => {
    const file = join(dir, 'syntax.yaml');
    writeFileSync(file, 'township: [岔河镇\ncounty: 如东县\n');
    const r = gongwen('validate', file, join(dir, 'missing.yaml'));
    expect(r.code).toBe(1);
    expect(r.out).toMatch(new RegExp(`${file}:\\d+:\\d+: 错误 error \\[yaml\\.syntax\\]`));
    expect(r.out).toContain(`${join(dir, 'missing.yaml')}: 错误 error [file.notFound] 找不到文件 / file not found`);
  });

  it('--json prints one object per diagnostic, with its position and code, and the same exit code', () => {
    const file = join(root, 'tests/fixtures/errors/unknown-key-and-date.yaml');
    const r = gongwen('validate', '--json', file, join(fixtures, 'complete.yaml'));
    expect(r.code).toBe(1);
    const out = JSON.parse(r.out) as { files: number; errors: number; warnings: number; diagnostics: { file: string; line: number; col: number; code: string; severity: string; zh: string; en: string }[] };
    expect([out.files, out.errors, out.warnings]).toEqual([2, 2, 0]);
    expect(out.diagnostics.map((d) => [d.file, d.line, d.col, d.severity, d.code])).toEqual([
      [file, 9, 5, 'error', 'schema.unknownKey'],
      [file, 10, 7, 'error', 'schema.date'],
    ]);
    expect(out.diagnostics[0].en).toContain('did you mean "short"');
  });

  it('says so when a folder holds no YAML', () => {
    const r = gongwen('validate', join(root, 'src/schema'));
    expect(r.code).toBe(1);
    expect(r.out).toContain('validate.noFiles');
  });
});

describe('gongwen metrics --json', () => {
  it('lists the metrics: entries and the other numbers of the text, without counting a figure twice', () => {
    const r = gongwen('metrics', join(fixtures, 'complete.yaml'), '--json');
    expect(r.code).toBe(0);
    const facts = JSON.parse(r.out) as Record<string, unknown>[];
    for (const f of facts) expect(Object.keys(f).sort()).toEqual(['counted', 'key', 'label', 'origin', 'qualifier', 'source', 'unit', 'value']);
    expect(facts).toEqual([
      { key: 'publicity.events', label: '普法活动', value: 67, unit: '场次', qualifier: null, source: '普法活动67场次', origin: 'data', counted: true },
      { key: 'publicity.materials', label: '发放普法资料', value: 13500, unit: '份', qualifier: '余', source: null, origin: 'data', counted: true },
      { key: 'study.lawLectures', label: '主要负责人讲法治课次数', value: 2, unit: '次', qualifier: null, source: null, origin: 'data', counted: true },
    ]);
  });

  it('gives text numbers that match no metric key null, each with its origin and whether it counts', () => {
    const file = join(dir, 'facts.yaml');
    writeFileSync(file, ['township: 岔河镇', 'county: 如东县', 'year: 2023', 'issuingOrgans: [{name: 岔河镇人民政府}]', 'body:', '  - heading: 主要举措', '    covers: measures', '    body: [配备执法车1辆，开展普法活动67场次，又开展普法活动3场次。]'].join('\n'));
    const r = gongwen('metrics', file, '--json');
    expect(r.code).toBe(0);
    // From the text: counted for its key the first time the key is met, never when no key matched.
    expect(JSON.parse(r.out)).toEqual([
      { key: null, label: '配备执法车', value: 1, unit: '辆', qualifier: null, source: '配备执法车1辆', origin: 'text', counted: false },
      { key: 'publicity.events', label: '普法活动', value: 67, unit: '场次', qualifier: null, source: '普法活动67场次', origin: 'text', counted: true },
      { key: 'publicity.events', label: '普法活动', value: 3, unit: '场次', qualifier: null, source: '普法活动3场次', origin: 'text', counted: false },
    ]);
    expect(r.err).toContain('report.partMissing'); // warnings on stderr, stdout stays JSON
  });

  it('exits 1 with the diagnostics when the file is invalid', () => {
    const file = join(dir, 'invalid.yaml');
    writeFileSync(file, 'township: 岔河镇\nyear: 2023\n');
    const r = gongwen('metrics', file, '--json');
    expect(r.code).toBe(1);
    expect(r.out).toBe('');
    expect(r.err).toContain(`${file}:1:1: 错误 error [schema.required]`);
  });
});

describe('gongwen schema', () => {
  it('prints the JSON Schema that schema/report.schema.json holds, and writes it with --out', () => {
    const r = gongwen('schema');
    expect(r.code).toBe(0);
    const committed = readFileSync(join(root, 'schema/report.schema.json'), 'utf8');
    // if this fails, run `node bin/gongwen.js schema --out schema/report.schema.json`
    expect(r.out).toBe(committed);
    const schema = JSON.parse(r.out) as { properties: Record<string, { properties?: Record<string, unknown> }>; required: string[] };
    expect(schema.required).toEqual(['township', 'county', 'year', 'issuingOrgans']);
    expect(Object.keys(schema.properties.metrics.properties ?? {})).toContain('publicity.events');
    const out = join(dir, 'report.schema.json');
    expect(gongwen('schema', '--out', out).code).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe(committed);
  });

  it('--county prints the schema of county.yaml, as schema/county.schema.json holds it', () => {
    const r = gongwen('schema', '--county');
    expect(r.code).toBe(0);
    expect(r.out).toBe(readFileSync(join(root, 'schema/county.schema.json'), 'utf8'));
    expect((JSON.parse(r.out) as { required: string[] }).required).toContain('townships');
  });

  it('a folder that does not exist is a clean error', () => {
    const r = gongwen('schema', '--out', join(dir, 'no/such/dir/x.json'));
    expect(r.code).toBe(1);
    expect(r.err).toContain('file.write');
  });
});
