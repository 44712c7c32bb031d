// End to end: `gongwen build` on a scratch copy of real data files — mirrored outputs, the manifest,
// incremental rebuilds, a damaged manifest, and bad input that fails alone.
import { existsSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { counts, gongwen, listFiles, looksComplete, makeWorkspace, mtimes } from './build-helpers.ts';

const ws = makeWorkspace(3);
const out = join(ws.dir, 'out');
const stem = (f: string) => basename(f).replace(/\.yaml$/, '');
const rollup = ['示例县/2023/示例县2023汇总.docx', '示例县/2023/示例县2023汇总.pdf', '示例县/2023/示例县2023汇总.xlsx'];
const reportOutputs = [
  ...ws.townships.flatMap((t) => [`示例县/2023/${stem(t)}.pdf`, `示例县/2023/${stem(t)}.docx`]),
  'seeds/岔河镇-2023.pdf',
  'seeds/岔河镇-2023.docx',
];
const build = () => gongwen(['build', 'data', '--out', 'out'], ws.dir);
const noTemps = () => expect(listFiles(out).filter((f) => /tmp/i.test(f))).toEqual([]);

afterAll(() => rmSync(ws.dir, { recursive: true, force: true }));

describe('gongwen build', () => {
  it('builds every report and the county roll-up, mirroring the input tree', async () => {
    const r = await build();
    expect(r.stderr).not.toMatch(/internal error/);
    expect(r.code).toBe(0);
    const files = listFiles(out);
    for (const f of [...reportOutputs, ...rollup]) {
      expect(files).toContain(f);
      expect(looksComplete(f, readFileSync(join(out, f))), f).toBe(true);
    }
    expect(files).toContain('.gongwen-manifest.json');
    expect(files.filter((f) => f.includes('import'))).toEqual([]); // the import log is not a report
    expect(counts(r.stdout)).toEqual({ built: 5, unchanged: 0, failed: 0 });
    noTemps();
  });

  it('skips everything on a second run and leaves the files untouched', async () => {
    const before = mtimes(out);
    const r = await build();
    expect(r.code).toBe(0);
    expect(counts(r.stdout)).toEqual({ built: 0, unchanged: 5, failed: 0 });
    expect(mtimes(out)).toEqual(before);
  });

  it('rebuilds only an edited report and its county roll-up', async () => {
    const target = ws.townships[1];
    const text = readFileSync(target, 'utf8');
    expect(text).toContain('现将有关情况报告如下');
    writeFileSync(target, text.replace('现将有关情况报告如下', '现将本年度有关情况报告如下'));
    const before = mtimes(out);
    const r = await build();
    expect(r.code).toBe(0);
    expect(counts(r.stdout)).toEqual({ built: 2, unchanged: 3, failed: 0 });
    const after = mtimes(out);
    const changed = [...after.keys()].filter((f) => f !== '.gongwen-manifest.json' && after.get(f) !== before.get(f)).sort();
    expect(changed).toEqual([...rollup, `示例县/2023/${stem(target)}.pdf`, `示例县/2023/${stem(target)}.docx`].sort());
  });

  it('rebuilds an output that was deleted', async () => {
    unlinkSync(join(out, reportOutputs[reportOutputs.length - 2]));
    const r = await build();
    expect(counts(r.stdout)).toEqual({ built: 1, unchanged: 4, failed: 0 });
    expect(existsSync(join(out, reportOutputs[reportOutputs.length - 2]))).toBe(true);
  });

  it('does not trust a damaged manifest: it says so and rebuilds', async () => {
    writeFileSync(join(out, '.gongwen-manifest.json'), '{"version":1,"jobs":{"report:x":');
    const r = await build();
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('build.manifestDamaged');
    expect(counts(r.stdout)).toEqual({ built: 5, unchanged: 0, failed: 0 });
    const manifest = JSON.parse(readFileSync(join(out, '.gongwen-manifest.json'), 'utf8')) as { jobs: object };
    expect(Object.keys(manifest.jobs)).toHaveLength(5);
  });

  it('reports bad input at file:line:col, exits 1, and still builds the rest', async () => {
    // A YAML syntax error (unclosed flow sequence) and a schema error (a year written in words, line 3 col 7).
    writeFileSync(join(ws.data, 'other', 'broken.yaml'), 'township: 坏镇\ncounty: 示例县\nyear: 2023\nissuingOrgans: [ {name: 坏镇人民政府}\nparts: {}\n');
    writeFileSync(join(ws.data, 'other', 'wrongtype.yaml'), 'township: 错镇\ncounty: 示例县\nyear: 二〇二三年\nissuingOrgans: [{name: 错镇人民政府}]\nparts: {}\n');
    // One more good report, so "the rest still build" is seen in this very run.
    writeFileSync(join(ws.data, 'other', 'fresh.yaml'), readFileSync(ws.townships[0], 'utf8'));
    const r = await build();
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/data\/other\/broken\.yaml:\d+:\d+: /);
    expect(r.stderr).toContain('data/other/wrongtype.yaml:3:7: ');
    expect(r.stdout).toMatch(/failures:[\s\S]*broken\.yaml[\s\S]*wrongtype\.yaml|failures:[\s\S]*wrongtype\.yaml[\s\S]*broken\.yaml/);
    expect(counts(r.stdout)).toEqual({ built: 1, unchanged: 5, failed: 2 });
    const files = listFiles(out);
    expect(files).toContain('other/fresh.pdf');
    expect(files.filter((f) => /broken|wrongtype/.test(f))).toEqual([]);
    noTemps();
  });
});
