// The report editor: header fields, the body, attachments and metrics on the left, the live preview on the right.
// Edits are checked (and typeset) by the server a moment after the clerk pauses; nothing reaches the file
// until 保存, and unsaved edits survive a reload in local storage.
import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Variant } from '../../schema/report.ts';
import type { CheckRequest, CheckResponse, DiagView, FactView, ImportResponse, Opened, SaveResponse } from '../protocol.ts';
import { download, getJson, postJson } from './api.ts';
import { Attachments, BodyList } from './body.tsx';
import { getAt, pathKey, setAt, type Path } from './data.ts';
import { Editor, type EditorCtx } from './fields.tsx';
import { HeaderForm } from './header.tsx';
import { MetricsTable } from './metrics.tsx';
import { Preview, PreviewPane, type PageLayout } from './preview.tsx';

/** Pause after the last keystroke before the preview is asked for (counted from the keystroke itself, not from
 * the re-render after it): short enough to update within 500 ms. */
const PAUSE_MS = 150;

const unsavedKey = (path: string) => `gongwen:unsaved:${path}`;
export const importKey = (path: string) => `gongwen:import:${path}`;

interface Unsaved {
  version: string;
  data: unknown;
}

const sameJson = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

function base64Bytes(s: string): Uint8Array {
  const bin = atob(s);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

function Diagnostics({ diags, onPick }: { diags: DiagView[]; onPick(d: DiagView): void }) {
  const errors = diags.filter((d) => d.severity === 'error').length;
  const warnings = diags.length - errors;
  return (
    <div class={`diag-summary ${errors > 0 ? 'has-errors' : warnings > 0 ? 'has-warnings' : 'clean'}`}>
      <strong>{errors > 0 ? `${errors} 个错误` : '校验通过'}</strong>
      {warnings > 0 && <span>，{warnings} 个警告</span>}
      {diags.length > 0 && (
        <ul>
          {diags.map((d) => (
            <li class={d.severity} onClick={() => onPick(d)} title="点击定位到相应字段">
              {d.line ? <code>{d.line}:{d.col}</code> : null} {d.zh}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function ConflictDialog(props: { mine: string; disk: Opened; onMine(): void; onDisk(): void; onCancel(): void }) {
  const diskLines = new Set(props.disk.text.split('\n'));
  const mineLines = new Set(props.mine.split('\n'));
  return (
    <div class="modal" role="dialog" aria-label="文件已在别处修改">
      <div class="modal-box">
        <h2>文件已在别处修改</h2>
        <p>打开之后，这个文件在磁盘上被修改了（其他程序或另一个标签页）。请选择保留哪个版本。高亮的是两版不同的行。</p>
        <div class="versions">
          <div>
            <h3>我的版本</h3>
            <pre class="yaml">{props.mine.split('\n').map((l) => <div class={diskLines.has(l) ? '' : 'changed'}>{l || ' '}</div>)}</pre>
          </div>
          <div>
            <h3>磁盘上的版本</h3>
            <pre class="yaml">{props.disk.text.split('\n').map((l) => <div class={mineLines.has(l) ? '' : 'changed'}>{l || ' '}</div>)}</pre>
          </div>
        </div>
        <div class="actions">
          <button type="button" class="primary" onClick={props.onMine}>用我的版本覆盖</button>
          <button type="button" onClick={props.onDisk}>放弃我的修改，载入磁盘上的版本</button>
          <button type="button" onClick={props.onCancel}>取消</button>
        </div>
      </div>
    </div>
  );
}

function ImportChecklist({ result, onClose }: { result: ImportResponse; onClose(): void }) {
  return (
    <section class="panel checklist">
      <h2>导入检查清单（请逐项核对后勾选）</h2>
      <ul>
        {result.notes.map((n) => (
          <li>
            <label>
              <input type="checkbox" /> {n.zh}
              {n.line ? <span class="where">（原文第 {n.line} 行）</span> : null}
            </label>
          </li>
        ))}
        {result.artefacts.length > 0 && <li class="muted">已从原文移除 {result.artefacts.length} 处附带标记（页码、网页残留等）</li>}
      </ul>
      <button type="button" onClick={onClose}>收起清单</button>
    </section>
  );
}

export function EditorPage({ path }: { path: string }) {
  const [opened, setOpened] = useState<Opened | null>(null);
  const [data, setData] = useState<unknown>(undefined);
  const [version, setVersion] = useState('');
  const [dirty, setDirty] = useState(false);
  const [diags, setDiags] = useState<DiagView[]>([]);
  const [facts, setFacts] = useState<FactView[]>([]);
  const [variant, setVariant] = useState<Variant | ''>('');
  const [layout, setLayout] = useState<PageLayout>('scroll');
  const [status, setStatus] = useState('');
  const [error, setError] = useState('');
  const [conflict, setConflict] = useState<{ mine: string; disk: Opened } | null>(null);
  const [imported, setImported] = useState<ImportResponse | null>(() => {
    const s = sessionStorage.getItem(importKey(path));
    return s ? (JSON.parse(s) as ImportResponse) : null;
  });
  const focusText = useRef('');
  const seq = useRef(0);
  const editedAt = useRef(0); // performance.now() of the last edit
  const [asked, setAsked] = useState(0); // the preview pane asked for a version again
  const pane = useMemo(() => new PreviewPane(() => focusText.current, () => setAsked((n) => n + 1)), []);

  const load = useCallback(async () => {
    try {
      const o = await getJson<Opened>(`/api/report?path=${encodeURIComponent(path)}`);
      setOpened(o);
      setVersion(o.version);
      const kept = localStorage.getItem(unsavedKey(path));
      const unsaved = kept ? (JSON.parse(kept) as Unsaved) : undefined;
      if (unsaved && unsaved.version === o.version) {
        setData(unsaved.data);
        setDirty(true);
        setStatus('已恢复上次未保存的修改');
      } else {
        setData(o.data);
        setDirty(false);
      }
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  }, [path]);
  useEffect(() => void load(), [load]);

  // Ask the server to check and typeset a moment after the last change; a newer change cancels the request.
  // The answer goes to the preview first and directly, then to the form (re-rendered only when it changed).
  useEffect(() => {
    if (data === undefined) return;
    const mine = ++seq.current;
    const abort = new AbortController();
    const timer = setTimeout(async () => {
      try {
        const requested = performance.now();
        const body: CheckRequest = { path, data, variant: variant || undefined, have: pane.have() };
        const r = await postJson<CheckResponse>('/api/check', body, abort.signal);
        if (mine !== seq.current) return;
        const p = r.preview;
        if (p) void pane.show({ keys: p.keys, sent: p.sent, bytes: p.pdf ? base64Bytes(p.pdf) : undefined, requested, received: performance.now(), serverMs: r.ms });
        setDiags((d) => (sameJson(d, r.diagnostics) ? d : r.diagnostics));
        if (r.ok) setFacts((f) => (sameJson(f, r.facts) ? f : r.facts));
      } catch (e) {
        if (mine === seq.current) setStatus(e instanceof Error ? e.message : String(e));
      }
    }, Math.max(0, PAUSE_MS - (performance.now() - editedAt.current)));
    return () => {
      clearTimeout(timer);
      abort.abort();
    };
  }, [data, variant, path, pane, asked]);

  // Unsaved edits survive a reload, and closing the tab with them asks first.
  useEffect(() => {
    if (!dirty) return;
    localStorage.setItem(unsavedKey(path), JSON.stringify({ version, data } satisfies Unsaved));
    const warn = (e: BeforeUnloadEvent) => {
      e.preventDefault();
      e.returnValue = '';
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty, data, version, path]);

  const save = useCallback(
    async (force = false, base = version) => {
      setStatus('正在保存…');
      try {
        const r = await postJson<SaveResponse>('/api/save', { path, data, version: base, force });
        if (r.saved === 'file') {
          setVersion(r.version);
          setDirty(false);
          setConflict(null);
          localStorage.removeItem(unsavedKey(path));
          setStatus(`已保存 ${new Date().toLocaleTimeString('zh-CN')}`);
        } else if (r.saved === 'draft') {
          setDiags(r.diagnostics);
          setStatus('内容未通过校验：已另存为草稿，原文件未改动。改正错误后再保存。');
        } else {
          setConflict({ mine: r.mine, disk: r.disk });
          setStatus('文件已在别处修改，未保存');
        }
      } catch (e) {
        setStatus(`保存失败：${e instanceof Error ? e.message : String(e)}`);
      }
    },
    [path, data, version],
  );

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 's') {
        e.preventDefault();
        void save();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [save]);

  const ctx = useMemo<EditorCtx>(
    () => ({
      data,
      diags,
      update(p: Path, value: unknown) {
        editedAt.current = performance.now();
        setData((d: unknown) => setAt(d, p, value));
        setDirty(true);
        const v = typeof value === 'string' ? value : '';
        if (v.length >= 4) focusText.current = v;
      },
      focused(p: Path) {
        const v = getAt(data, p);
        if (typeof v === 'string') focusText.current = v;
      },
    }),
    [data, diags],
  );

  const pick = (d: DiagView) => {
    const el = document.querySelector(`[data-field="${CSS.escape(pathKey(d.path))}"]`) as HTMLElement | null;
    el?.scrollIntoView({ block: 'center' });
    const target = el?.matches('input,textarea,select') ? el : el?.querySelector<HTMLElement>('input,textarea,select');
    target?.focus();
  };

  if (error) return <div class="page-error">无法打开：{error} <a href="#/">返回</a></div>;
  if (!opened || data === undefined) return <div class="loading">正在打开…</div>;
  const title = String(getAt(data, ['township']) ?? path);
  return (
    <Editor.Provider value={ctx}>
      <header class="topbar">
        <a href="#/" class="back">← 全部报告</a>
        <h1>
          {title} <span class="file">{path}</span>
        </h1>
        <span class={`dirty ${dirty ? 'on' : ''}`}>{dirty ? '● 未保存' : '已保存'}</span>
        <span class="status" role="status">{status}</span>
        <button type="button" class="primary" onClick={() => void save()} title="Ctrl+S">
          保存
        </button>
      </header>
      <main class="editor">
        <div class="left">
          {opened.draft && (
            <div class="banner">
              有一份未通过校验的草稿（{new Date(opened.draft.savedAt).toLocaleString('zh-CN')}）。
              <button type="button" onClick={() => { setData(opened.draft!.data); setDirty(true); setOpened({ ...opened, draft: undefined }); }}>载入草稿</button>
            </div>
          )}
          {imported && <ImportChecklist result={imported} onClose={() => { sessionStorage.removeItem(importKey(path)); setImported(null); }} />}
          <Diagnostics diags={diags} onPick={pick} />
          <section class="panel">
            <h2>文件信息</h2>
            <HeaderForm />
          </section>
          <section class="panel">
            <h2>正文</h2>
            <BodyList path={['body']} depth={0} />
          </section>
          <section class="panel">
            <h2>附件</h2>
            <Attachments />
          </section>
          <section class="panel">
            <h2>统计指标</h2>
            <MetricsTable facts={facts} />
          </section>
        </div>
        <div class="right">
          <div class="preview-bar">
            <select value={variant} onChange={(e) => setVariant((e.currentTarget as HTMLSelectElement).value as Variant | '')} title="预览版式">
              <option value="">按文件设置的版式</option>
              <option value="file-up">上行文</option>
              <option value="file-down">下行文</option>
              <option value="plain">公开版</option>
            </select>
            <button type="button" onClick={() => setLayout(layout === 'scroll' ? 'spread' : 'scroll')}>{layout === 'scroll' ? '并排显示' : '单列滚动'}</button>
            <span class="spacer" />
            <button type="button" onClick={() => void download('/api/render', { path, data, format: 'pdf', variant: variant || undefined }).catch((e: Error) => setStatus(e.message))}>下载 PDF</button>
            <button type="button" onClick={() => void download('/api/render', { path, data, format: 'docx', variant: variant || undefined }).catch((e: Error) => setStatus(e.message))}>下载 DOCX</button>
          </div>
          <Preview pane={pane} layout={layout} />
        </div>
      </main>
      {conflict && (
        <ConflictDialog
          mine={conflict.mine}
          disk={conflict.disk}
          onMine={() => void save(true, conflict.disk.version)}
          onDisk={() => {
            setData(conflict.disk.data);
            setVersion(conflict.disk.version);
            setDirty(false);
            localStorage.removeItem(unsavedKey(path));
            setConflict(null);
            setStatus('已载入磁盘上的版本');
          }}
          onCancel={() => setConflict(null)}
        />
      )}
    </Editor.Provider>
  );
}
