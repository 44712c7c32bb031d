// Handing `gongwen build FILE` to a running `watch` over the same output folder, or a running `serve` over a
// data folder that holds the files: that process has the renderer loaded and the fonts parsed, so it answers
// in tens of milliseconds where a fresh process needs most of a second. Optional and safe:
// - a local socket only (a Unix socket in the temp folder, a named pipe on Windows), one per output folder
//   (watch) and one per data folder (serve);
// - same user only: the socket is made readable by its owner alone, and the client refuses a socket file
//   that another user owns (one could otherwise be planted in the shared temp folder);
// - the running process takes a job only when it would build it exactly as a fresh process would (same
//   output folder, formats, variant and draft; files under the folders it watches); otherwise, or when no
//   one answers at once, the client builds itself. The fresh path never depends on this.
// This module is loaded before anything else of the build, so it imports nothing heavy.
import { createHash } from 'node:crypto';
import { chmodSync, lstatSync, unlinkSync } from 'node:fs';
import { connect, createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join, relative, resolve, isAbsolute } from 'node:path';
import { dirname } from 'node:path';
import type { Diagnostic } from '../diagnostics.ts';
import { FORMATS, type Format } from '../render/formats.ts';
import { VARIANTS, type Variant } from '../schema/variants.ts';
import type { BuildSummary } from './pipeline.ts';

const PROTOCOL = 1;
/** How long the client waits for the running process to accept before building itself. */
const ACCEPT_MS = 300;

/** A build request: absolute paths, and the options that decide the bytes written. */
export interface HandoffRequest {
  v: number;
  inputs: string[];
  outDir: string;
  formats: string[];
  variant?: string;
  draft: boolean;
  force: boolean;
}

/** What the running process built: the summary, and the warnings a fresh build would have printed. */
export interface HandoffResult {
  summary: BuildSummary;
  warnings: Diagnostic[];
  pid: number; // of the process that built, to say so
}

type Reply = { accepted: false; reason: string } | { accepted: true } | ({ done: true } & HandoffResult);

function socketFor(key: string): string {
  const id = createHash('sha256').update(key).digest('hex').slice(0, 16);
  const user = process.getuid?.() ?? 'user';
  return process.platform === 'win32' ? `\\\\.\\pipe\\gongwen-${user}-${id}` : join(tmpdir(), `gongwen-${user}-${id}.sock`);
}

/** The socket of a `watch` writing to `outDir`. */
export function socketPath(outDir: string): string {
  return socketFor(resolve(outDir));
}

/** The socket of a `serve` over the data folder `dataDir`. */
export function dataSocketPath(dataDir: string): string {
  return socketFor(`data\0${resolve(dataDir)}`);
}

/** True when `file` is `dir` or inside it. */
export function isInside(dir: string, file: string): boolean {
  const rel = relative(resolve(dir), resolve(file));
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

/** One newline-terminated JSON message at a time from a socket. */
function messages(socket: Socket, onMessage: (m: unknown) => void): void {
  let buffer = '';
  socket.setEncoding('utf8');
  socket.on('data', (chunk: string) => {
    buffer += chunk;
    for (let nl = buffer.indexOf('\n'); nl >= 0; nl = buffer.indexOf('\n')) {
      const line = buffer.slice(0, nl);
      buffer = buffer.slice(nl + 1);
      try {
        onMessage(JSON.parse(line));
      } catch {
        socket.destroy(); // not our protocol
      }
    }
  });
}

const send = (socket: Socket, m: Reply | HandoffRequest) => socket.write(JSON.stringify(m) + '\n');

/** The socket file is ours to use: owned by this user (a named pipe on Windows is per session anyway). */
function ownedByUs(path: string): boolean {
  if (process.platform === 'win32' || !process.getuid) return true;
  try {
    const st = lstatSync(path);
    return st.isSocket() && st.uid === process.getuid();
  } catch {
    return false;
  }
}

/**
 * The client side: asks a running process to build, first a watch over the output folder, then a serve over a
 * folder holding every input (the nearest first). Resolves with the summary, or undefined when no process
 * listens, each declines, or none accepts within ACCEPT_MS (then the caller builds itself).
 */
export async function tryHandoff(req: Omit<HandoffRequest, 'v'>): Promise<HandoffResult | undefined> {
  const places = [socketPath(req.outDir)];
  if (req.inputs.length > 0) {
    for (let dir = dirname(resolve(req.inputs[0])); ; dir = dirname(dir)) {
      if (req.inputs.every((f) => isInside(dir, f))) places.push(dataSocketPath(dir));
      if (dirname(dir) === dir) break;
    }
  }
  for (const path of places) {
    if (!ownedByUs(path)) continue;
    const result = await ask(path, req);
    if (result) return result;
  }
  return undefined;
}

function ask(path: string, req: Omit<HandoffRequest, 'v'>): Promise<HandoffResult | undefined> {
  return new Promise((done) => {
    let settled = false;
    let accepted = false;
    const finish = (s: HandoffResult | undefined) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      done(s);
    };
    const timer = setTimeout(() => {
      if (!accepted) finish(undefined);
    }, ACCEPT_MS);
    const socket = connect(path, () => send(socket, { v: PROTOCOL, ...req }));
    socket.on('error', () => finish(undefined));
    // Closed before the result (the watcher stopped mid-build): build here; the outputs are written safely either way.
    socket.on('close', () => finish(undefined));
    messages(socket, (m) => {
      if (typeof m !== 'object' || m === null) return finish(undefined);
      if ('done' in m && 'summary' in m && 'warnings' in m && 'pid' in m) return finish(m as HandoffResult);
      if ('accepted' in m && m.accepted === true) accepted = true;
      else finish(undefined);
    });
  });
}

export interface HandoffHost {
  /** Why this process would not build `req` exactly as a fresh process would; undefined when it will. */
  decline(req: HandoffRequest): string | undefined;
  build(req: HandoffRequest): Promise<Omit<HandoffResult, 'pid'>>;
}

function isRequest(x: unknown): x is HandoffRequest {
  if (typeof x !== 'object' || x === null) return false;
  const strings = (a: unknown) => Array.isArray(a) && a.every((s) => typeof s === 'string');
  return (
    Reflect.get(x, 'v') === PROTOCOL &&
    strings(Reflect.get(x, 'inputs')) &&
    typeof Reflect.get(x, 'outDir') === 'string' &&
    strings(Reflect.get(x, 'formats')) &&
    typeof Reflect.get(x, 'draft') === 'boolean' &&
    typeof Reflect.get(x, 'force') === 'boolean'
  );
}

/**
 * A request built in this process as a fresh `gongwen build` would build it (the same pipeline, on this
 * thread), with the warnings it would have printed. The pipeline is loaded on the first request.
 */
export async function buildRequest(req: HandoffRequest): Promise<Omit<HandoffResult, 'pid'>> {
  const { runBuild } = await import('./pipeline.ts');
  const warnings: Diagnostic[] = [];
  const summary = await runBuild(
    { inputs: req.inputs, outDir: req.outDir, formats: req.formats as Format[], variant: req.variant as Variant | undefined, draft: req.draft, force: req.force, jobs: 1 },
    { start() {}, done() {}, warn: (d) => void warnings.push(d) },
  );
  return { summary, warnings };
}

/**
 * `serve`'s side: builds handed over for files under its data folder, one at a time, with the options asked
 * for (serve has no options of its own that change a build's bytes). Undefined when another live process
 * already serves that folder.
 */
export function acceptBuildsUnder(dataDir: string): Promise<{ close(): Promise<void> } | undefined> {
  const root = resolve(dataDir);
  let running: Promise<unknown> = Promise.resolve();
  return listen(dataSocketPath(root), {
    decline(req) {
      if (!req.inputs.every((f) => isInside(root, f))) return 'not under this data folder';
      if (!req.formats.every((f) => (FORMATS as readonly string[]).includes(f))) return 'unknown format';
      if (req.variant !== undefined && !(VARIANTS as readonly string[]).includes(req.variant)) return 'unknown variant';
      return undefined;
    },
    build(req) {
      const job = running.then(() => buildRequest(req));
      running = job.catch(() => undefined);
      return job;
    },
  });
}

/**
 * The running process's side: listens on the output folder's socket and builds what it accepts. Used by
 * `watch` (src/pipeline/watch.ts). Resolves once listening; undefined when another live process already
 * serves that folder.
 */
export function serveHandoff(outDir: string, host: HandoffHost): Promise<{ close(): Promise<void> } | undefined> {
  return listen(socketPath(outDir), host);
}

async function listen(path: string, host: HandoffHost): Promise<{ close(): Promise<void> } | undefined> {
  if (process.platform !== 'win32') {
    // A socket file left by a process that was killed: nobody answers on it, so it is ours to replace.
    const alive = await new Promise<boolean>((r) => {
      const s = connect(path, () => (s.destroy(), r(true)));
      s.on('error', () => r(false));
    });
    if (alive) return undefined;
    try {
      if (ownedByUs(path)) unlinkSync(path);
    } catch {
      // gone already
    }
  }
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => socket.destroy());
    messages(socket, (m) => {
      if (!isRequest(m)) return void send(socket, { accepted: false, reason: 'bad request' });
      const why = host.decline(m);
      if (why) return void send(socket, { accepted: false, reason: why });
      send(socket, { accepted: true });
      host.build(m).then(
        (result) => send(socket, { done: true, ...result, pid: process.pid }),
        () => socket.destroy(), // the client then builds itself
      );
    });
  });
  const ok = await new Promise<boolean>((r) => {
    server.once('error', () => r(false));
    // Owner-only from the start: the umask covers the moment between bind and chmod.
    const mask = process.umask(0o077);
    server.listen(path, () => r(true));
    process.umask(mask);
  });
  if (!ok) return undefined;
  try {
    if (process.platform !== 'win32') chmodSync(path, 0o600);
  } catch {
    // the umask already made it private
  }
  return {
    close: () =>
      new Promise<void>((r) => {
        for (const s of sockets) s.destroy();
        server.close(() => r());
      }),
  };
}
