// `gongwen serve` serves a folder: only files under it can be read or written, and only by the page itself.
// No browser here: raw HTTP requests with the headers an attacker would send.
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type Running } from '../src/serve/server.ts';
import { makeWorkspace } from './build-helpers.ts';
import { post, send } from './helpers/serve.ts';

let ws: ReturnType<typeof makeWorkspace>;
let srv: Running;
let port: number;
const REPORT = 'seeds/岔河镇-2023.yaml';
const q = (s: string) => encodeURIComponent(s);

beforeAll(async () => {
  ws = makeWorkspace(1);
  // Outside the data folder: a secret, and links to it from inside.
  writeFileSync(join(ws.dir, 'secret.yaml'), 'township: 秘密\n');
  mkdirSync(join(ws.dir, 'outside'));
  writeFileSync(join(ws.dir, 'outside', 'x.yaml'), 'township: 外面\n');
  symlinkSync(join(ws.dir, 'secret.yaml'), join(ws.data, 'seeds', 'link.yaml'));
  symlinkSync(join(ws.dir, 'outside'), join(ws.data, 'linkdir'));
  srv = await startServer({ dataDir: ws.data, port: 0 });
  port = srv.port;
});
afterAll(async () => {
  await srv?.close();
});

describe('file access guard', () => {
  it('opens a report under the data folder (the control)', async () => {
    const r = await send(port, 'GET', `/api/report?path=${q(REPORT)}`);
    expect(r.status).toBe(200);
    expect(r.json<{ text: string }>().text).toBe(readFileSync(ws.loose, 'utf8'));
  });

  it.each([
    ['..', '../secret.yaml'],
    ['.. deeper', 'seeds/../../secret.yaml'],
    ['absolute', '/tmp/secret.yaml'],
    ['absolute /etc', '/etc/passwd'],
    ['backslash', '..\\secret.yaml'],
    ['doubly encoded slash', '..%2Fsecret.yaml'],
    ['hidden file', 'seeds/.岔河镇-2023.yaml.draft'],
    ['not a YAML file', 'seeds/岔河镇-2023.import.md'],
  ])('refuses %s', async (_, path) => {
    const r = await send(port, 'GET', `/api/report?path=${q(path)}`);
    expect(r.status).toBe(403);
    expect(r.body.toString()).not.toContain('秘密');
  });

  it('refuses the absolute path of a real file outside', async () => {
    const r = await send(port, 'GET', `/api/report?path=${q(join(ws.dir, 'secret.yaml'))}`);
    expect(r.status).toBe(403);
  });

  it('refuses an encoded slash in the query (decoded once to ../)', async () => {
    const r = await send(port, 'GET', '/api/report?path=..%2Fsecret.yaml');
    expect(r.status).toBe(403);
  });

  it('does not serve files by URL path, encoded slashes or not', async () => {
    for (const p of ['/assets/..%2F..%2Fpackage.json', '/..%2Fsecret.yaml', '/api%2Freport?path=seeds%2F岔河镇-2023.yaml', '/%2e%2e/%2e%2e/etc/passwd']) {
      const r = await send(port, 'GET', p.replace(/[^\x20-\x7e]/g, (c) => encodeURIComponent(c)));
      expect(r.status, p).toBe(404);
    }
  });

  it('refuses a symlink to a file outside the folder', async () => {
    const r = await send(port, 'GET', `/api/report?path=${q('seeds/link.yaml')}`);
    expect(r.status).toBe(403);
    expect(r.body.toString()).not.toContain('秘密');
  });

  it('refuses a symlinked folder leading outside, for reading and for writing', async () => {
    expect((await send(port, 'GET', `/api/report?path=${q('linkdir/x.yaml')}`)).status).toBe(403);
    const r = await send(port, 'POST', `/api/import?folder=linkdir&name=a.txt`, { 'x-gongwen': '1', origin: `http://127.0.0.1:${port}` }, '报告\n');
    expect(r.status).toBe(403);
  });

  it('refuses to save through a symlink', async () => {
    const r = await post(port, '/api/save', { path: 'seeds/link.yaml', data: { township: '改' }, version: 'x', force: true });
    expect(r.status).toBe(403);
    expect(readFileSync(join(ws.dir, 'secret.yaml'), 'utf8')).toBe('township: 秘密\n');
  });

  it('an import names its file itself: a crafted upload name cannot leave the folder', async () => {
    const r = await send(port, 'POST', `/api/import?folder=seeds&name=${q('../../evil.txt')}`, { 'x-gongwen': '1' }, '某某镇2023年法治政府建设情况报告\n');
    expect(r.status).toBe(200);
    const path = r.json<{ path: string }>().path;
    expect(path.split('/')).toHaveLength(2);
    expect(path.split('/')[0]).toBe('seeds');
    expect(path.split('/')[1].startsWith('.')).toBe(false);
  });
});

describe('requests that change something', () => {
  const data = () => ({ township: '岔河镇' });

  it('refuses a foreign Host (DNS rebinding), on reads and writes', async () => {
    expect((await send(port, 'GET', '/api/tree', { host: 'evil.example:80' })).status).toBe(421);
    expect((await send(port, 'GET', '/api/tree', { host: `attacker.example:${port}` })).status).toBe(421);
    const r = await post(port, '/api/save', { path: REPORT, data: data(), version: 'x', force: true }, { host: `evil.example:${port}` });
    expect(r.status).toBe(421);
    expect((await send(port, 'GET', '/api/tree', { host: `localhost:${port}` })).status).toBe(200);
  });

  it('refuses a cross-site POST (Origin, Sec-Fetch-Site, missing x-gongwen)', async () => {
    const before = readFileSync(ws.loose, 'utf8');
    const body = { path: REPORT, data: data(), version: 'x', force: true };
    expect((await post(port, '/api/save', body, { origin: 'http://evil.example' })).status).toBe(403);
    expect((await post(port, '/api/save', body, { origin: 'null' })).status).toBe(403);
    expect((await post(port, '/api/save', body, { 'sec-fetch-site': 'cross-site' })).status).toBe(403);
    expect((await send(port, 'POST', '/api/save', { 'content-type': 'application/json' }, JSON.stringify(body))).status).toBe(403);
    // A form post (text/plain) cannot send JSON content type without a preflight.
    expect((await send(port, 'POST', '/api/save', { 'content-type': 'text/plain', 'x-gongwen': '1' }, JSON.stringify(body))).status).toBe(415);
    expect(readFileSync(ws.loose, 'utf8')).toBe(before);
  });

  it('limits upload and request sizes', async () => {
    const big = new Uint8Array(11 * 1024 * 1024).fill(0x41);
    const r = await send(port, 'POST', '/api/import?folder=seeds&name=big.txt', { 'x-gongwen': '1' }, big);
    expect(r.status).toBe(413);
    // A declared length over the limit is refused before any byte is read.
    const declared = await send(port, 'POST', '/api/import?folder=seeds&name=big.txt', { 'x-gongwen': '1', 'content-length': String(50 * 1024 * 1024) });
    expect(declared.status).toBe(413);
    const json = await post(port, '/api/check', { path: REPORT, data: 'x'.repeat(5 * 1024 * 1024) });
    expect(json.status).toBe(413);
  });

  it('imports only .txt and .docx', async () => {
    const r = await send(port, 'POST', '/api/import?folder=seeds&name=x.sh', { 'x-gongwen': '1' }, 'echo hi\n');
    expect(r.status).toBe(415);
  });
});
