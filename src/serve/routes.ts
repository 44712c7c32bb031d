// The server's routes: each one reads its input, calls the library, and answers JSON or a file.
import { readFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import { GongwenError } from '../diagnostics.ts';
import { Variant } from '../schema/report.ts';
import { asset } from './assets.ts';
import { rollupDownload, townshipsZip, type Download } from './downloads.ts';
import { FileAccessError, type DataRoot } from './files.ts';
import { tree } from './folders.ts';
import { readBody, readJson, RequestError, UPLOAD_LIMIT } from './guard.ts';
import { importUpload } from './importer.ts';
import { factViews, renderEdited, renderPreview } from './preview.ts';
import type { CheckResponse, ErrorResponse } from './protocol.ts';
import { checkEdited, openReport, REPORT_FILE, saveReport } from './reports.ts';

export interface Ctx {
  req: IncomingMessage;
  res: ServerResponse;
  url: URL;
  root: DataRoot;
  defaults: { variant?: Variant; draft: boolean }; // from the command line
}

type Handler = (ctx: Ctx) => Promise<void>;

const SECURITY_HEADERS = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cache-Control': 'no-store',
  // Only our own code runs; pdf.js gets no eval (isEvalSupported: false in the page).
  'Content-Security-Policy':
    "default-src 'self'; img-src 'self' data: blob:; font-src 'self' data: blob:; worker-src 'self' blob:; style-src 'self' 'unsafe-inline'; object-src 'none'; frame-ancestors 'none'; base-uri 'none'",
};

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
}

export function sendError(res: ServerResponse, status: number, zh: string, en: string): void {
  const body: ErrorResponse = { error: { zh, en } };
  sendJson(res, status, body);
}

const MIME: Record<string, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  zip: 'application/zip',
};

function sendFile(res: ServerResponse, d: Download): void {
  const ext = d.name.slice(d.name.lastIndexOf('.') + 1);
  res.writeHead(200, {
    ...SECURITY_HEADERS,
    'Content-Type': MIME[ext] ?? 'application/octet-stream',
    'Content-Length': d.bytes.byteLength,
    // RFC 6266/5987: the Chinese name survives in every current browser.
    'Content-Disposition': `attachment; filename="download.${ext}"; filename*=UTF-8''${encodeURIComponent(d.name)}`,
  });
  res.end(d.bytes);
}

const param = (url: URL, name: string): string => {
  const v = url.searchParams.get(name);
  if (v === null) throw new RequestError(400, `缺少参数 ${name}`, `missing parameter ${name}`);
  return v;
};

const EditBody = z.object({ path: z.string(), data: z.unknown(), variant: Variant.optional() });
const CheckBody = EditBody.extend({ have: z.array(z.string().max(64)).max(10_000).optional() });
const SaveBody = z.object({ path: z.string(), data: z.unknown(), version: z.string(), force: z.boolean().optional() });
const RenderBody = EditBody.extend({ format: z.enum(['pdf', 'docx']) });

function parseBody<T>(schema: z.ZodType<T>, value: unknown): T {
  const r = schema.safeParse(value);
  if (!r.success) throw new RequestError(400, '请求内容不完整', 'malformed request');
  return r.data;
}

const check: Handler = async ({ req, res, root, defaults }) => {
  const t0 = performance.now();
  const body = parseBody(CheckBody, await readJson(req));
  const file = await root.existing(body.path, REPORT_FILE);
  const checked = checkEdited(await readFile(file, 'utf8'), body.data, body.path);
  const out: CheckResponse = { ok: checked.loaded.ok, diagnostics: checked.diagnostics, facts: [], ms: 0 };
  if (checked.loaded.ok) {
    out.facts = factViews(checked.loaded.report);
    const preview = await renderPreview(checked, file, body.have ?? [], body.variant ?? defaults.variant, defaults.draft);
    out.diagnostics.push(...preview.diagnostics);
    if (preview.pages) {
      const { keys, sent, bytes } = preview.pages;
      out.preview = { keys, sent, pdf: bytes && Buffer.from(bytes).toString('base64') };
    }
  }
  out.ms = Math.round(performance.now() - t0);
  sendJson(res, 200, out);
};

const render: Handler = async ({ req, res, root, defaults }) => {
  const body = parseBody(RenderBody, await readJson(req));
  const file = await root.existing(body.path, REPORT_FILE);
  const checked = checkEdited(await readFile(file, 'utf8'), body.data, body.path);
  const out = await renderEdited(checked, file, body.format, body.variant ?? defaults.variant, defaults.draft);
  if (!out.bytes) throw new RequestError(422, '报告未通过校验，无法生成', 'the report does not validate; nothing to render');
  const stem = body.path.slice(body.path.lastIndexOf('/') + 1).replace(REPORT_FILE, '');
  sendFile(res, { name: `${stem}.${body.format}`, bytes: out.bytes });
};

const COUNTY_FORMAT = z.enum(['pdf', 'docx', 'xlsx']);

const ROUTES: Record<string, Handler> = {
  'GET /api/tree': async ({ res, root }) => sendJson(res, 200, tree(root)),
  'GET /api/report': async ({ res, url, root }) => {
    const rel = param(url, 'path');
    sendJson(res, 200, await openReport(await root.existing(rel, REPORT_FILE), rel));
  },
  'POST /api/check': check,
  'POST /api/render': render,
  'POST /api/save': async ({ req, res, root }) => {
    const body = parseBody(SaveBody, await readJson(req));
    const file = await root.existing(body.path, REPORT_FILE);
    sendJson(res, 200, await saveReport(file, body.path, body.data, body.version, body.force ?? false));
  },
  'POST /api/import': async ({ req, res, url, root }) => {
    const bytes = await readBody(req, UPLOAD_LIMIT);
    sendJson(res, 200, await importUpload(root, param(url, 'folder'), param(url, 'name'), bytes));
  },
  'GET /api/rollup': async ({ res, url, root }) => {
    const format = parseBody(COUNTY_FORMAT, url.searchParams.get('format'));
    sendFile(res, await rollupDownload(await root.folder(param(url, 'folder')), format));
  },
  'GET /api/zip': async ({ res, url, root }) => sendFile(res, await townshipsZip(await root.folder(param(url, 'folder')))),
};

export async function route(ctx: Ctx): Promise<void> {
  const { req, res, url } = ctx;
  try {
    const handler = ROUTES[`${req.method} ${url.pathname}`];
    if (handler) return await handler(ctx);
    if (req.method === 'GET' || req.method === 'HEAD') {
      const a = await asset(url.pathname);
      if (a) {
        res.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': a.type, 'Content-Length': a.bytes.byteLength });
        res.end(req.method === 'HEAD' ? undefined : a.bytes);
        return;
      }
    }
    sendError(res, 404, '没有这个页面', 'not found');
  } catch (e) {
    // A refused body may still be on its way: close the connection after answering, so it is never read as the next request.
    if (e instanceof RequestError && e.status === 413) res.setHeader('Connection', 'close');
    if (e instanceof FileAccessError || e instanceof RequestError) return sendError(res, e.status, e.zh, e.en);
    if (e instanceof GongwenError) {
      return sendError(res, 422, e.diagnostics.map((d) => d.zh).join('；'), e.diagnostics.map((d) => d.en).join('; '));
    }
    const msg = e instanceof Error ? e.message : String(e);
    if (process.env.GONGWEN_DEBUG && e instanceof Error) process.stderr.write(`${e.stack}\n`);
    sendError(res, 500, `内部错误：${msg}（请报告给开发者）`, `internal error: ${msg}`);
  }
}
