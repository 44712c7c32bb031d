// The loader's error classes, each at its exact file:line:col, from real files on disk.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatDiagnostic, type Diagnostic } from '../src/diagnostics.ts';
import { loadCountyFile, loadReportFile, MAX_FILE_BYTES } from '../src/load/index.ts';

const dir = mkdtempSync(join(tmpdir(), 'gongwen-load-'));
let n = 0;
function write(lines: string[] | string | Buffer): string {
  const file = join(dir, `r${n++}.yaml`);
  writeFileSync(file, Array.isArray(lines) ? lines.join('\n') + '\n' : lines);
  return file;
}

// A valid report head; line numbers in the tests below count from here.
const HEAD = [
  'township: 岔河镇', // 1
  'county: 如东县', // 2
  'year: 2023', // 3
  'issuingOrgans:', // 4
  '  - name: 如东县岔河镇人民政府', // 5
];
const PARTS = ['parts:', '  measures:', '    paragraphs: [开展普法活动67场次。]'];

function errors(file: string): Diagnostic[] {
  const r = loadReportFile(file);
  expect(r.ok).toBe(false);
  return r.ok ? [] : r.diagnostics.filter((d) => d.severity === 'error');
}
const where = (d: Diagnostic) => ({ code: d.code, line: d.line, col: d.col });

describe('loadReportFile: valid input', () => {
  it('loads a small valid report and reports positions of its values', () => {
    const file = write([...HEAD, ...PARTS]);
    const r = loadReportFile(file);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.report.township).toBe('岔河镇');
    expect(r.report.variant).toBe('file-up'); // default applied
    expect(r.lineOf(['issuingOrgans', 0, 'name'])).toEqual({ line: 5, col: 11 });
    // The old form is read as a body: its paragraph keeps the position it has in the file.
    expect(r.lineOf(['body', 0, 'body', 0])).toEqual({ line: 8, col: 18 });
  });

  it('accepts the printed document number and turns it into parts', () => {
    const r = loadReportFile(write([...HEAD, 'docNumber: 岔政发〔2024〕5号', ...PARTS]));
    expect(r.ok && r.report.docNumber).toEqual({ prefix: '岔政发', year: 2024, seq: 5 });
  });
});

describe('loadReportFile: each error class at its position', () => {
  it('YAML syntax error', () => {
    const file = write([...HEAD, 'parts:', '  measures:', '    paragraphs: [未闭合的列表', 'closing: x']);
    const [d] = errors(file);
    expect(d.code).toBe('yaml.syntax');
    expect(d.file).toBe(file);
    expect(d.line).toBeGreaterThanOrEqual(8);
    expect(d.zh).toMatch(/[\u4e00-\u9fff]/);
    expect(d.en).toMatch(/[A-Za-z]/);
  });

  it('tab used as indentation is a syntax error at the tab', () => {
    const file = write([...HEAD, 'parts:', '\tmeasures: {}']);
    const ds = errors(file);
    expect(ds[0].code).toBe('yaml.syntax');
    expect(ds[0].line).toBe(7);
  });

  it('wrong type says what is expected, at the value', () => {
    const file = write(['township: 岔河镇', 'county: 如东县', 'year: 二〇二三', 'issuingOrgans:', '  - name: 岔河镇', ...PARTS]);
    const [d] = errors(file);
    expect(where(d)).toEqual({ code: 'schema.type', line: 3, col: 7 });
    expect(d.zh).toContain('应为数字');
    expect(d.en).toContain('expected a number');
  });

  it('a list where a mapping is expected', () => {
    const file = write([...HEAD, 'parts:', '  - measures']);
    const [d] = errors(file);
    expect(where(d)).toEqual({ code: 'schema.type', line: 7, col: 3 });
    expect(d.zh).toContain('映射');
  });

  it('missing required field points at the parent mapping', () => {
    const file = write(['township: 岔河镇', 'year: 2023', 'issuingOrgans:', '  - short: 岔河镇', ...PARTS]);
    const ds = errors(file);
    expect(ds.map(where)).toEqual([
      { code: 'schema.required', line: 1, col: 1 }, // county missing: the top-level mapping
      { code: 'schema.required', line: 4, col: 5 }, // issuingOrgans[0].name missing: that organ's mapping
    ]);
    expect(ds[0].zh).toContain('缺少必填字段“county”');
    expect(ds[1].en).toContain('issuingOrgans[0].name');
  });

  it('a required field left empty is reported at its key', () => {
    const file = write(['township:', 'county: 如东县', 'year: 2023', 'issuingOrgans: [{name: 岔河镇}]', ...PARTS]);
    expect(errors(file).map(where)).toEqual([{ code: 'schema.required', line: 1, col: 1 }]);
  });

  it('unknown key at the key, with the nearest valid key suggested', () => {
    const file = write([...HEAD, '    shrot: 岔河镇', 'adressee: 县委、县政府', ...PARTS]);
    const ds = errors(file);
    expect(ds.map(where)).toEqual([
      { code: 'schema.unknownKey', line: 6, col: 5 },
      { code: 'schema.unknownKey', line: 7, col: 1 },
    ]);
    expect(ds[0].zh).toContain('是否应为“short”');
    expect(ds[0].en).toContain('did you mean "short"');
    expect(ds[1].en).toContain('did you mean "addressee"');
  });

  it('unknown metric catalogue key, with the nearest catalogue key suggested', () => {
    const file = write([...HEAD, ...PARTS, 'metrics:', '  publicity.event: {value: 67, unit: 场次}']);
    const [d] = errors(file);
    expect(where(d)).toEqual({ code: 'schema.unknownKey', line: 10, col: 3 });
    expect(d.en).toContain('did you mean "publicity.events"');
  });

  it('an unknown key far from every valid key lists the valid keys instead of guessing', () => {
    const file = write([...HEAD, '    印章图片: seal.png', ...PARTS]);
    const [d] = errors(file);
    expect(d.en).not.toContain('did you mean');
    expect(d.en).toContain('valid keys: name, short, seal');
  });

  it('duplicate key at the second occurrence', () => {
    const file = write([...HEAD, 'year: 2024', ...PARTS]);
    const [d] = errors(file);
    expect(where(d)).toEqual({ code: 'yaml.duplicateKey', line: 6, col: 1 });
    expect(d.zh).toContain('键重复');
  });

  it.each([
    ['2023-02-30', '日期不存在'],
    ['2023-13-01', '日期不存在'],
    ['2024-1-5', 'YYYY-MM-DD'],
  ])('impossible or malformed date %s', (date, text) => {
    const file = write([...HEAD, `date: ${date}`, ...PARTS]);
    const [d] = errors(file);
    expect(where(d)).toEqual({ code: 'schema.date', line: 6, col: 7 });
    expect(d.zh).toContain(text);
  });

  it('an impossible date deep in the file (印发日期)', () => {
    const file = write([...HEAD, ...PARTS, 'printer:', '  organ: 岔河镇党政办', '  date: 2023-02-29']);
    expect(errors(file).map(where)).toEqual([{ code: 'schema.date', line: 11, col: 9 }]);
  });

  it.each([
    ['岔政发[2024]5号', '六角括号'],
    ['岔政发【2024】5号', '六角括号'],
    ['岔政发〔2024〕第5号', '“第”'],
    ['岔政发〔2024〕05号', '前导零'],
    ['岔政发〔24〕5号', '四位'],
  ])('malformed document number %s', (num, hint) => {
    const file = write([...HEAD, `docNumber: ${num}`, ...PARTS]);
    const ds = errors(file);
    expect(ds.map(where)).toEqual([{ code: 'schema.docNumber', line: 6, col: 12 }]);
    expect(ds[0].zh).toContain(hint);
    expect(ds[0].en).toContain('岔政发〔2024〕5号');
  });

  it('document number as parts: a zero sequence is refused at the seq', () => {
    const file = write([...HEAD, 'docNumber:', '  prefix: 岔政发', '  year: 2024', '  seq: 0', ...PARTS]);
    expect(errors(file).map(where)).toEqual([{ code: 'schema.tooSmall', line: 9, col: 8 }]);
  });

  it('a value outside an enum lists the allowed values', () => {
    const file = write([...HEAD, 'variant: upward', ...PARTS]);
    const [d] = errors(file);
    expect(where(d)).toEqual({ code: 'schema.enum', line: 6, col: 10 });
    expect(d.zh).toContain('file-up、file-down、plain');
  });

  it('every error in one file is reported, top to bottom', () => {
    const file = write(['township: 岔河镇', 'county: 如东县', 'year: 2023', 'date: 2023-02-30', 'issuingOrgans: []', 'parts: {measures: {pargraphs: []}}']);
    const ds = errors(file);
    expect(ds.map((d) => d.line)).toEqual([4, 5, 6]);
    expect(ds.map((d) => d.code)).toEqual(['schema.date', 'schema.tooSmall', 'schema.unknownKey']);
  });
});

describe('loadReportFile: refusing hostile or wrong files', () => {
  it('refuses a YAML alias bomb without expanding it', () => {
    const bomb = [
      'a: &a [x, x, x, x, x, x, x, x, x]',
      'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]',
      'c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]',
      'd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]',
      'e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]',
      'f: [*e, *e, *e, *e, *e, *e, *e, *e, *e]',
    ];
    const started = Date.now();
    const [d] = errors(write(bomb));
    expect(Date.now() - started).toBeLessThan(2000);
    expect(d.code).toBe('yaml.aliasBomb');
    expect(d.en).toContain('alias');
  });

  it('refuses a file over the size limit before parsing it', () => {
    const big = write('lead:\n' + `  - ${'很长的段落。'.repeat(60)}\n`.repeat(Math.ceil(MAX_FILE_BYTES / 1000)));
    const [d] = errors(big);
    expect(d.code).toBe('file.tooLarge');
    expect(d.zh).toContain('2 MB');
  });

  it('names a missing file', () => {
    const [d] = errors(join(dir, 'no-such.yaml'));
    expect(d).toMatchObject({ code: 'file.notFound', file: join(dir, 'no-such.yaml') });
  });

  it('refuses GB18030 text with a hint to save as UTF-8', () => {
    const gbk = Buffer.from([0x74, 0x6f, 0x77, 0x6e, 0x73, 0x68, 0x69, 0x70, 0x3a, 0x20, 0xb2, 0xed, 0xba, 0xd3, 0xd5, 0xf2, 0x0a]); // "township: 岔河镇" in GBK
    const [d] = errors(write(gbk));
    expect(d.code).toBe('file.encoding');
    expect(d.zh).toContain('UTF-8');
  });

  it('a UTF-8 byte-order mark does not shift positions', () => {
    const file = write('\uFEFF' + ['township: 岔河镇', 'county: 如东县', 'year: x2023', 'issuingOrgans: [{name: 岔河镇}]', ...PARTS].join('\n'));
    expect(errors(file).map(where)).toEqual([{ code: 'schema.type', line: 3, col: 7 }]);
  });
});

describe('loadReportFile: odd but harmless-looking files', () => {
  it('an empty file', () => {
    expect(errors(write('')).map(where)).toEqual([{ code: 'file.empty', line: 1, col: 1 }]);
  });

  it('an alias with no anchor, at the alias', () => {
    const file = write([...HEAD, 'lead: [*intro]', ...PARTS]);
    const [d] = errors(file);
    expect(where(d)).toEqual({ code: 'yaml.syntax', line: 6, col: 8 });
    expect(d.zh).toContain('锚点');
  });

  it('a top-level list instead of a mapping', () => {
    const [d] = errors(write(['- 岔河镇', '- 2023']));
    expect(where(d)).toEqual({ code: 'schema.type', line: 1, col: 1 });
    expect(d.zh).toContain('应为映射');
  });
});

describe('formatted messages', () => {
  it('name the file, line and column and carry both languages', () => {
    const file = write([...HEAD, '    shrot: 岔河镇', ...PARTS]);
    const text = formatDiagnostic(errors(file)[0]);
    expect(text.startsWith(`${file}:6:5: `)).toBe(true);
    expect(text).toMatch(/未知的键.* \/ unknown key/);
  });
});

describe('loadCountyFile', () => {
  it('loads county.yaml with the same machinery', () => {
    const r = loadCountyFile(join(import.meta.dirname, 'fixtures/load/county.yaml'));
    expect(r.ok && r.county.variant).toBe('file-down');
  });

  it('reports county errors at their positions', () => {
    const file = write(['county: 示例县', 'year: 2023', 'townships: [甲镇]', 'deadline: 2024-02-30', 'issuingOrgans: [{name: 办公室}]', 'townshps: []']);
    const r = loadCountyFile(file);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.diagnostics.map(where)).toEqual([
      { code: 'schema.date', line: 4, col: 11 },
      { code: 'schema.unknownKey', line: 6, col: 1 },
    ]);
    expect(r.diagnostics[1].en).toContain('did you mean "townships"');
  });
});
