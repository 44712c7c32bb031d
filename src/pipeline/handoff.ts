// Handing `gongwen build FILE` to a running `watch` over the same output folder, or a running `serve` over a
// data folder that holds the files: that process has the renderer loaded and the fonts parsed, so it answers
// in tens of milliseconds where a fresh process needs most of a second. This is the answering side; the
// command asks before it loads anything (handoffClient.ts, run by bin/gongwen.js). Optional and safe:
// - a local socket only (a Unix socket in the temp folder, a named pipe on Windows), one per output folder
//   (watch) and one per data folder (serve);
// - same user only: the socket is made readable by its owner alone, and the client refuses a socket file
//   that another user owns (one could otherwise be planted in the shared temp folder);
// - the running process takes a job only when it would build it exactly as a fresh process would (same
//   output folder, formats, variant and draft; files under the folders it watches; options it can read);
//   otherwise, or when no one answers at once, the client builds itself. The fresh path never depends on this.
import { chmodSync, unlinkSync } from 'node:fs';
import { connect, createServer, type Server, type Socket } from 'node:net';
import { resolve } from 'node:path';
import { GongwenError, formatDiagnostic, type Diagnostic } from '../diagnostics.ts';
import { checkOutDir } from '../cli/outDir.ts';
import { parseFormatList, parseVariant } from '../cli/optionValues.ts';
import { FORMATS, type Format } from '../render/formats.ts';
import { VARIANTS, type Variant } from '../schema/variants.ts';
import type { BuildSummary } from './pipeline.ts';
import { formatSummary } from './progress.ts';
import { dataSocketPath, isInside, messages, ownedByUs, PROTOCOL, socketPath, type Answer, type WireRequest } from './handoffClient.ts';

export { dataSocketPath, isInside, socketPath };

/** A build request as the running process reads it: absolute paths, and the options that decide the bytes written. */
export interface HandoffRequest {
  inputs: string[];
  outDir: string;
  formats: Format[];
  variant?: Variant;
  draft: boolean;
  force: boolean;
}

/** What the running process built: the summary, and the warnings a fresh build would have printed. */
export interface HandoffResult {
  summary: BuildSummary;
  warnings: Diagnostic[];
}

type Reply = { accepted: false; reason: string } | { accepted: true } | ({ done: true } & Answer);

const send = (socket: Socket, m: Reply) => socket.write(JSON.stringify(m) + '\n');

/** The command's output for a build done here, as `gongwen build` prints it, saying which process built it. */
export function answerOf(result: HandoffResult, pid = process.pid): Answer {
  let err = `由正在运行的进程 ${pid} 生成 / built by the running process ${pid}\n`;
  for (const d of result.warnings) err += formatDiagnostic(d) + '\n';
  for (const f of result.summary.failed) for (const d of f.diagnostics) err += formatDiagnostic(d) + '\n';
  return { out: formatSummary(result.summary), err, code: result.summary.failed.length > 0 ? 1 : 0 };
}

function isWireRequest(x: unknown): x is WireRequest {
  if (typeof x !== 'object' || x === null) return false;
  const strings = (a: unknown) => Array.isArray(a) && a.every((s) => typeof s === 'string');
  const optional = (a: unknown) => a === undefined || typeof a === 'string';
  return (
    Reflect.get(x, 'v') === PROTOCOL &&
    strings(Reflect.get(x, 'inputs')) &&
    typeof Reflect.get(x, 'outDir') === 'string' &&
    optional(Reflect.get(x, 'format')) &&
    optional(Reflect.get(x, 'variant')) &&
    typeof Reflect.get(x, 'draft') === 'boolean' &&
    typeof Reflect.get(x, 'force') === 'boolean'
  );
}

/**
 * The request as `gongwen build` would read its command line: the options through the command line's own checks.
 * Undefined when one of them is refused: the command then runs itself and prints the error.
 */
function readRequest(w: WireRequest): HandoffRequest | undefined {
  try {
    checkOutDir(w.outDir);
    return {
      inputs: w.inputs.map((f) => resolve(f)),
      outDir: resolve(w.outDir),
      formats: w.format === undefined ? [...FORMATS] : parseFormatList(w.format, FORMATS),
      variant: w.variant === undefined ? undefined : parseVariant(w.variant, VARIANTS),
      draft: w.draft,
      force: w.force,
    };
  } catch (e) {
    if (e instanceof GongwenError) return undefined;
    throw e;
  }
}

export interface HandoffHost {
  /** Why this process would not build `req` exactly as a fresh process would; undefined when it will. */
  decline(req: HandoffRequest): string | undefined;
  build(req: HandoffRequest): Promise<HandoffResult>;
}

/**
 * A request built in this process as a fresh `gongwen build` would build it (the same pipeline, on this
 * thread), with the warnings it would have printed. The pipeline is loaded on the first request.
 */
export async function buildRequest(req: HandoffRequest): Promise<HandoffResult> {
  const { runBuild } = await import('./pipeline.ts');
  const warnings: Diagnostic[] = [];
  const summary = await runBuild(
    { inputs: req.inputs, outDir: req.outDir, formats: req.formats, variant: req.variant, draft: req.draft, force: req.force, jobs: 1 },
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
      if (!isWireRequest(m)) return void send(socket, { accepted: false, reason: 'bad request' });
      const req = readRequest(m);
      if (!req) return void send(socket, { accepted: false, reason: 'options a fresh run must report' });
      const why = host.decline(req);
      if (why) return void send(socket, { accepted: false, reason: why });
      send(socket, { accepted: true });
      host.build(req).then(
        (result) => send(socket, { done: true, ...answerOf(result) }),
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
