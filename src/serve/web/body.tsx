// The author's document: an ordered body of paragraphs, headed sections and tables (src/schema/body.ts),
// edited in place: add, reorder, split, merge and delete; headings numbered automatically by depth.
import { useContext, useRef } from 'preact/hooks';
import type { BodyNode, PartKey, Section, TableBlock } from '../../schema/body.ts';
import { PART_KEYS } from '../../schema/body.ts';
import { autoNumber, getAt, isObj, pathKey, type Path } from './data.ts';
import { Editor, Msgs, Paragraph } from './fields.tsx';

export const PART_LABELS: Record<PartKey, string> = {
  measures: '主要举措和成效',
  leadership: '第一责任人履职',
  shortcomings: '存在的不足',
  nextYear: '下一年安排',
  other: '其他情况',
};

const isSection = (n: unknown): n is Section => isObj(n) && 'heading' in n;
const isTable = (n: unknown): n is TableBlock => isObj(n) && 'table' in n;

function Toolbar(props: { path: Path; index: number; count: number; extra?: preact.ComponentChildren }) {
  const { data, update } = useContext(Editor);
  const list = (getAt(data, props.path) as BodyNode[]) ?? [];
  const i = props.index;
  const move = (to: number) => {
    const copy = list.slice();
    const [node] = copy.splice(i, 1);
    copy.splice(to, 0, node);
    update(props.path, copy);
  };
  return (
    <div class="tools">
      {props.extra}
      <button type="button" class="icon" title="上移" disabled={i === 0} onClick={() => move(i - 1)}>
        ↑
      </button>
      <button type="button" class="icon" title="下移" disabled={i === props.count - 1} onClick={() => move(i + 1)}>
        ↓
      </button>
      <button type="button" class="icon danger" title="删除" onClick={() => update(props.path, list.filter((_, j) => j !== i))}>
        ✕
      </button>
    </div>
  );
}

function ParagraphBlock({ path, index, count }: { path: Path; index: number; count: number }) {
  const { data, update } = useContext(Editor);
  const ta = useRef<HTMLTextAreaElement | null>(null);
  const list = getAt(data, path) as BodyNode[];
  const split = () => {
    const text = list[index] as string;
    const at = ta.current?.selectionStart ?? text.length;
    if (at <= 0 || at >= text.length) return;
    update(path, [...list.slice(0, index), text.slice(0, at), text.slice(at), ...list.slice(index + 1)]);
  };
  const canMerge = typeof list[index + 1] === 'string';
  const merge = () => update(path, [...list.slice(0, index), `${list[index] as string}${list[index + 1] as string}`, ...list.slice(index + 2)]);
  return (
    <div class="block para-block">
      <Paragraph path={[...path, index]} taRef={(el) => (ta.current = el)} />
      <Toolbar
        path={path}
        index={index}
        count={count}
        extra={
          <>
            <button type="button" class="icon" title="在光标处拆分为两段" onClick={split}>
              拆分
            </button>
            <button type="button" class="icon" title="与下一段合并" disabled={!canMerge} onClick={merge}>
              合并
            </button>
          </>
        }
      />
      <Msgs path={[...path, index]} />
    </div>
  );
}

function CoversPicker({ path }: { path: Path }) {
  const { data, update } = useContext(Editor);
  const raw = getAt(data, path);
  const chosen: PartKey[] = Array.isArray(raw) ? (raw as PartKey[]) : typeof raw === 'string' ? [raw as PartKey] : [];
  const toggle = (k: PartKey) => {
    const next = PART_KEYS.filter((p) => (p === k ? !chosen.includes(p) : chosen.includes(p)));
    update(path, next.length === 0 ? undefined : next.length === 1 ? next[0] : next);
  };
  return (
    <div class="covers" data-field={pathKey(path)}>
      <span class="label">对应法定部分</span>
      {PART_KEYS.map((k) => (
        <label class={`chip${chosen.includes(k) ? ' on' : ''}`}>
          <input type="checkbox" checked={chosen.includes(k)} onChange={() => toggle(k)} />
          {PART_LABELS[k]}
        </label>
      ))}
      <Msgs path={path} />
    </div>
  );
}

function SectionBlock({ path, index, count, depth, shown }: { path: Path; index: number; count: number; depth: number; shown: string }) {
  const { data, update } = useContext(Editor);
  const here = [...path, index];
  const section = getAt(data, here) as Section;
  return (
    <div class={`block section depth${depth}`}>
      <div class="section-head">
        <input
          class="number"
          type="text"
          value={section.number ?? ''}
          placeholder={shown}
          title="序号：留空则自动编号"
          onInput={(e) => update([...here, 'number'], (e.currentTarget as HTMLInputElement).value === '' ? undefined : (e.currentTarget as HTMLInputElement).value)}
        />
        <input
          class="heading"
          type="text"
          value={section.heading}
          data-field={pathKey([...here, 'heading'])}
          onInput={(e) => update([...here, 'heading'], (e.currentTarget as HTMLInputElement).value)}
        />
        <label class="inline-toggle" title="标题与第一段连排，如“（一）加强组织领导。一是……”">
          <input type="checkbox" checked={section.inline === true} onChange={(e) => update([...here, 'inline'], (e.currentTarget as HTMLInputElement).checked || undefined)} />
          连排
        </label>
        <Toolbar path={path} index={index} count={count} />
      </div>
      <Msgs path={[...here, 'heading']} />
      <Msgs path={[...here, 'number']} />
      <Msgs path={here} />
      {depth === 0 && <CoversPicker path={[...here, 'covers']} />}
      <BodyList path={[...here, 'body']} depth={depth + 1} />
    </div>
  );
}

function TableEditor({ path, index, count }: { path: Path; index: number; count: number }) {
  const { data, update } = useContext(Editor);
  const here = [...path, index, 'table'];
  const t = (getAt(data, here) as TableBlock['table']) ?? { columns: [], rows: [] };
  const setCols = (columns: string[], rows: string[][]) => update(here, { ...t, columns, rows, widths: undefined });
  return (
    <div class="block table-block">
      <div class="section-head">
        <span class="label">表格</span>
        <input class="heading" type="text" placeholder="表题（可不填）" value={t.caption ?? ''} onInput={(e) => update([...here, 'caption'], (e.currentTarget as HTMLInputElement).value || undefined)} />
        <Toolbar path={path} index={index} count={count} />
      </div>
      <table class="grid">
        <thead>
          <tr>
            {t.columns.map((c, j) => (
              <th>
                <input type="text" value={c} onInput={(e) => update([...here, 'columns', j], (e.currentTarget as HTMLInputElement).value)} />
              </th>
            ))}
            <th>
              <button type="button" class="icon" title="加一列" onClick={() => setCols([...t.columns, ''], t.rows.map((r) => [...r, '']))}>
                ＋列
              </button>
            </th>
          </tr>
        </thead>
        <tbody>
          {t.rows.map((row, r) => (
            <tr>
              {row.map((cell, j) => (
                <td>
                  <input type="text" value={cell} onInput={(e) => update([...here, 'rows', r, j], (e.currentTarget as HTMLInputElement).value)} />
                </td>
              ))}
              <td>
                <button type="button" class="icon danger" title="删除此行" onClick={() => update([...here, 'rows'], t.rows.filter((_, k) => k !== r))}>
                  ✕
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <button type="button" class="add" onClick={() => update([...here, 'rows'], [...t.rows, t.columns.map(() => '')])}>
        ＋ 行
      </button>
      {t.columns.length > 1 && (
        <button type="button" class="add" onClick={() => setCols(t.columns.slice(0, -1), t.rows.map((r) => r.slice(0, -1)))}>
          − 最后一列
        </button>
      )}
      <Msgs path={[...path, index]} />
    </div>
  );
}

/** A body (the document's, a section's or an attachment's): its blocks in order, and buttons to add more. */
export function BodyList({ path, depth }: { path: Path; depth: number }) {
  const { data, update } = useContext(Editor);
  const raw = getAt(data, path);
  const list: BodyNode[] = Array.isArray(raw) ? (raw as BodyNode[]) : [];
  let auto = 0;
  const add = (node: BodyNode) => update(path, [...list, node]);
  return (
    <div class={`body depth${depth}`} data-field={pathKey(path)}>
      {list.map((node, i) => {
        if (typeof node === 'string') return <ParagraphBlock path={path} index={i} count={list.length} />;
        if (isTable(node)) return <TableEditor path={path} index={i} count={list.length} />;
        if (isSection(node)) {
          // Counted among the siblings numbered automatically, as compose counts them.
          if (node.number === undefined) auto += 1;
          const shown = node.number === undefined ? autoNumber(depth, auto) : '';
          return <SectionBlock path={path} index={i} count={list.length} depth={depth} shown={shown} />;
        }
        return <Msgs path={[...path, i]} />;
      })}
      <div class="adders">
        <button type="button" class="add" onClick={() => add('')}>
          ＋ 段落
        </button>
        {depth < 4 && (
          <button type="button" class="add" onClick={() => add({ heading: '', body: [''] })}>
            ＋ {depth === 0 ? '章（一级标题）' : '小节'}
          </button>
        )}
        <button type="button" class="add" onClick={() => add({ table: { columns: ['项目', '数量'], rows: [['', '']] } })}>
          ＋ 表格
        </button>
      </div>
      <Msgs path={path} />
    </div>
  );
}

/** 附件: by name only (the old form), or a title with content laid out on its own pages. */
export function Attachments() {
  const { data, update } = useContext(Editor);
  const raw = getAt(data, ['attachments']);
  const list = Array.isArray(raw) ? raw : [];
  return (
    <div class="attachments" data-field="attachments">
      {list.map((a, i) => {
        const here = ['attachments', i];
        const withBody = isObj(a);
        const titlePath = withBody ? [...here, 'title'] : here;
        return (
          <div class="block section depth1">
            <div class="section-head">
              <span class="label">附件{i + 1}</span>
              <input
                class="heading"
                type="text"
                value={String(getAt(data, titlePath) ?? '')}
                data-field={pathKey(titlePath)}
                onInput={(e) => update(titlePath, (e.currentTarget as HTMLInputElement).value)}
              />
              {!withBody && (
                <button type="button" class="icon" title="为附件添加正文" onClick={() => update(here, { title: a, body: [''] })}>
                  ＋正文
                </button>
              )}
              <button type="button" class="icon danger" title="删除" onClick={() => update(['attachments'], list.length > 1 ? list.filter((_, j) => j !== i) : undefined)}>
                ✕
              </button>
            </div>
            <Msgs path={titlePath} />
            <Msgs path={here} />
            {withBody && <BodyList path={[...here, 'body']} depth={1} />}
          </div>
        );
      })}
      <button type="button" class="add" onClick={() => update(['attachments'], [...list, ''])}>
        ＋ 附件
      </button>
      <Msgs path={['attachments']} />
    </div>
  );
}
