// The metrics table: every catalogue metric with its label and unit, the figure the report gives, the phrase
// in the text that states it, and the loader's warning where the two disagree.
import { useContext } from 'preact/hooks';
import { CATALOGUE } from '../../schema/catalogue.ts';
import { QUALIFIERS } from '../../schema/report.ts';
import type { FactView } from '../protocol.ts';
import { diagsUnder, getAt, isObj } from './data.ts';
import { Editor, Msgs } from './fields.tsx';

export function MetricsTable({ facts }: { facts: FactView[] }) {
  const { data, diags, update } = useContext(Editor);
  const metrics = getAt(data, ['metrics']);
  const m = isObj(metrics) ? metrics : {};
  return (
    <table class="metrics">
      <thead>
        <tr>
          <th>指标</th>
          <th>数值</th>
          <th>单位</th>
          <th>约数</th>
          <th>正文中的表述</th>
        </tr>
      </thead>
      <tbody>
        {CATALOGUE.map((def) => {
          const path = ['metrics', def.key];
          const entry = isObj(m[def.key]) ? (m[def.key] as Record<string, unknown>) : undefined;
          const phrases = facts.filter((f) => f.key === def.key).map((f) => f.source ?? '');
          const flagged = diagsUnder(diags, path).length > 0;
          const set = (field: string, v: unknown) => {
            if (field === 'value' && v === undefined) return update(path, undefined);
            update(path, { ...(entry ?? { unit: def.unit }), [field]: v });
          };
          return (
            <tr class={flagged ? 'flagged' : ''} data-metric={def.key}>
              <td>{def.label}</td>
              <td>
                <input
                  type="text"
                  inputMode="decimal"
                  value={entry?.value === undefined ? '' : String(entry.value)}
                  onInput={(e) => {
                    const s = (e.currentTarget as HTMLInputElement).value.trim();
                    set('value', s === '' ? undefined : Number.isFinite(Number(s)) ? Number(s) : s);
                  }}
                />
              </td>
              <td>{String(entry?.unit ?? def.unit)}</td>
              <td>
                <select value={String(entry?.qualifier ?? '')} disabled={!entry} onChange={(e) => set('qualifier', (e.currentTarget as HTMLSelectElement).value || undefined)}>
                  <option value="">—</option>
                  {QUALIFIERS.map((q) => (
                    <option value={q}>{q}</option>
                  ))}
                </select>
              </td>
              <td class="phrase">
                {phrases.length > 0 ? phrases.map((p) => <mark>{p}</mark>) : <span class="none">正文未提及</span>}
                {[...new Set(diagsUnder(diags, path).map((d) => d.path.join('.')))].map((k) => (
                  <Msgs path={k.split('.')} />
                ))}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
