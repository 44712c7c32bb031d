// Request checks that keep a local server local: the Host header (DNS rebinding), the Origin of any
// request that changes something (cross-site POST), a header a plain HTML form cannot send, and body limits.
import type { IncomingMessage } from 'node:http';
import { networkInterfaces } from 'node:os';

export const JSON_LIMIT = 4 * 1024 * 1024; // an edited report is a few dozen KB
export const UPLOAD_LIMIT = 10 * 1024 * 1024; // an old .docx with pictures; a .txt is far smaller

/** The header every changing request must carry: a cross-site page can only add it after a CORS preflight, which this server never grants. */
export const CSRF_HEADER = 'x-gongwen';

export class RequestError extends Error {
  constructor(
    readonly status: number,
    readonly zh: string,
    readonly en: string,
  ) {
    super(en);
  }
}

/** Host names the server answers to: loopback by its usual names, plus the --host the user chose. */
export function allowedHosts(host: string, port: number): Set<string> {
  const names = new Set(['127.0.0.1', 'localhost', '[::1]']);
  // A wildcard address answers on every interface: each of the machine's addresses is a valid Host.
  const wildcard = host === '0.0.0.0' || host === '::';
  const extra = wildcard ? Object.values(networkInterfaces()).flatMap((list) => (list ?? []).map((a) => a.address)) : [host];
  for (const h of extra) if (h !== '127.0.0.1') names.add(h.includes(':') && !h.startsWith('[') ? `[${h}]` : h);
  return new Set([...names].map((n) => `${n}:${port}`));
}

export function checkRequest(req: IncomingMessage, hosts: Set<string>): void {
  const host = (req.headers.host ?? '').toLowerCase();
  if (!hosts.has(host)) throw new RequestError(421, '主机名不符（Host 头），请求被拒绝', `unexpected Host header: ${host || '(none)'}`);
  if (req.method === 'GET' || req.method === 'HEAD') return;
  const origin = req.headers.origin;
  // Browsers send Origin on every POST; a tool like curl sends none and is not a cross-site attacker.
  if (origin !== undefined && !hosts.has(origin.replace(/^http:\/\//, '').toLowerCase())) {
    throw new RequestError(403, '来源不符（Origin 头），请求被拒绝', `cross-origin request refused: ${origin}`);
  }
  const site = req.headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin' && site !== 'none') {
    throw new RequestError(403, '跨站请求被拒绝', `cross-site request refused (${site})`);
  }
  if (req.headers[CSRF_HEADER] !== '1') throw new RequestError(403, '缺少请求标记，请求被拒绝', `missing ${CSRF_HEADER} header`);
}

/**
 * Reads a request body up to `limit` bytes. A larger one is refused as soon as it is known to be larger; the
 * rest is read and dropped so the client, still sending, gets the 413 answer instead of a broken connection.
 */
export function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  const tooLarge = () =>
    new RequestError(413, `内容过大（上限 ${Math.round(limit / 1024 / 1024)} MB）`, `request body too large (limit ${limit} bytes)`);
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) {
    req.resume();
    return Promise.reject(tooLarge());
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        reject(tooLarge()); // answered now; later calls are no-ops
        chunks.length = 0;
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => (size > limit ? reject(tooLarge()) : resolve(Buffer.concat(chunks))));
    req.on('error', reject);
  });
}

export async function readJson(req: IncomingMessage): Promise<unknown> {
  if (!/^application\/json\b/.test(req.headers['content-type'] ?? '')) {
    throw new RequestError(415, '请求格式应为 JSON', 'expected application/json');
  }
  const body = await readBody(req, JSON_LIMIT);
  try {
    return JSON.parse(body.toString('utf8'));
  } catch {
    throw new RequestError(400, '请求内容不是有效的 JSON', 'invalid JSON body');
  }
}
