// The fonts' on-disk cache (src/fonts/face.ts, faceFile.ts): a run with it current reads no font file and gives the
// same PDF bytes as a run without it; a damaged, stale or partial cache is ignored or completed, never trusted.
// Each run is a fresh copy of the modules (vi.resetModules), as a new process would have, with its own cache folder.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';

const DEMO = join(import.meta.dirname, '..', 'data', '示例县', '2023');
let dir: string;
const fontsDir = () => join(dir, 'fonts');

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'font-cache-'));
  process.env.GONGWEN_CACHE_DIR = dir;
});
afterAll(() => {
  delete process.env.GONGWEN_CACHE_DIR;
  rmSync(dir, { recursive: true, force: true });
});

/** Renders `name` as a fresh process would, then writes the caches as its exit would; says which font files it read. */
async function run(name: string): Promise<{ pdf: Buffer; fontFilesRead: string[] }> {
  vi.resetModules();
  const { Report } = await import('../src/schema/report.ts');
  const { composeReport } = await import('../src/compose/report.ts');
  const { renderPdfDocument } = await import('../src/render/pdf/index.ts');
  const { defaultWriterInputs } = await import('../src/render/inputs.ts');
  const open = await import('../src/fonts/open.ts');
  const doc = composeReport(Report.parse(parse(readFileSync(join(DEMO, name), 'utf8'))), { baseDir: DEMO });
  const { bytes } = await renderPdfDocument(doc, defaultWriterInputs());
  const fontFilesRead = open.sharedFontBytes().map((f) => f.path);
  open.saveFontCaches();
  return { pdf: Buffer.from(bytes), fontFilesRead };
}

describe('the fonts’ cache', () => {
  let cold: Buffer;

  it('is written by a first run, which reads the font files', async () => {
    const r = await run('示例甲镇.yaml');
    cold = r.pdf;
    expect(r.fontFilesRead.length).toBeGreaterThan(0);
    expect(readdirSync(fontsDir()).filter((f) => f.endsWith('.face')).length).toBe(r.fontFilesRead.length);
  });

  it('lets the next run read no font file, and gives the same bytes', async () => {
    const r = await run('示例甲镇.yaml');
    expect(r.fontFilesRead).toEqual([]);
    expect(Buffer.compare(r.pdf, cold)).toBe(0);
  });

  it('prepares the glyphs a new document needs from the font files, with the bytes of a run without a cache', async () => {
    const warm = await run('示例乙镇.yaml'); // characters 甲 did not use: those glyphs come from the font files
    expect(warm.fontFilesRead.length).toBeGreaterThan(0);
    rmSync(fontsDir(), { recursive: true, force: true });
    const noCache = await run('示例乙镇.yaml');
    expect(Buffer.compare(warm.pdf, noCache.pdf)).toBe(0);
  });

  it('ignores damaged files (garbage, cut short, another key) and writes them anew', async () => {
    await run('示例甲镇.yaml');
    const files = readdirSync(fontsDir()).map((f) => join(fontsDir(), f));
    expect(files.length).toBeGreaterThan(2);
    writeFileSync(files[0], 'not a face file');
    const whole = readFileSync(files[1]);
    writeFileSync(files[1], whole.subarray(0, whole.length >> 1));
    const other = readFileSync(files[2]);
    writeFileSync(files[2], Buffer.from(other.toString('latin1').replace('"key":"[', '"key":"[0,'), 'latin1'));
    const r = await run('示例甲镇.yaml');
    expect(Buffer.compare(r.pdf, cold)).toBe(0);
    expect(r.fontFilesRead.length).toBeGreaterThanOrEqual(3);
    expect(statSync(files[1]).size).toBeGreaterThan(whole.length >> 1); // written anew (with this run's glyphs)
    const again = await run('示例甲镇.yaml');
    expect(again.fontFilesRead).toEqual([]);
    expect(Buffer.compare(again.pdf, cold)).toBe(0);
  });

  it('removes, when it saves, the files of fonts that are gone and abandoned temporary files', async () => {
    const faces = readdirSync(fontsDir()).filter((f) => f.endsWith('.face')).map((f) => join(fontsDir(), f));
    const bytes = readFileSync(faces[0]).toString('latin1');
    expect(bytes).toContain('/fonts/open/');
    const gone = join(fontsDir(), 'deadbeef.face'); // a face of a font file no longer there
    writeFileSync(gone, Buffer.from(bytes.replace('/fonts/open/', '/fonts/gone/'), 'latin1'));
    const foreign = join(fontsDir(), 'notes.face'); // not a face file of ours: left alone
    writeFileSync(foreign, 'not ours');
    const abandoned = join(fontsDir(), 'x.face.1-0.tmp');
    writeFileSync(abandoned, '');
    utimesSync(abandoned, Date.now() / 1000 - 7200, Date.now() / 1000 - 7200);
    const writing = join(fontsDir(), 'y.face.2-0.tmp'); // another process may be writing it now
    writeFileSync(writing, '');
    rmSync(faces[1]); // that face is prepared again, and the caches saved
    const r = await run('示例甲镇.yaml');
    expect(Buffer.compare(r.pdf, cold)).toBe(0);
    expect([gone, abandoned].filter((f) => existsSync(f))).toEqual([]);
    expect([foreign, writing, faces[0], faces[1]].filter((f) => !existsSync(f))).toEqual([]);
  });

  it('is keyed by the font file: another size, time or inode is another key', async () => {
    const { faceKey } = await import('../src/fonts/faceFile.ts');
    const st = { size: 10, mtimeMs: 1, ctimeMs: 1, ino: 5 };
    const k = faceKey('/f.otf', '', st);
    expect(faceKey('/f.otf', '', { ...st, size: 11 })).not.toBe(k);
    expect(faceKey('/f.otf', '', { ...st, mtimeMs: 2 })).not.toBe(k);
    expect(faceKey('/f.otf', '', { ...st, ctimeMs: 2 })).not.toBe(k);
    expect(faceKey('/f.otf', '', { ...st, ino: 6 })).not.toBe(k);
    expect(faceKey('/f.otf', 'Other', st)).not.toBe(k);
    expect(faceKey('/f.otf', '', st)).toBe(k);
  });
});
