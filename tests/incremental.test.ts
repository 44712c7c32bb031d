// The incremental build's manifest (issue 12, items 14–16): outputs are recognised by their bytes, not only
// their size; stale outputs of a failed job or a deleted report are removed and said; each kind of output is
// keyed on the templates it reads. In process (runBuild), PDF only, to stay cheap.
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, unlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runBuild, type BuildOptions } from '../src/pipeline/pipeline.ts';
import { formatSummary } from '../src/pipeline/progress.ts';
import { envKey, envKeyParts, TEMPLATES_DIR, TEMPLATES_USED } from '../src/pipeline/envKey.ts';
import { makeWorkspace } from './build-helpers.ts';

const ws = makeWorkspace(2);
const out = join(ws.dir, 'out');
const opts: BuildOptions = { inputs: [ws.data], outDir: out, formats: ['pdf'], jobs: 1 };
const pdfOf = (yaml: string) => join(out, '示例县', '2023', basename(yaml).replace(/\.yaml$/, '.pdf'));

afterAll(() => rmSync(ws.dir, { recursive: true, force: true }));

describe('incremental build', () => {
  it('rebuilds an output overwritten with as many zero bytes, and trusts a touched but intact one', async () => {
    const first = await runBuild(opts);
    expect(first.failed).toEqual([]);
    const pdf = pdfOf(ws.townships[0]);
    const good = readFileSync(pdf);

    writeFileSync(pdf, Buffer.alloc(good.length)); // same size, new time, wrong bytes
    const again = await runBuild(opts);
    expect(again.built).toEqual([expect.stringContaining(basename(ws.townships[0]))]);
    expect(readFileSync(pdf).equals(good)).toBe(true);

    const later = new Date(Date.now() + 5000);
    utimesSync(pdf, later, later); // same bytes, new time: hashed once, then trusted by its new time
    const touched = await runBuild(opts);
    expect(touched.built).toEqual([]);
    const manifest = JSON.parse(readFileSync(join(out, '.gongwen-manifest.json'), 'utf8')) as { jobs: Record<string, { outputs: { path: string; mtimeMs: number }[] }> };
    const recorded = Object.values(manifest.jobs).flatMap((j) => j.outputs).find((o) => pdf.endsWith(o.path));
    expect(recorded?.mtimeMs).toBe(statSync(pdf).mtimeMs);
  });

  it('rebuilds a report edited at once after the build, at its size and with its modification time kept, and not a touched one', async () => {
    // The sources' content hashes are remembered by stat in the manifest (HashMemo): an edit that keeps the size
    // and the modification time, made in the second the memo was written, must still be seen.
    const target = ws.townships[1];
    expect((await runBuild(opts)).built).toEqual([]);
    const text = readFileSync(target, 'utf8');
    const before = statSync(target);
    const edited = text.replace('法治', '法制'); // as many bytes
    expect(edited).not.toBe(text);
    writeFileSync(target, edited);
    utimesSync(target, before.atime, before.mtime);
    const s = await runBuild(opts);
    expect(s.built).toContainEqual(expect.stringContaining(basename(target)));
    writeFileSync(target, text);
    expect((await runBuild(opts)).built).toContainEqual(expect.stringContaining(basename(target)));

    const later = new Date(Date.now() + 5000);
    utimesSync(target, later, later); // touched, unchanged: hashed again, and nothing built
    expect((await runBuild(opts)).built).toEqual([]);
    expect((await runBuild(opts)).built).toEqual([]);
  });

  it('removes the previous outputs of a job that now fails, and says so in the summary', async () => {
    const target = ws.townships[1];
    const good = readFileSync(target, 'utf8');
    expect(existsSync(pdfOf(target))).toBe(true);
    writeFileSync(target, good.replace(/^year: .*$/m, 'year: [2023'));
    const s = await runBuild(opts);
    expect(s.failed.map((f) => f.label)).toEqual([expect.stringContaining(basename(target))]);
    expect(existsSync(pdfOf(target))).toBe(false);
    expect(s.removed).toEqual([pdfOf(target)]);
    expect(formatSummary(s)).toContain(basename(pdfOf(target)));
    writeFileSync(target, good);
    expect((await runBuild(opts)).built.length).toBeGreaterThan(0);
    expect(existsSync(pdfOf(target))).toBe(true);
  });

  it('removes the outputs of a deleted report, but not those of reports left out of this run', async () => {
    const loosePdf = join(out, 'seeds', '岔河镇-2023.pdf');
    expect(existsSync(loosePdf)).toBe(true);
    // Building only one of the inputs into the same output folder leaves the others' outputs alone.
    const part = await runBuild({ ...opts, inputs: [ws.loose] });
    expect(part.removed).toEqual([]);
    expect(existsSync(pdfOf(ws.townships[0]))).toBe(true);

    const gone = ws.townships[0];
    unlinkSync(gone);
    const s = await runBuild(opts);
    expect(s.removed).toEqual([pdfOf(gone)]);
    expect(existsSync(pdfOf(gone))).toBe(false);
    expect(existsSync(loosePdf)).toBe(true);
    expect(formatSummary(s)).toMatch(/removed\s+1/);
  });
});

describe('templates in the key', () => {
  it('keys each kind of output on the templates it reads', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gongwen-templates-'));
    try {
      cpSync(TEMPLATES_DIR, dir, { recursive: true });
      const options = { formats: 'pdf' };
      const keys = async () => {
        const parts = await envKeyParts(dir);
        return { report: envKey(parts, 'report', options), county: envKey(parts, 'county', options) };
      };
      const before = await keys();
      writeFileSync(join(dir, 'rollup.hbs'), readFileSync(join(dir, 'rollup.hbs'), 'utf8') + '\n');
      const afterRollup = await keys();
      expect(afterRollup.report).toBe(before.report);
      expect(afterRollup.county).not.toBe(before.county);
      writeFileSync(join(dir, 'report.yaml'), readFileSync(join(dir, 'report.yaml'), 'utf8') + '\n');
      const afterReport = await keys();
      expect(afterReport.report).not.toBe(before.report);
      expect(afterReport.county).toBe(afterRollup.county);
      writeFileSync(join(dir, 'gbt9704.yaml'), readFileSync(join(dir, 'gbt9704.yaml'), 'utf8') + '\n');
      const afterProfile = await keys();
      expect(afterProfile.report).not.toBe(afterReport.report);
      expect(afterProfile.county).not.toBe(afterReport.county);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('lists every template file for some kind of output', () => {
    const listed = new Set([...TEMPLATES_USED.report, ...TEMPLATES_USED.county]);
    expect(readdirSync(TEMPLATES_DIR).filter((f) => !listed.has(f))).toEqual([]);
  });
});
