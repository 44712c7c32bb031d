// The editor's model is the report as plain data (what the YAML holds); fields read and write it by path.
import type { DiagView } from '../protocol.ts';
import { headingNumber } from '../../compose/numbering.ts';

export type Path = (string | number)[];
export type Obj = Record<string, unknown>;

export const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

export function getAt(data: unknown, path: Path): unknown {
  let v = data;
  for (const step of path) {
    if (Array.isArray(v) && typeof step === 'number') v = v[step];
    else if (isObj(v)) v = v[String(step)];
    else return undefined;
  }
  return v;
}

/** A copy of `data` with the value at `path` replaced (undefined removes a key); the parents are copied, the rest shared. */
export function setAt(data: unknown, path: Path, value: unknown): unknown {
  if (path.length === 0) return value;
  const [step, ...rest] = path;
  if (Array.isArray(data) && typeof step === 'number') {
    const copy = data.slice();
    copy[step] = setAt(copy[step], rest, value);
    return copy;
  }
  const obj: Obj = isObj(data) ? { ...data } : {};
  const next = setAt(obj[String(step)], rest, value);
  if (next === undefined) delete obj[String(step)];
  else obj[String(step)] = next;
  // An object emptied by the form (printer, note, metrics) goes too: `printer: {}` would not validate.
  return Object.keys(obj).length === 0 ? undefined : obj;
}

export const pathKey = (p: Path): string => p.join('.');

export function diagsAt(list: DiagView[], path: Path): DiagView[] {
  const k = pathKey(path);
  return list.filter((d) => pathKey(d.path) === k);
}

export function diagsUnder(list: DiagView[], path: Path): DiagView[] {
  const k = pathKey(path);
  return list.filter((d) => pathKey(d.path) === k || pathKey(d.path).startsWith(`${k}.`));
}

/** The standard number of a heading at `depth` (0-based): the same function compose numbers with. */
export const autoNumber = (depth: number, n: number): string => headingNumber(Math.min(depth + 1, 4) as 1 | 2 | 3 | 4, n);
