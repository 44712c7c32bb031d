// Shared by the serve tests: raw HTTP requests whose every header the test chooses (Host, Origin included).
import { request } from 'node:http';

export interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
  json<T = unknown>(): T;
}

export function send(port: number, method: string, path: string, headers: Record<string, string> = {}, body?: Uint8Array | string): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method, path, headers: { host: `127.0.0.1:${port}`, ...headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const b = Buffer.concat(chunks);
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: b, json: <T>() => JSON.parse(b.toString('utf8')) as T });
      });
    });
    // The server may answer 413 and close before the whole body is sent: that is the answer, not an error.
    req.on('error', (e: NodeJS.ErrnoException) => (e.code === 'EPIPE' || e.code === 'ECONNRESET' ? undefined : reject(e)));
    if (body !== undefined) req.write(body);
    req.end();
  });
}

/** A changing request as the page sends it: JSON, same origin, with the x-gongwen header. */
export function post(port: number, path: string, value: unknown, headers: Record<string, string> = {}): Promise<Reply> {
  return send(port, 'POST', path, { 'content-type': 'application/json', origin: `http://127.0.0.1:${port}`, 'x-gongwen': '1', ...headers }, JSON.stringify(value));
}

/** The first paragraph of running text in a report's data (the editor's model), and its path. */
export function firstParagraph(data: unknown): { path: (string | number)[]; text: string } {
  const walk = (v: unknown, path: (string | number)[]): { path: (string | number)[]; text: string } | undefined => {
    if (typeof v === 'string') return v.length > 30 && path.some((p) => p === 'body' || p === 'lead' || p === 'paragraphs') ? { path, text: v } : undefined;
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) {
        const hit = walk(v[i], [...path, i]);
        if (hit) return hit;
      }
    } else if (v && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) {
        const hit = walk(x, [...path, k]);
        if (hit) return hit;
      }
    }
    return undefined;
  };
  const hit = walk(data, []);
  if (!hit) throw new Error('no paragraph found');
  return hit;
}
