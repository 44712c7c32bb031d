// A V8 code cache for the command's CommonJS (its bundle, bin/bundle.js, and the libraries it requires), so a
// fresh process does not parse and compile the same megabytes of JavaScript again on every run. Node 22 has
// this built in (module.enableCompileCache); on Node 20 it is done here, as v8-compile-cache did: CommonJS
// compilation goes through vm.Script with the cached data of the last run, and at exit the compiled code
// (including the functions the run called) is written back to one file in the tool's cache folder.
// A cache is only an optimisation: anything unreadable, stale or rejected by V8 is compiled the normal way.
'use strict';
const { closeSync, fstatSync, openSync, readFileSync, readSync, renameSync, rmSync, statSync, writeSync } = require('node:fs');
const Module = require('node:module');
const { basename, dirname, isAbsolute, join } = require('node:path');
const vm = require('node:vm');

/**
 * One cache file per command (`code-cache.build.bin`, `.validate`, …; `.other` for --help and the like): each holds
 * the code and the resolutions its command's runs use, so a `--help` or a `validate` reads a small header and small
 * code, and commands run in turn no longer overwrite each other's cache (each one saved when it ran twice as long as
 * the last, so running them alternately rewrote the one shared file most of the time).
 */
const fileFor = (command) => `code-cache.${command}.bin`;
const DYNAMIC_IMPORT = /(?<![\w$.])import\s*\(/;

/**
 * What makes every entry invalid at once: Node's version (V8's) and the installed packages (npm rewrites
 * node_modules/.package-lock.json on every install). Our own bundle's files are named by the hash of their
 * sources. V8 checks its own version, flags and CPU features against each entry and rejects a
 * mismatch (then the file is compiled and the cache saved anew), so node:v8's cachedDataVersionTag, which costs
 * 4-10 ms to load, is not needed here.
 */
function stampOf(root) {
  let lock = 'none';
  try {
    const st = statSync(join(root, 'node_modules', '.package-lock.json'));
    lock = `${st.size}:${st.mtimeMs}`;
  } catch {
    // no lock file: the stamp still names the Node version
  }
  // Resolutions (below) also depend on NODE_PATH and on whether symlinks are preserved.
  const resolving = `${process.env.NODE_PATH ?? ''}\0${process.execArgv.filter((a) => a.includes('symlinks')).join(' ')}`;
  return `${process.version}\0${process.arch}\0${lock}\0${resolving}`;
}

/**
 * The cache file: [index length: u32][index JSON][folders' JSON…][code…]. The index names, for each folder that code
 * was loaded or required from, where its own small JSON lies: `{ r: { request: file required }, e: { file name:
 * [code offset, code length, source length] } }`. Only the index is read at start (a few kB); a folder's part is read
 * and parsed when a file of that folder is first loaded or requires something, and each file's code when it is loaded.
 * A `--help` or a no-change build so reads and parses the few folders it touches, not the resolutions and entries of
 * every command's libraries (one JSON header of 250 kB, read and parsed on every start, cost more than loading them).
 */
function readCache(file, stamp) {
  let fd;
  try {
    fd = openSync(file, 'r');
    const size = fstatSync(fd).size;
    const first = readAt(fd, Math.min(size, 1 << 16), 0);
    const n = first.readUInt32LE(0);
    const index = JSON.parse((4 + n <= first.length ? first.subarray(4, 4 + n) : readAt(fd, n, 4)).toString('utf8'));
    if (index.stamp !== stamp || typeof index.dirs !== 'object' || index.dirs === null || !Number.isSafeInteger(index.blobs)) throw new Error('stale');
    const open = fd; // left open for the process's life, for the loads and the save at exit
    fd = undefined;
    /** `length` bytes at `at`, or undefined if the file is shorter than the index says. */
    const bytes = (at, length) => (at + length <= first.length ? first.subarray(at, at + length) : at + length <= size ? readAt(open, length, at) : undefined);
    const folders = new Map();
    const codeAt = 4 + n + index.blobs;
    return {
      ms: index.ms,
      dirs: Object.keys(index.dirs),
      /** The part of folder `dir`, or undefined if it has none (or a damaged one). */
      folder(dir) {
        let f = folders.get(dir);
        if (f === undefined) {
          f = null;
          try {
            const at = Object.hasOwn(index.dirs, dir) ? index.dirs[dir] : undefined;
            const parsed = at && JSON.parse(bytes(4 + n + at[0], at[1]).toString('utf8'));
            if (isFolder(parsed)) f = parsed;
          } catch {
            // damaged: that folder's files are compiled and resolved the normal way
          }
          folders.set(dir, f);
        }
        return f ?? undefined;
      },
      /** The cached code of entry `e`, or undefined if the file is shorter than the index says. */
      code: (e) => bytes(codeAt + e[0], e[1]),
    };
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

const isFolder = (f) => typeof f === 'object' && f !== null && typeof f.r === 'object' && f.r !== null && typeof f.e === 'object' && f.e !== null;

function readAt(fd, length, position) {
  const buf = Buffer.allocUnsafe(length);
  for (let at = 0; at < length; ) {
    const n = readSync(fd, buf, at, length - at, position + at);
    if (n === 0) throw new Error('short read');
    at += n;
  }
  return buf;
}

/** Writes a cache file: `folders` maps each folder to its part ({ r, e }, e's offsets into `code`, the buffers in turn). */
function writeCache(file, stamp, ms, folders, code) {
  const parts = [];
  const dirs = {};
  let at = 0;
  for (const [dir, f] of folders) {
    const b = Buffer.from(JSON.stringify(f));
    dirs[dir] = [at, b.length];
    parts.push(b);
    at += b.length;
  }
  const head = Buffer.from(JSON.stringify({ stamp, ms, blobs: at, dirs }));
  const len = Buffer.alloc(4);
  len.writeUInt32LE(head.length);
  const tmp = `${file}.${process.pid}.tmp`;
  try {
    const fd = openSync(tmp, 'w');
    try {
      for (const b of [len, head, ...parts, ...code]) writeSync(fd, b);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, file);
  } catch (e) {
    rmSync(tmp, { force: true }); // a full disk: no half-written file left behind
    throw e;
  }
}

/** `require` for a module compiled here, as Node's loader makes it. */
function requireFor(mod) {
  const require = (id) => mod.require(id);
  require.resolve = (request, options) => Module._resolveFilename(request, mod, false, options);
  require.resolve.paths = (request) => Module._resolveLookupPaths(request, mod);
  require.main = process.mainModule;
  require.extensions = Module._extensions;
  require.cache = Module._cache;
  return require;
}

/**
 * From now on, CommonJS files under `roots` are compiled with the cached code in `cacheDir` (the file of `command`). Code is saved at
 * exit when some file had none (or V8 refused it), or when this run went on more than twice as long as the
 * run that saved it: a `--help` leaves the renderer's functions uncompiled, and the next build fills them in.
 */
function installCodeCache(cacheDir, roots, root, command) {
  const file = join(cacheDir, fileFor(command));
  const stamp = stampOf(root);
  const old = readCache(file, stamp);
  const used = new Map(); // file name → its vm.Script and source length
  let missed = false;

  // Where each require of the last runs led: a require's file is a function of the requiring file's folder and the
  // request (the same node_modules, same package.json files: the stamp names the installed packages), so a
  // run need not search folders and read package.json files again for it. A cached answer is used only if that
  // file still exists; anything else goes through Node's own resolution, and is remembered for the next run.
  const resolved = new Map(); // this run's resolutions: folder → request → file
  const resolveFilename = Module._resolveFilename;
  const noResolutions = Boolean(process.env.GONGWEN_NO_RESOLVE_CACHE); // for comparison, as GONGWEN_NO_CODE_CACHE
  Module._resolveFilename = function (request, parent, isMain, options) {
    const from = parent?.filename;
    if (noResolutions || isMain || options !== undefined || !from || request.startsWith('node:') || Module.isBuiltin(request)) return resolveFilename.apply(this, arguments);
    const dir = dirname(from);
    let here = resolved.get(dir);
    if (!here) resolved.set(dir, (here = new Map()));
    const f = old?.folder(dir);
    const hit = f && Object.hasOwn(f.r, request) ? f.r[request] : undefined;
    if (typeof hit === 'string' && statSync(hit, { throwIfNoEntry: false })?.isFile()) {
      here.set(request, hit);
      return hit;
    }
    const found = resolveFilename.apply(this, arguments);
    if (typeof found === 'string' && isAbsolute(found)) {
      here.set(request, found);
      missed = true;
    }
    return found;
  };
  const compile = Module.prototype._compile;
  Module.prototype._compile = function (content, filename) {
    // A file that may call import() is left to Node: code from V8's cache loses the callback import() needs
    // (Node 20: "A dynamic import callback was not specified"). The command's own bundle has none (bundle.js).
    if (!roots.some((r) => filename.startsWith(r)) || DYNAMIC_IMPORT.test(content)) return compile.call(this, content, filename);
    const f = old?.folder(dirname(filename));
    const name = basename(filename);
    const e = f && Object.hasOwn(f.e, name) ? f.e[name] : undefined;
    const cachedData = Array.isArray(e) && e[2] === content.length ? old.code(e) : undefined;
    let script;
    try {
      script = new vm.Script(Module.wrap(content), { filename, cachedData });
    } catch {
      return compile.call(this, content, filename); // a syntax error: Node's own compile reports it
    }
    if (!cachedData || script.cachedDataRejected) missed = true;
    used.set(filename, { script, length: content.length });
    const fn = script.runInThisContext({ displayErrors: true });
    return fn.call(this.exports, this.exports, requireFor(this), this, filename, dirname(filename));
  };
  process.once('exit', () => {
    const ms = Math.round(process.uptime() * 1000); // not performance.now(): its global loads perf_hooks
    if (!missed && !(ms > 2 * (old?.ms ?? 0))) return;
    try {
      const folders = new Map();
      const folderOf = (dir) => {
        let f = folders.get(dir);
        if (!f) folders.set(dir, (f = { r: Object.create(null), e: Object.create(null) }));
        return f;
      };
      // Resolutions from older bundles of our own code are dropped with their code (see below).
      for (const dir of old?.dirs ?? []) {
        const f = dir.startsWith(cacheDir) && !dir.startsWith(roots[0]) ? undefined : old.folder(dir);
        if (f) for (const [request, found] of Object.entries(f.r)) if (typeof found === 'string') folderOf(dir).r[request] = found;
      }
      for (const [dir, here] of resolved) for (const [request, found] of here) folderOf(dir).r[request] = found;
      const code = [];
      let at = 0;
      const add = (name, bytes, sourceLength) => {
        folderOf(dirname(name)).e[basename(name)] = [at, bytes.length, sourceLength];
        code.push(bytes);
        at += bytes.length;
      };
      for (const [name, { script, length }] of used) add(name, script.createCachedData(), length);
      // Files this run did not load (another command's libraries) keep their code, if they still exist; other
      // bundles of our own code in the cache folder (older builds of src/) do not.
      for (const dir of old?.dirs ?? []) {
        if (dir.startsWith(cacheDir) || !roots.some((r) => dir.startsWith(r))) continue;
        for (const [base, e] of Object.entries(old.folder(dir)?.e ?? {})) {
          const name = join(dir, base);
          if (used.has(name) || !Array.isArray(e) || sourceLengthOf(name) !== e[2]) continue;
          const bytes = old.code(e);
          if (bytes) add(name, bytes, e[2]);
        }
      }
      writeCache(file, stamp, ms, folders, code);
      rmSync(join(cacheDir, 'code-cache.bin'), { force: true }); // the one file of earlier versions
    } catch {
      // a read-only or full cache folder: the next run compiles again
    }
  });
}

const lengths = new Map();
/** The length of a file's source as the loader passed it (UTF-8 decoded, as Node reads a module). */
function sourceLengthOf(name) {
  let n = lengths.get(name);
  if (n === undefined) {
    try {
      n = readFileSync(name, 'utf8').length;
    } catch {
      n = -1;
    }
    lengths.set(name, n);
  }
  return n;
}

module.exports = { installCodeCache, writeCache }; // writeCache: for the tests
