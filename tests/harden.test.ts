// Issue 12: each defect an adversarial run found, reproduced in process against real fonts, real files and the
// real pipeline. The schema-level refusals (long strings, dates, document numbers, control characters, glyphs,
// seals) are error fixtures in tests/fixtures/errors/, checked by tests/diagnostics.test.ts.
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateRawSync, constants as zlib } from 'node:zlib';
import { zipSync, strToU8 } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { loadFontSet } from '../src/fonts/index.ts';
import { measureOf } from '../src/fonts/measure.ts';
import { breakTitle } from '../src/layout/title.ts';
import { breakLines } from '../src/layout/linebreak.ts';
import { renderDocx } from '../src/render/docx/index.ts';
import { defaultWriterInputs } from '../src/render/inputs.ts';
import { readRegularFile } from '../src/readFile.ts';
import { readSourceDocument } from '../src/import/decode.ts';
import { GongwenError } from '../src/diagnostics.ts';
import { runBuild } from '../src/pipeline/pipeline.ts';
import { writeFileAtomic } from '../src/pipeline/safeWrite.ts';
import { checkOutDir } from '../src/cli/outDir.ts';
import { main } from '../src/cli/main.ts';
import { validateFile } from '../src/cli/validateFile.ts';
import { fileUp } from './helpers/docx-fixtures.ts';
import { BIN, DEMO, listFiles } from './build-helpers.ts';
import { readSealImage } from '../src/load/seals.ts';

const dir = mkdtempSync(join(tmpdir(), 'gongwen-harden-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const m = measureOf(loadFontSet());
const REPORT = readFileSync(join(DEMO, '示例甲镇.yaml'), 'utf8');

/** The code of the GongwenError `f` throws (or rejects with), to check a refusal is a clean one. */
async function codeOf(f: () => unknown): Promise<string> {
  try {
    await f();
  } catch (e) {
    if (e instanceof GongwenError) return e.diagnostics.map((d) => d.code).join(',');
    return `not a GongwenError: ${String(e)}`;
  }
  return 'no error';
}

/** The demo report with its first paragraph replaced, written to the scratch folder. */
function writeReport(name: string, paragraph: string): string {
  const file = join(dir, name);
  const text = REPORT.replace(/^(  - )(2023年.+)$/m, (_, dash: string) => `${dash}"${paragraph}"`);
  expect(text).not.toBe(REPORT);
  writeFileSync(file, text);
  return file;
}

/**
 * The real CLI in a child process, with a time limit (a hang is a failure, not a stuck suite) and the child's peak
 * resident memory, reported by the kernel at its exit.
 */
function cli(args: string[], timeout = 60_000): { code: number | null; out: string; peakMb: number } {
  const report = 'data:text/javascript,process.on("exit",()=>process.stderr.write("\\nPEAK_RSS_KB="+process.resourceUsage().maxRSS+"\\n"))';
  const r = spawnSync(process.execPath, ['--import', report, BIN, ...args], { cwd: dir, encoding: 'utf8', timeout, env: { ...process.env, CI: '1' } });
  const out = r.stdout + r.stderr.replace(/\nPEAK_RSS_KB=\d+\n/, '');
  expect(r.error, `gongwen ${args.join(' ')} finished in ${timeout} ms`).toBeUndefined();
  expect(out).not.toMatch(/内部错误|internal error|\n\s+at /);
  return { code: r.status, out, peakMb: Number(/PEAK_RSS_KB=(\d+)/.exec(r.stderr)?.[1] ?? NaN) / 1024 };
}

/** A PNG that declares 64 × 64 pixels and whose pixel data inflates to `gib` GiB: a decompression bomb of a few MB. */
function pngBomb(gib: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const out = Buffer.alloc(12 + data.length);
    out.writeUInt32BE(data.length, 0);
    out.write(type, 4, 'latin1');
    data.copy(out, 8);
    out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
    return out;
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(64, 0);
  ihdr.writeUInt32BE(64, 4);
  ihdr.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA, not interlaced
  // One MiB of zero rows, compressed and flushed to a byte boundary, repeated: a valid zlib stream of any length.
  const mib = deflateRawSync(Buffer.alloc(1 << 20), { level: 9, finishFlush: zlib.Z_FULL_FLUSH });
  const n = gib * 1024;
  const adler = Buffer.alloc(4);
  adler.writeUInt32BE((((n * (1 << 20)) % 65521) << 16 | 1) >>> 0); // Adler-32 of n MiB of zeros
  const zdata = Buffer.concat([Buffer.from([0x78, 0xda]), ...Array.from({ length: n }, () => mib), deflateRawSync(Buffer.alloc(0)), adler]);
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', zdata), chunk('IEND', Buffer.alloc(0))]);
}

function crc32(b: Uint8Array): number {
  let c = ~0;
  for (const x of b) {
    c ^= x;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0xedb88320 : c >>> 1;
  }
  return ~c >>> 0;
}

function fifo(path: string): string {
  execFileSync('mkfifo', [path]);
  return path;
}

describe('crashes and hangs', () => {
  it('1. a 10,000-character title is broken, not hung on (it hung the typesetter)', () => {
    const title = '示例甲镇法治政府建设情况报告'.repeat(715);
    const t0 = performance.now();
    const lines = breakTitle(title, 442, 'xiaobiaosong', 22, m);
    // A bound on a hang, not a speed test (that is the benchmark's job): quiet, this takes about 0.1 s, and 1-2 s
    // when the machine is loaded; the old search did not finish at all.
    expect(performance.now() - t0).toBeLessThan(10_000);
    expect(lines.join('')).toBe(title);
    for (const l of lines) expect(m.width('xiaobiaosong', l, 22)).toBeLessThanOrEqual(442 + 0.01);
  });

  it('1. a normal title still breaks into its most even lines', () => {
    const title = '中共如东县岔河镇委员会 如东县岔河镇人民政府关于2023年度法治政府建设情况的报告';
    const lines = breakTitle(title, 442, 'xiaobiaosong', 22, m);
    expect(lines.join('')).toBe(title);
    const widths = lines.map((l) => m.width('xiaobiaosong', l, 22));
    // 851 pt: no two-line split at a word boundary fits 442 pt (the best leaves 444 pt on the second line)
    expect(lines).toEqual(['中共如东县岔河镇委员会 如东县', '岔河镇人民政府关于2023年度', '法治政府建设情况的报告']);
    expect(Math.max(...widths) - Math.min(...widths)).toBeLessThan(22 * 4); // balanced, not full lines and a stub
  });

  it('2. a Latin word wider than a line is broken between characters (it crashed the line breaker)', () => {
    const width = 442;
    const text = `开展活动${'A'.repeat(60)}，取得成效。`;
    const lines = breakLines([{ text, font: 'fangsong', size: 16, color: 'text', tag: 'body' }], m, { firstWidth: width - 32, width, cjkAdvance: () => 15.8 });
    expect(lines.flatMap((l) => l.segments.map((s) => s.text)).join('')).toBe(text);
    for (const l of lines) expect(l.width).toBeLessThanOrEqual(width + 0.01);
    expect(lines.length).toBeGreaterThan(1);
  });

  it('2, 11. a Latin word no one font has whole (Ā only in the Latin font, ǎ only in the CJK ones) is set letter by letter: validate passes it, so the build must', async () => {
    const text = '拼音标注Āǎ和Ōǒ。';
    expect(await validateFile(writeReport('mixed-latin.yaml', text))).toEqual([]);
    const lines = breakLines([{ text, font: 'fangsong', size: 16, color: 'text', tag: 'body' }], m, { firstWidth: 410, width: 442, cjkAdvance: () => 15.8 });
    const segments = lines.flatMap((l) => l.segments);
    expect(segments.map((s) => s.text).join('')).toBe(text);
    for (const s of segments) for (const ch of s.text) expect(m.has(s.font, ch), `${ch} in ${s.font}`).toBe(true);
  });

  it('3. the DOCX is written whatever the date its data carries (fflate dates zip entries 1980–2099 only)', async () => {
    for (const date of ['1979-12-31', '2100-01-01']) {
      const doc = fileUp();
      doc.meta.date = date;
      const bytes = await renderDocx(doc, defaultWriterInputs());
      expect(bytes[0]).toBe(0x50); // PK
    }
  });
});

describe('resource exhaustion', () => {
  it('5. a FIFO, /dev/zero and a folder are refused at once, without reading', async () => {
    const f = fifo(join(dir, 'pipe.yaml'));
    expect(readRegularFile(f, 1024)).toMatchObject({ ok: false, problem: { kind: 'notRegular' } });
    expect(readRegularFile('/dev/zero', 1024)).toMatchObject({ ok: false, problem: { kind: 'notRegular' } });
    expect(readRegularFile(dir, 1024)).toMatchObject({ ok: false, problem: { kind: 'isDirectory' } });
    expect((await validateFile(f)).map((d) => d.code)).toEqual(['file.notRegular']);
  });

  it('5. import refuses a FIFO and /dev/zero instead of reading them forever', async () => {
    expect(await codeOf(() => readSourceDocument(fifo(join(dir, 'pipe.txt'))))).toBe('file.notRegular');
    expect(await codeOf(() => readSourceDocument('/dev/zero'))).toBe('file.notRegular');
  });

  it('5, 13. a county folder with a FIFO *.yaml and a symlinked report: the FIFO fails by name, the link is built', async () => {
    const county = join(dir, 'county5');
    mkdirSync(county);
    writeFileSync(join(county, 'county.yaml'), readFileSync(join(DEMO, 'county.yaml')));
    writeFileSync(join(dir, '甲.yaml'), REPORT);
    symlinkSync(join(dir, '甲.yaml'), join(county, '示例甲镇.yaml'));
    fifo(join(county, '示例乙镇.yaml'));
    const out = join(dir, 'out5');
    const summary = await runBuild({ inputs: [county], outDir: out, formats: ['pdf'], jobs: 0 });
    expect(summary.failed.map((f) => [f.label.split('/').pop(), f.diagnostics.map((d) => d.code)])).toEqual([['示例乙镇.yaml', ['file.notRegular']]]);
    expect(existsSync(join(out, '示例甲镇.pdf'))).toBe(true);
  }, 60_000);

  it('6. a .docx that would unzip to too much, or has too many entries, is refused before it is parsed', async () => {
    const big = join(dir, 'bomb.docx');
    writeFileSync(big, zipSync({ 'word/document.xml': new Uint8Array(70 * 1024 * 1024) }, { level: 9 }));
    expect(readFileSync(big).length).toBeLessThan(200_000);
    expect(await codeOf(() => readSourceDocument(big))).toBe('import.docxBomb');
    const many = join(dir, 'many.docx');
    writeFileSync(many, zipSync(Object.fromEntries(Array.from({ length: 1500 }, (_, i) => [`x/${i}.xml`, strToU8('<a/>')]))));
    expect(await codeOf(() => readSourceDocument(many))).toBe('import.docxBomb');
  });
});

describe('wrong or unclear errors', () => {
  it('7. an output path held by a folder, and a long CJK file name, are ordinary outcomes, not internal errors', async () => {
    const out = join(dir, 'out7');
    mkdirSync(join(out, '示例甲镇.pdf'), { recursive: true });
    const src = join(dir, 'in7');
    mkdirSync(src);
    writeFileSync(join(src, '示例甲镇.yaml'), REPORT);
    const name = '法'.repeat(80); // 240 bytes: its temp name used to pass NAME_MAX
    writeFileSync(join(src, `${name}.yaml`), REPORT);
    const summary = await runBuild({ inputs: [src], outDir: out, formats: ['pdf'], jobs: 0 });
    expect(summary.failed.map((f) => f.diagnostics.map((d) => d.code).join())).toEqual(['build.write']);
    expect(existsSync(join(out, `${name}.pdf`))).toBe(true);
    await writeFileAtomic(join(dir, `${'文'.repeat(83)}.docx`), 'x'); // 249 + 5 bytes: the longest name there is
  }, 60_000);

  it('7, 8, 13. --out that is a file, on /proc, or empty is refused with a message', async () => {
    const file = join(dir, 'a-file');
    writeFileSync(file, '');
    expect(await codeOf(() => checkOutDir(file))).toBe('build.outNotDir');
    expect(await codeOf(() => checkOutDir('/proc/self/x'))).toBe('build.outPseudo');
    expect(await codeOf(() => checkOutDir('/sys/kernel'))).toBe('build.outPseudo');
    expect(await codeOf(() => checkOutDir(''))).toBe('build.outEmpty');
    expect(checkOutDir(join(dir, 'new/out'))).toBe(join(dir, 'new/out'));
  });

  it('9. import will not overwrite its input, nor an existing file without --force', async () => {
    const src = join(dir, 'x.txt');
    const seed = readFileSync(join(import.meta.dirname, '..', 'seeds', '004_1f4ceab2d0d79870.txt'));
    writeFileSync(src, seed);
    expect(await main(['import', src, '--out', src])).toBe(1);
    expect(readFileSync(src)).toEqual(seed);
    const out = join(dir, 'x.yaml');
    writeFileSync(out, 'keep me');
    expect(await main(['import', src, '--out', out])).toBe(1);
    expect(readFileSync(out, 'utf8')).toBe('keep me');
    expect(await main(['import', src, '--out', out, '--force'])).toBe(0);
    expect(readFileSync(out, 'utf8')).toContain('township:');
  }, 30_000);

  it('10. import refuses random bytes, NUL-filled, empty and CJK-free files, saying why', async () => {
    const cases: [string, Uint8Array | string][] = [
      ['random.txt', Uint8Array.from({ length: 4096 }, (_, i) => (i * 2654435761) >>> 24)],
      ['nul.txt', new Uint8Array(4096)],
      ['empty.txt', ''],
      ['latin.txt', 'Annual report on the rule of law.\n'],
    ];
    for (const [name, bytes] of cases) {
      writeFileSync(join(dir, name), bytes);
      expect(await codeOf(() => readSourceDocument(join(dir, name))), name).toBe('import.notText');
    }
  });

  it('13. a file with old Mac line ends (CR only) is read as lines, not as "empty"', async () => {
    const file = join(dir, 'cr.yaml');
    writeFileSync(file, REPORT.replace(/\n/g, '\r'));
    expect((await validateFile(file)).filter((d) => d.severity === 'error')).toEqual([]);
  });
});

describe('hostile inputs through the real CLI (items 5, 6, 7, 12)', () => {
  it('6. a seal PNG that declares 64 × 64 pixels but inflates to 1 GiB is refused at its seal: line, cheaply', () => {
    const bomb = join(dir, 'bomb.png');
    writeFileSync(bomb, pngBomb(1));
    expect(readFileSync(bomb).length).toBeLessThan(2 * 1024 * 1024);
    const report = join(dir, 'bomb.yaml');
    writeFileSync(report, REPORT.replace(/^( {4}short: .*)$/m, `$1\n    seal: bomb.png`));
    const line = REPORT.split('\n').findIndex((l) => /^ {4}short: /.test(l)) + 2;
    const t0 = performance.now();
    for (const args of [['validate', report], ['build', report, '--out', join(dir, 'out-bomb'), '--format', 'docx']]) {
      const r = cli(args);
      expect(r.code, r.out).toBe(1);
      expect(r.out).toMatch(new RegExp(`bomb\\.yaml:${line}:11: 错误 error \\[seal\\.format\\]`));
      expect(r.peakMb, `${args[0]}: peak memory`).toBeLessThan(500);
    }
    expect(performance.now() - t0).toBeLessThan(30_000);
    expect(existsSync(join(dir, 'out-bomb', 'bomb.docx'))).toBe(false);
  });

  it('5, 7. /dev/null and a FIFO given to validate and to build: refused by name with exit 1 (not an internal error), no hang, nothing written', () => {
    const pipe = fifo(join(dir, 'given.yaml'));
    const v = cli(['validate', '/dev/null', pipe], 30_000);
    expect(v.code).toBe(1);
    expect(v.out).toMatch(/\/dev\/null: 错误 error \[file\.notRegular\]/);
    expect(v.out).toMatch(/given\.yaml: 错误 error \[file\.notRegular\]/);
    const out = join(dir, 'out-null');
    const b = cli(['build', '/dev/null', pipe, '--out', out], 30_000);
    expect(b.code).toBe(1);
    expect(b.out).toMatch(/\/dev\/null: 错误 error \[build\.notReport\] .*\/dev\/null/);
    expect(b.out).toMatch(/given\.yaml: 错误 error \[file\.notRegular\]/);
    expect(existsSync(out) ? listFiles(out).filter((f) => !f.startsWith('.')) : []).toEqual([]);
  });

  it('12. with --format docx a GIF and a truncated PNG seal are refused as the PDF build refuses them, at their seal: lines', () => {
    const fixture = join(import.meta.dirname, 'fixtures', 'errors', 'seals.yaml');
    const out = join(dir, 'out-docx-seals');
    const r = cli(['build', fixture, '--format', 'docx', '--out', out]);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/seals\.yaml:23:11: 错误 error \[seal\.format\]/); // seal.gif
    expect(r.out).toMatch(/seals\.yaml:25:11: 错误 error \[seal\.format\]/); // truncated.png
    expect(existsSync(out) ? listFiles(out).filter((f) => f.endsWith('.docx')) : []).toEqual([]);
  });

  it('12. a seal path that is a loop of symbolic links is named as one, not as "not found"', () => {
    const loop = join(dir, 'loop.png');
    symlinkSync(loop, loop);
    const r = readSealImage(loop);
    expect(r.ok ? 'read' : r.diagnostic.code).toBe('seal.symlinkLoop');
  });
});

// A full disk needs a small file system of its own: a 64 KB tmpfs, which root may mount (CI runs as root).
const SMALL = join(tmpdir(), `gongwen-enospc-${process.pid}`);
const smallDisk = (() => {
  mkdirSync(SMALL, { recursive: true });
  return spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', SMALL]).status === 0;
})();
afterAll(() => {
  if (smallDisk) execFileSync('umount', [SMALL]);
  rmSync(SMALL, { recursive: true, force: true });
});

describe.runIf(smallDisk)('7. a full disk (ENOSPC) during a build', () => {
  it('is an ordinary failure naming the output and the reason, exit 1, with no partial or temporary file left', async () => {
    const src = join(dir, 'in-enospc');
    mkdirSync(src);
    writeFileSync(join(src, '示例甲镇.yaml'), REPORT);
    const r = cli(['build', src, '--out', SMALL]);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/\[build\.write\] .*磁盘空间不足.* \/ .*no space left on the device/);
    // Nothing half-written: no PDF or DOCX, no temporary sibling.
    expect(listFiles(SMALL).filter((f) => /\.(pdf|docx)$|gongwen-tmp/.test(f))).toEqual([]);
  });
});

// A clerk runs the command an administrator installed: the tool's tree is read-only to them, and their own
// files may be unreadable. Root can act as another user (setpriv), so CI shows both.
describe.runIf(process.getuid?.() === 0 && existsSync('/usr/bin/setpriv'))('another user, a read-only install', () => {
  const NOBODY = '65534';
  const home = mkdtempSync('/tmp/gongwen-user-'); // outside the suite's private temp folder, which only root may enter
  const tmp = join(home, 'tmp');
  afterAll(() => rmSync(home, { recursive: true, force: true }));
  const asUser = (args: string[]) => {
    const r = spawnSync('setpriv', ['--reuid', NOBODY, '--regid', NOBODY, '--clear-groups', process.execPath, BIN, ...args], {
      cwd: home,
      encoding: 'utf8',
      timeout: 120_000,
      env: { PATH: process.env.PATH, TMPDIR: tmp, CI: '1', GONGWEN_FONTS: 'bundled' },
    });
    return { code: r.status, out: r.stdout + r.stderr };
  };

  it('12. a report and a seal the user may not read are named as permission errors; a build works from a read-only install', () => {
    chmodSync(home, 0o755);
    mkdirSync(tmp);
    mkdirSync(join(home, 'out'));
    for (const d of [tmp, join(home, 'out')]) chownSync(d, Number(NOBODY), Number(NOBODY));
    writeFileSync(join(home, 'ok.yaml'), REPORT);
    writeFileSync(join(home, 'locked.yaml'), REPORT, { mode: 0o000 });
    writeFileSync(join(home, 'seal.png'), readFileSync(join(import.meta.dirname, 'fixtures', 'golden', 'seal.png')), { mode: 0o000 });
    writeFileSync(join(home, 'sealed.yaml'), REPORT.replace('    short: 示例甲镇人民政府\n', '    short: 示例甲镇人民政府\n    seal: seal.png\n'), { mode: 0o644 });
    const v = asUser(['validate', 'locked.yaml', 'sealed.yaml']);
    expect(v.code, v.out).toBe(1);
    expect(v.out).toMatch(/locked\.yaml: 错误 error \[file\.noPermission\]/);
    expect(v.out).toMatch(/sealed\.yaml:11:11: 错误 error \[seal\.noPermission\]/);
    expect(v.out).not.toMatch(/找不到|not found|内部错误|internal error/);
    // The tool's tree (node_modules/.cache included) is root's: the code is compiled into the user's temp folder.
    const b = asUser(['build', 'ok.yaml', '--out', 'out']);
    expect(b.code, b.out).toBe(0);
    expect(readFileSync(join(home, 'out', 'ok.pdf')).subarray(0, 5).toString()).toBe('%PDF-');
    expect(existsSync(join(home, 'out', 'ok.docx'))).toBe(true);
  });
});
