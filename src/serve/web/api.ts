// Calls to the server. Every changing request carries the x-gongwen header the server requires (guard.ts).
import type { ErrorResponse } from '../protocol.ts';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly zh: string,
  ) {
    super(zh);
  }
}

async function fail(r: Response): Promise<never> {
  let zh = `请求失败（${r.status}）`;
  try {
    const body = (await r.json()) as ErrorResponse;
    zh = body.error.zh;
  } catch {
    // not our JSON: keep the status
  }
  throw new ApiError(r.status, zh);
}

export async function getJson<T>(url: string): Promise<T> {
  const r = await fetch(url);
  if (!r.ok) return fail(r);
  return (await r.json()) as T;
}

export async function postJson<T>(url: string, body: unknown, signal?: AbortSignal): Promise<T> {
  const r = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json', 'x-gongwen': '1' }, body: JSON.stringify(body), signal });
  if (!r.ok) return fail(r);
  return (await r.json()) as T;
}

export async function postBytes<T>(url: string, bytes: ArrayBuffer): Promise<T> {
  const r = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/octet-stream', 'x-gongwen': '1' }, body: bytes });
  if (!r.ok) return fail(r);
  return (await r.json()) as T;
}

/** A file the server renders, saved by the browser under the name the server gives. */
export async function download(url: string, body?: unknown): Promise<void> {
  const r = body === undefined ? await fetch(url) : await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json', 'x-gongwen': '1' }, body: JSON.stringify(body) });
  if (!r.ok) return fail(r);
  const cd = r.headers.get('content-disposition') ?? '';
  const name = decodeURIComponent(/filename\*=UTF-8''([^;]+)/.exec(cd)?.[1] ?? 'download');
  const a = document.createElement('a');
  a.href = URL.createObjectURL(await r.blob());
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 60_000);
}
