// `gongwen rollup` end to end: real files, the real binary.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const out = mkdtempSync(join(tmpdir(), 'rollup-cli-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

function run(...args: string[]) {
  return spawnSync(process.execPath, ['bin/gongwen.js', 'rollup', ...args], { encoding: 'utf8' });
}

describe('gongwen rollup', () => {
  it('prints the totals as JSON and writes the workbook, reporting the broken file', () => {
    const r = run('tests/fixtures/rollup/roster', '--out', out, '--json', '--format', 'xlsx');
    expect(r.stderr).toMatch(/示例丑镇\.yaml:6:\d+: 错误 error/);
    expect(r.status).toBe(1); // a township file failed validation; the roll-up is still written
    const json = JSON.parse(r.stdout);
    expect(json.county).toBe('示例小县');
    expect(json.year).toBe(2023);
    expect(json.metrics['mediation.disputesMediated']).toEqual({ sum: 150, value: 150, method: 'sum', reported: 2, fromText: 0, fromTextTownships: [], qualifier: null });
    expect(json.metrics['publicity.materials']).toMatchObject({ sum: 13500, reported: 1, qualifier: '余' });
    expect(json.townships.map((t: { township: string; status: string }) => `${t.township}:${t.status}`)).toEqual([
      '示例子镇:ok',
      '示例子镇:duplicate',
      '示例丑镇:invalid',
      '示例卯镇:absent',
      '示例巳镇:ok',
      '示例辰镇:unexpected',
    ]);
    expect(existsSync(join(out, '示例小县2023汇总.xlsx'))).toBe(true);
  });

  it('exits 0 on the demo county and refuses an up-going variant', () => {
    const ok = run('data/示例县/2023', '--out', out, '--format', 'xlsx');
    expect(ok.status).toBe(0);
    expect(ok.stdout).toContain('示例县2023汇总.xlsx');
    const bad = run('data/示例县/2023', '--out', out, '--variant', 'file-up');
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('[cli.variant]');
    expect(bad.stderr).toContain('（可用 file-down, plain）');
  });
});
