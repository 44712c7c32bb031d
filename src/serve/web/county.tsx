// The county page: every folder of reports; for a county, its townships' status, the roll-up's totals and
// charts, the downloads, and the drop zone that imports an old report and opens it in the editor.
import { useEffect, useState } from 'preact/hooks';
import type { ChartView, FolderView, ImportResponse, ReportRow, TreeResponse } from '../protocol.ts';
import { download, getJson, postBytes } from './api.ts';
import { importKey } from './editor.tsx';

const STATUS: Record<ReportRow['status'], [string, string]> = {
  ok: ['通过', 'ok'],
  warnings: ['有警告', 'warn'],
  missingParts: ['缺少法定部分', 'warn'],
  late: ['逾期报送', 'warn'],
  invalid: ['未通过校验', 'bad'],
  absent: ['未报送', 'bad'],
  duplicate: ['重复报送', 'bad'],
  unexpected: ['不在名单中', 'warn'],
};

const editLink = (path: string) => `#/edit?path=${encodeURIComponent(path)}`;

function Chart({ chart }: { chart: ChartView }) {
  const max = Math.max(1, ...chart.bars.map((b) => b.value));
  return (
    <figure class="chart">
      <figcaption>
        各乡镇{chart.label}（{chart.unit}）
      </figcaption>
      {chart.bars.map((b) => (
        <div class="bar-row">
          <span class="bar-label">{b.township}</span>
          <span class="bar" style={{ width: `${(b.value / max) * 100}%` }} />
          <span class="bar-value">{b.value}</span>
        </div>
      ))}
    </figure>
  );
}

function Reports({ rows }: { rows: ReportRow[] }) {
  return (
    <table class="reports">
      <thead>
        <tr>
          <th>乡镇（街道）</th>
          <th>状态</th>
          <th>成文日期</th>
          <th>问题</th>
          <th />
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr data-township={r.township}>
            <td>{r.township}</td>
            <td>
              <span class={`status ${STATUS[r.status][1]}`}>{STATUS[r.status][0]}</span>
            </td>
            <td>{r.date ?? '—'}</td>
            <td class="flags">
              {r.reason ?? r.flags.filter((f) => f !== STATUS[r.status][0]).join('；')}
              {r.warnings > 0 && <span class="muted"> {r.warnings} 个警告</span>}
            </td>
            <td>{r.path && <a href={editLink(r.path)}>编辑</a>}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Folder({ f }: { f: FolderView }) {
  const [busy, setBusy] = useState('');
  const get = (what: string, url: string) => {
    setBusy(`正在生成${what}…`);
    download(url)
      .then(() => setBusy(''))
      .catch((e: Error) => setBusy(`生成失败：${e.message}`));
  };
  const q = encodeURIComponent(f.folder);
  const c = f.county;
  return (
    <section class="panel folder" data-folder={f.folder}>
      <h2>
        {c ? `${c.name} ${c.year} 年度` : f.folder || '数据文件夹'}
        {c?.demo && <span class="badge">示例数据，非真实地名</span>}
        <span class="path">{f.folder || '.'}</span>
      </h2>
      {f.countyError && <div class="msg error">county.yaml：{f.countyError}</div>}
      {c && (
        <div class="downloads">
          <span>汇总：</span>
          <button type="button" onClick={() => get('汇总 PDF', `/api/rollup?folder=${q}&format=pdf`)}>PDF</button>
          <button type="button" onClick={() => get('汇总 DOCX', `/api/rollup?folder=${q}&format=docx`)}>DOCX</button>
          <button type="button" onClick={() => get('汇总 XLSX', `/api/rollup?folder=${q}&format=xlsx`)}>XLSX</button>
          <span>　各乡镇：</span>
          <button type="button" onClick={() => get('压缩包', `/api/zip?folder=${q}`)}>全部 PDF 和 DOCX（zip）</button>
          <span class="muted">　报送截止 {c.deadline}</span>
          {busy && <span class="status">{busy}</span>}
        </div>
      )}
      <div class={c ? 'county-grid' : ''}>
        <Reports rows={f.reports} />
        {c && (
          <div class="totals">
            <table>
              <thead>
                <tr>
                  <th>汇总指标</th>
                  <th>合计</th>
                  <th>报送</th>
                </tr>
              </thead>
              <tbody>
                {[...c.totals, ...c.rates]
                  .filter((t) => t.value !== null)
                  .map((t) => (
                    <tr>
                      <td>{t.label}</td>
                      <td class="num">
                        {Number.isInteger(t.value) ? t.value : t.value?.toFixed(1)}
                        {t.qualifier ?? ''}
                        {t.unit}
                      </td>
                      <td class="num">{t.reported}</td>
                    </tr>
                  ))}
              </tbody>
            </table>
            {c.charts.map((ch) => (
              <Chart chart={ch} />
            ))}
          </div>
        )}
      </div>
    </section>
  );
}

function ImportZone({ folders }: { folders: string[] }) {
  const [folder, setFolder] = useState(folders[0] ?? '');
  const [state, setState] = useState('');
  const [over, setOver] = useState(false);
  const upload = async (file: File) => {
    setState(`正在导入 ${file.name}…`);
    try {
      const r = await postBytes<ImportResponse>(`/api/import?folder=${encodeURIComponent(folder)}&name=${encodeURIComponent(file.name)}`, await file.arrayBuffer());
      sessionStorage.setItem(importKey(r.path), JSON.stringify(r));
      location.hash = editLink(r.path);
    } catch (e) {
      setState(`导入失败：${e instanceof Error ? e.message : String(e)}`);
    }
  };
  return (
    <section
      class={`panel dropzone${over ? ' over' : ''}`}
      onDragOver={(e) => {
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(e) => {
        e.preventDefault();
        setOver(false);
        const file = e.dataTransfer?.files[0];
        if (file) void upload(file);
      }}
    >
      <strong>导入旧报告</strong>：把 .txt 或 .docx 文件拖到这里，或
      <label class="file-pick">
        选择文件
        <input type="file" accept=".txt,.docx" onChange={(e) => {
          const file = (e.currentTarget as HTMLInputElement).files?.[0];
          if (file) void upload(file);
        }} />
      </label>
      ，导入到
      <select value={folder} onChange={(e) => setFolder((e.currentTarget as HTMLSelectElement).value)}>
        {folders.map((f) => (
          <option value={f}>{f || '数据文件夹'}</option>
        ))}
      </select>
      {state && <span class="status"> {state}</span>}
    </section>
  );
}

export function CountyPage() {
  const [tree, setTree] = useState<TreeResponse | null>(null);
  const [error, setError] = useState('');
  useEffect(() => {
    getJson<TreeResponse>('/api/tree')
      .then(setTree)
      .catch((e: Error) => setError(e.message));
  }, []);
  if (error) return <div class="page-error">无法读取数据文件夹：{error}</div>;
  if (!tree) return <div class="loading">正在读取报告…</div>;
  return (
    <>
      <header class="topbar">
        <h1>法治政府建设情况报告</h1>
        <span class="file">数据文件夹：{tree.root}</span>
      </header>
      <main class="county">
        <ImportZone folders={tree.folders.map((f) => f.folder)} />
        {tree.folders.map((f) => (
          <Folder f={f} />
        ))}
      </main>
    </>
  );
}
