// Form fields bound to a path in the report data, each with the validation messages for that path beside it.
import { createContext } from 'preact';
import { useContext, useLayoutEffect, useRef } from 'preact/hooks';
import type { DiagView } from '../protocol.ts';
import { diagsAt, getAt, pathKey, type Path } from './data.ts';

export interface EditorCtx {
  data: unknown;
  diags: DiagView[];
  update(path: Path, value: unknown): void;
  focused(path: Path): void; // the paragraph being edited, for the preview to keep in view
}

export const Editor = createContext<EditorCtx>({ data: {}, diags: [], update() {}, focused() {} });

export function Msgs({ path }: { path: Path }) {
  const { diags } = useContext(Editor);
  const here = diagsAt(diags, path);
  if (here.length === 0) return null;
  return (
    <div class="msgs" data-path={pathKey(path)}>
      {here.map((d) => (
        <div class={`msg ${d.severity}`} title={d.text}>
          {d.severity === 'error' ? '✗ ' : '⚠ '}
          {d.zh}
          <span class="en"> {d.en}</span>
        </div>
      ))}
    </div>
  );
}

const toText = (v: unknown): string => (v === undefined || v === null ? '' : String(v));

/** A one-line text field; an empty field removes the key (the schema's "absent"), a numeric one stays a number. */
export function TextField(props: { label: string; path: Path; placeholder?: string; numeric?: boolean; wide?: boolean; hint?: string }) {
  const { data, update } = useContext(Editor);
  const value = toText(getAt(data, props.path));
  return (
    <label class={`field${props.wide ? ' wide' : ''}`} data-field={pathKey(props.path)}>
      <span class="label">{props.label}</span>
      <input
        type="text"
        value={value}
        placeholder={props.placeholder}
        inputMode={props.numeric ? 'numeric' : undefined}
        onInput={(e) => {
          const s = (e.currentTarget as HTMLInputElement).value;
          update(props.path, s === '' ? undefined : props.numeric && /^\d+$/.test(s) ? Number(s) : s);
        }}
      />
      {props.hint && <span class="hint">{props.hint}</span>}
      <Msgs path={props.path} />
    </label>
  );
}

export function SelectField(props: { label: string; path: Path; options: [string, string][] }) {
  const { data, update } = useContext(Editor);
  return (
    <label class="field" data-field={pathKey(props.path)}>
      <span class="label">{props.label}</span>
      <select value={toText(getAt(data, props.path))} onChange={(e) => update(props.path, (e.currentTarget as HTMLSelectElement).value || undefined)}>
        {props.options.map(([v, text]) => (
          <option value={v}>{text}</option>
        ))}
      </select>
      <Msgs path={props.path} />
    </label>
  );
}

/** A textarea that grows with its text, so a paragraph is read whole, as in the document. */
export function Paragraph(props: { path: Path; onKeyDown?: (e: KeyboardEvent) => void; taRef?: (el: HTMLTextAreaElement | null) => void }) {
  const { data, update, focused } = useContext(Editor);
  const ref = useRef<HTMLTextAreaElement>(null);
  const value = toText(getAt(data, props.path));
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    el.style.height = 'auto';
    el.style.height = `${el.scrollHeight + 2}px`;
  }, [value]);
  return (
    <textarea
      ref={(el) => {
        ref.current = el;
        props.taRef?.(el);
      }}
      class="para"
      rows={2}
      value={value}
      data-field={pathKey(props.path)}
      onFocus={() => focused(props.path)}
      onKeyDown={props.onKeyDown}
      onInput={(e) => update(props.path, (e.currentTarget as HTMLTextAreaElement).value)}
    />
  );
}

/** A list of strings (signers, 抄送, attachments by name): one input each, add and remove. */
export function StringList(props: { label: string; path: Path; addLabel: string }) {
  const { data, update } = useContext(Editor);
  const raw = getAt(data, props.path);
  const list = Array.isArray(raw) ? raw : [];
  return (
    <div class="field wide" data-field={pathKey(props.path)}>
      <span class="label">{props.label}</span>
      <div class="list">
        {list.map((v, i) => (
          <div class="row">
            <input type="text" value={toText(v)} onInput={(e) => update([...props.path, i], (e.currentTarget as HTMLInputElement).value)} />
            <button type="button" class="icon" title="删除" onClick={() => update(props.path, list.length > 1 ? list.filter((_, j) => j !== i) : undefined)}>
              ✕
            </button>
            <Msgs path={[...props.path, i]} />
          </div>
        ))}
        <button type="button" class="add" onClick={() => update(props.path, [...list, ''])}>
          ＋ {props.addLabel}
        </button>
      </div>
      <Msgs path={props.path} />
    </div>
  );
}
