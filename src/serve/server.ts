// `gongwen serve`: the HTTP server. node:http rather than a framework: the server has a dozen routes, no
// sessions and no templates, and every security check it needs (Host, Origin, path guard, body limits) is
// explicit in guard.ts and files.ts either way; a framework would add dependencies without removing any of it.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DataRoot } from './files.ts';
import { allowedHosts, checkRequest, RequestError } from './guard.ts';
import { route, sendError } from './routes.ts';
import type { Variant } from '../schema/report.ts';

export const LOOPBACK = '127.0.0.1';

export interface ServeOptions {
  dataDir: string;
  port: number; // 0: any free port (tests)
  host?: string; // anything but loopback must be asked for explicitly (--host)
  variant?: Variant; // the preview's and downloads' variant when the page does not choose one (--variant)
  draft?: boolean; // dashed circles where the seals go (--draft)
}

export interface Running {
  url: string;
  port: number;
  root: DataRoot;
  server: Server;
  close(): Promise<void>;
}

export async function startServer(opts: ServeOptions): Promise<Running> {
  const root = await DataRoot.open(opts.dataDir);
  const host = opts.host ?? LOOPBACK;
  let hosts = new Set<string>();
  const server = createServer((req, res) => {
    try {
      checkRequest(req, hosts);
    } catch (e) {
      if (e instanceof RequestError) {
        req.resume();
        return sendError(res, e.status, e.zh, e.en);
      }
      throw e;
    }
    const url = new URL(req.url ?? '/', 'http://localhost');
    void route({ req, res, url, root, defaults: { variant: opts.variant, draft: opts.draft ?? false } });
  });
  // Slow or idle clients cannot hold the server: a local editor's requests take milliseconds.
  server.requestTimeout = 60_000;
  server.headersTimeout = 10_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  hosts = allowedHosts(host, port);
  const shown = host === LOOPBACK || host === '0.0.0.0' || host === '::' ? LOOPBACK : host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${shown}:${port}/`,
    port,
    root,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
