// A broken file, a duplicate, an unlisted township and an absent one: all reported, the rest rolls up.
import { describe, expect, it } from 'vitest';
import { rollupCounty } from '../src/rollup/index.ts';

const DIR = 'tests/fixtures/rollup/roster';

describe('rollupCounty with roster problems', () => {
  const s = rollupCounty(DIR);
  const row = (t: string) => s.completeness.filter((r) => r.township === t);

  it('shows a file that fails validation as 未通过校验 with the reason and its line', () => {
    const [bad] = row('示例丑镇');
    expect(bad.status).toBe('invalid');
    expect(bad.flags).toContain('未通过校验');
    expect(bad.reason).toMatch(/第6行/);
    expect(bad.reason).toMatch(/2024-02-30/);
    expect(s.diagnostics.some((d) => d.severity === 'error' && d.file?.endsWith('示例丑镇.yaml') && d.line === 6)).toBe(true);
  });

  it('rolls up the valid listed townships only, once each', () => {
    expect(s.townships.map((t) => t.township)).toEqual(['示例子镇', '示例巳镇']);
    // 子 100 + 巳 50; the duplicate (100), the unlisted 辰 (50) and the broken 丑 (300) stay out
    expect(s.metrics['mediation.disputesMediated']).toMatchObject({ value: 150, reported: 2 });
  });

  it('reports duplicates, unexpected and absent townships', () => {
    expect(s.roster.duplicates).toEqual([
      { township: '示例子镇', files: [`${DIR}/示例子镇.yaml`, `${DIR}/示例子镇（修改稿）.yaml`] },
    ]);
    expect(s.roster.unexpected).toEqual([{ township: '示例辰镇', file: `${DIR}/示例辰镇.yaml` }]);
    expect(s.roster.absent).toEqual(['示例卯镇']);
    expect(row('示例卯镇')[0]).toMatchObject({ status: 'absent', flags: ['未报送'] });
    expect(row('示例子镇').map((r) => r.status)).toEqual(['ok', 'duplicate']);
    expect(row('示例辰镇')[0]).toMatchObject({ status: 'unexpected', listed: false });
  });
});
