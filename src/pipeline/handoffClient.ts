// The asking side of the hand-over of `gongwen build FILE` to a running `watch` or `serve` (handoff.ts is the
// answering side). The command runs this before it loads anything else (bin/gongwen.js, bundled on its own):
// a handed-over build is done in the time Node takes to start. So it imports only Node's builtins, and `net`
// only when a socket file is there to connect to.
// Safe: a local socket only, owned by this user (a socket file another user owns is never used), and if nobody
// accepts within ACCEPT_MS, or the other process goes away, the command builds itself as if nothing happened.
import { lstatSync } from 'node:fs';
import type { Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';

export const PROTOCOL = 2;
/** How long the client waits for the running process to accept before building itself. */
const ACCEPT_MS = 300;

/**
 * A build request as sent: absolute paths, and the options as typed (`format` and `variant` are checked by the
 * running process with the command line's own parsers; one it cannot read, it declines, and the command's own
 * run then says what is wrong).
 */
export interface WireRequest {
  v: number;
  inputs: string[];
  outDir: string;
  format?: string;
  variant?: string;
  draft: boolean;
  force: boolean;
}

/** What the running process answers once done: the command's output, as a fresh build would print it. */
export interface Answer {
  out: string;
  err: string;
  code: number;
}

/**
 * A name for the key, stable across processes: two 32-bit FNV-1a hashes with different starting values. Not
 * node:crypto, which takes longer to load (15 ms) than the whole hand-over; a name is not a secret (the socket is
 * private to its owner, and the process behind it checks each request), it only has to tell folders apart.
 */
function nameOf(key: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193;
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193) >>> 0;
    b = Math.imul(b ^ c, 0x01000193) >>> 0;
  }
  return a.toString(16).padStart(8, '0') + b.toString(16).padStart(8, '0');
}

function socketFor(key: string): string {
  const id = nameOf(key);
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

/** The socket file is ours to use: a socket owned by this user (a named pipe on Windows is per session anyway). */
export function ownedByUs(path: string): boolean {
  if (process.platform === 'win32' || !process.getuid) return true;
  try {
    const st = lstatSync(path);
    return st.isSocket() && st.uid === process.getuid();
  } catch {
    return false;
  }
}

const VALUED: Record<string, 'out' | 'format' | 'variant'> = { '-o': 'out', '--out': 'out', '-f': 'format', '--format': 'format', '--variant': 'variant' };
const FLAGS: Record<string, 'draft' | 'force'> = { '--draft': 'draft', '--force': 'force' };

/**
 * The request a `build` command line (its arguments after `build`) makes, when it is one a running process could
 * take: report files only, each option once, in its plain spellings, no --jobs. Anything else (a folder, --jobs,
 * --help, an option this does not know) is left to the command itself, which reads it with commander.
 */
export function requestOf(args: readonly string[], cwd: string): WireRequest | undefined {
  const inputs: string[] = [];
  const valued: Partial<Record<'out' | 'format' | 'variant', string>> = {};
  const flags = { draft: false, force: false };
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (!a.startsWith('-')) {
      if (!/\.ya?ml$/i.test(a)) return undefined;
      inputs.push(resolve(cwd, a));
      continue;
    }
    const eq = a.indexOf('=');
    const name = a.startsWith('--') && eq > 0 ? a.slice(0, eq) : a;
    const key = VALUED[name];
    if (key) {
      const value = name === a ? args[++i] : a.slice(eq + 1);
      if (value === undefined || value.startsWith('-') || key in valued) return undefined;
      valued[key] = value;
    } else if (FLAGS[a] && !flags[FLAGS[a]]) {
      flags[FLAGS[a]] = true;
    } else {
      return undefined;
    }
  }
  if (inputs.length === 0 || valued.out === undefined || valued.out.trim() === '') return undefined;
  return { v: PROTOCOL, inputs, outDir: resolve(cwd, valued.out), format: valued.format, variant: valued.variant, ...flags };
}

/** The sockets to ask, in turn: a watch over the output folder, then a serve over a folder holding every input (nearest first). */
function placesFor(req: WireRequest): string[] {
  const places = [socketPath(req.outDir)];
  for (let dir = dirname(req.inputs[0]); ; dir = dirname(dir)) {
    if (req.inputs.every((f) => isInside(dir, f))) places.push(dataSocketPath(dir));
    if (dirname(dir) === dir) break;
  }
  return places;
}

/**
 * Hands `gongwen build ARGS` to a running process: its output, or undefined when the command line is not one to
 * hand over, no process listens, each declines, or none accepts within ACCEPT_MS (then the caller builds itself).
 */
export async function handOff(args: readonly string[], cwd = process.cwd()): Promise<Answer | undefined> {
  const req = requestOf(args, cwd);
  if (!req) return undefined;
  for (const path of placesFor(req)) {
    if (!ownedByUs(path)) continue; // the usual case: no file, nothing loaded, nothing waited for
    const answer = await ask(path, req);
    if (answer) return answer;
  }
  return undefined;
}

/** One newline-terminated JSON message at a time from a socket. */
export function messages(socket: Socket, onMessage: (m: unknown) => void): void {
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

function isAnswer(m: object): m is Answer {
  return 'done' in m && typeof Reflect.get(m, 'out') === 'string' && typeof Reflect.get(m, 'err') === 'string' && typeof Reflect.get(m, 'code') === 'number';
}

async function ask(path: string, req: WireRequest): Promise<Answer | undefined> {
  // Required here: loading net costs a few milliseconds that a run with no socket to ask need not pay.
  const { connect } = await import('node:net');
  return new Promise((done) => {
    let settled = false;
    let accepted = false;
    const finish = (a: Answer | undefined) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      done(a);
    };
    const timer = setTimeout(() => {
      if (!accepted) finish(undefined);
    }, ACCEPT_MS);
    const socket = connect(path, () => socket.write(JSON.stringify(req) + '\n'));
    socket.on('error', () => finish(undefined));
    // Closed before the result (the watcher stopped mid-build): build here; the outputs are written safely either way.
    socket.on('close', () => finish(undefined));
    messages(socket, (m) => {
      if (typeof m !== 'object' || m === null) return finish(undefined);
      if (isAnswer(m)) return finish(m);
      if ('accepted' in m && m.accepted === true) accepted = true;
      else finish(undefined);
    });
  });
}
