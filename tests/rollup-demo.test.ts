// The demo county (示例县): generated deterministically, flagged exactly where the generator left gaps,
// and its totals equal the townships' own figures as `gongwen metrics --json` reports them.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { makeSyntheticCounty } from '../scripts/demo-county.ts';
import { writeDemoCounty } from '../scripts/demo-files.ts';
import { loadReportFile } from '../src/load/index.ts';
import { reportFactRecords } from '../src/metrics/reportFacts.ts';
import { rollupCounty } from '../src/rollup/index.ts';
import { Report } from '../src/schema/report.ts';
import { summaryJson } from '../src/cli/rollup.ts';
import { composeRollup } from '../src/compose/rollup.ts';
import { printed, totalsTable, townshipTable } from '../src/rollup/tables.ts';
import { isSection, sectionsCovering } from '../src/schema/bodyWalk.ts';

const DIR = 'data/示例县/2023';
const tmp = mkdtempSync(join(tmpdir(), 'rollup-demo-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('the demo county data', () => {
  const files = readdirSync(DIR).filter((f) => f.endsWith('.yaml'));

  it('is what the generator writes, byte for byte', () => {
    const written = writeDemoCounty(tmp);
    expect(written.map((f) => f.slice(tmp.length + 1)).sort()).toEqual([...files].sort());
    for (const f of files) expect(readFileSync(join(tmp, f), 'utf8'), f).toBe(readFileSync(join(DIR, f), 'utf8'));
  });

  it('has at least 12 townships, all labelled 示例, each file opening with the schema modeline', () => {
    expect(files.length).toBeGreaterThanOrEqual(13);
    for (const f of files) {
      const text = readFileSync(join(DIR, f), 'utf8');
      expect(text.split('\n')[0]).toMatch(/^# yaml-language-server: \$schema=\.\.\/\.\.\/\.\.\/schema\/(report|county)\.schema\.json$/);
      expect(text).toContain('示例数据，非真实地名');
      if (f !== 'county.yaml') expect(f).toMatch(/^示例.+镇\.yaml$/);
    }
  });

  it('loads without errors; the loader finds no figure in the text that disagrees with metrics:', () => {
    for (const f of files.filter((x) => x !== 'county.yaml')) {
      const r = loadReportFile(join(DIR, f));
      expect(r.ok, f).toBe(true);
      if (r.ok) expect(r.warnings.filter((w) => w.code !== 'report.partMissing'), f).toEqual([]);
    }
  });

  it('makes large synthetic counties with unique township names, all valid', () => {
    const { reports, county } = makeSyntheticCounty(2000, 7);
    expect(new Set(reports.map((r) => r.township)).size).toBe(2000);
    expect(county.townships).toHaveLength(2000);
    for (const r of reports.slice(0, 200)) expect(Report.safeParse(r).success).toBe(true);
    // Same seed, same county; another seed, other figures.
    expect(makeSyntheticCounty(40, 7)).toEqual(makeSyntheticCounty(40, 7));
    expect(makeSyntheticCounty(40, 8).reports[0].metrics).not.toEqual(makeSyntheticCounty(40, 7).reports[0].metrics);
  });
});

describe('rollupCounty on the demo county', () => {
  const s = rollupCounty(DIR);

  it('flags exactly the seeded gaps in the completeness table', () => {
    const flagged = Object.fromEntries(s.completeness.filter((r) => r.flags.length > 0).map((r) => [r.township, r.flags]));
    expect(flagged).toEqual({
      示例丙镇: ['缺“第一责任人履职”'],
      示例庚镇: ['缺“存在的不足”'],
      示例壬镇: ['未填报统计指标'],
      示例东风镇: ['逾期报送'],
    });
    expect(s.completeness.every((r) => r.status === 'ok')).toBe(true);
    expect(s.roster).toEqual({ duplicates: [], unexpected: [], absent: [] });
  });

  it('has --json totals equal to the sums of what each township’s metrics --json counts, key by key, text figures included', () => {
    const sums = new Map<string, number>();
    const reporters = new Map<string, number>();
    const fromText = new Map<string, number>();
    for (const t of s.townships) {
      const loaded = loadReportFile(t.file);
      if (!loaded.ok) throw new Error(t.file);
      for (const rec of reportFactRecords(loaded.report)) {
        if (!rec.key || !rec.counted) continue;
        sums.set(rec.key, (sums.get(rec.key) ?? 0) + rec.value);
        reporters.set(rec.key, (reporters.get(rec.key) ?? 0) + 1);
        if (rec.origin === 'text') fromText.set(rec.key, (fromText.get(rec.key) ?? 0) + 1);
      }
    }
    const json = summaryJson(s);
    let checked = 0;
    for (const [key, total] of Object.entries(json.metrics)) {
      expect(total.fromText, key).toBe(fromText.get(key) ?? 0);
      expect(total.reported, key).toBe(reporters.get(key) ?? 0);
      if (total.method !== 'sum') continue;
      expect(total.sum, key).toBe(sums.get(key) ?? null);
      checked++;
    }
    expect(checked).toBeGreaterThan(20);
    // The township that declared no metrics is counted from its text, and says so.
    expect(json.metrics['study.centralGroupSessions']).toMatchObject({ sum: 74, reported: 14, fromText: 1, fromTextTownships: ['示例壬镇'] });
    // 13500余-style figures make the county total a lower bound.
    expect(s.metrics['publicity.materials'].qualifier).toBe('余');
  });

  it('marks figures taken from a township’s text in the tables and the narrative', () => {
    const t1 = townshipTable(s);
    const row = t1.rows.findIndex((r) => r[0] === '示例壬镇');
    expect(printed(t1, row, 0)).toBe('示例壬镇（据正文提取）');
    expect(t1.rows.map((_, i) => printed(t1, i, 0)).filter((c) => c.includes('据正文提取'))).toHaveLength(1);
    const t2 = totalsTable(s);
    const study = t2.rows.findIndex((r) => String(r[0]).startsWith('党委理论学习中心组学法次数'));
    expect(printed(t2, study, 2)).toBe('14（其中1个据正文提取）');
    const doc = composeRollup(s);
    const text = doc.body.flatMap((b) => (b.kind === 'paragraph' ? [b.runs.map((r) => r.text).join('')] : [])).join('');
    expect(text).toMatch(/示例壬镇未填报统计指标，合计中其\d+项数字据正文提取，请核对/);
  });

  it('files each shortcoming under the theme its wording belongs to', () => {
    // Written independently of templates/themes.yaml: the generator's headings and what they are about.
    const THEME_OF: Record<string, string> = {
      '学习贯彻习近平法治思想的系统性不足。': '学习不够系统',
      '基层执法力量不足。': '执法力量不足',
      '普法宣传形式单一。': '普法形式单一',
      '重大决策制定程序有待规范。': '决策程序不规范',
      '基层法治队伍建设有待加强。': '队伍专业化不足',
      '法治建设信息化水平不高。': '信息化水平不高',
      '法治建设与考核挂钩不密切。': '法治考核不够有力',
    };
    const expected = new Map<string, string[]>();
    for (const t of s.townships) {
      for (const item of sectionsCovering(t.report.body, 'shortcomings').flatMap((c) => c.section.body ?? []).filter(isSection)) {
        const theme = THEME_OF[item.heading];
        expect(theme, item.heading).toBeDefined();
        expected.set(theme, [...(expected.get(theme) ?? []), t.township]);
      }
    }
    const got = new Map(s.themes.shortcomings.map((g) => [g.label, g.townships]));
    expect(got).toEqual(expected);
  });
});
