// Runs the tool's TypeScript as a bundle built by esbuild and cached by the content of its sources.
// Why not tsx at run time: its transform wraps every function in a __name() call (closures created per
// line of text pay it each time) and it adds a loader thread per process. Bundled, a 2,000-report build is
// about 15 % faster and 60 MB smaller (README, benchmark). The bundle is rebuilt, in about 0.1 s, as soon
// as any file it was built from changes, so editing src/ never needs a build step.
// Checking that the bundle is current costs a stat per source file: contents are hashed only when a size or
// modification time differs from the stamp's. The stamp also holds the hash of the renderer's own sources
// (what a pool worker loads), which the build manifest keys outputs on (GONGWEN_RENDERER_HASH, see
// src/pipeline/envKey.ts): editing the command line or the importer does not rebuild anyone's PDFs.
// Tests do not come through here: vitest compiles src/ itself.
'use strict';
const { accessSync, constants, existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join, relative, resolve } = require('node:path');
const { pathToFileURL } = require('node:url');

const ROOT = join(__dirname, '..', '/');
/** Bump when the build options below change: old bundles then no longer match. */
const OPTIONS_VERSION = '4';
/** Pool workers load `./worker.mjs` beside the code that starts them (src/pipeline/executor.ts): in a bundle, this entry. */
const WORKER_ENTRY = 'src/pipeline/workerTask.ts';
/**
 * A bundle no stamp names any more (an older build of src/, or of an entry no longer run) is removed once it has been
 * superseded this long: a process started from it (a long `watch` or `serve`) may still load its worker or chunks.
 */
const STALE_MS = 24 * 3600 * 1000;

/** A short, stable name for this installation's folder, so that two checkouts never share a temp folder. */
function rootTag() {
  let h = 0x811c9dc5; // FNV-1a: node:crypto would cost more to load than the whole lookup
  for (const c of ROOT) h = Math.imul(h ^ c.charCodeAt(0), 0x01000193) >>> 0;
  return h.toString(16);
}

function cacheRoot() {
  const inTree = join(ROOT, 'node_modules', '.cache', 'gongwen-report');
  const inTemp = join(tmpdir(), `gongwen-report-${process.getuid?.() ?? 'user'}-${rootTag()}`);
  for (const dir of [inTree, inTemp]) {
    try {
      mkdirSync(dir, { recursive: true });
      accessSync(dir, constants.W_OK);
      // A read-only install (an administrator's, used by a clerk): code compiled into the temp folder finds the
      // tool's packages through a node_modules link beside it, as Node looks for them in the folders above.
      if (dir === inTemp && !existsSync(join(dir, 'node_modules'))) symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
      return dir;
    } catch {
      // read-only install: try the next place
    }
  }
  throw new Error('gongwen: no writable folder for the compiled code (node_modules/.cache or the temp folder)');
}

/** One hash over the build options and the named files' paths and contents; undefined if one is gone. */
function hashInputs(inputs) {
  const h = require('node:crypto').createHash('sha256').update(`${OPTIONS_VERSION}\0${process.version}\0`);
  for (const f of inputs) {
    let bytes;
    try {
      bytes = readFileSync(join(ROOT, f));
    } catch {
      return undefined;
    }
    h.update(f).update('\0').update(bytes).update('\0');
  }
  return h.digest('hex').slice(0, 20);
}

/**
 * Size and modification time of each input, the cheap first check; undefined if one is gone. The paths are
 * esbuild's, '/'-separated below ROOT (which ends with a separator): joined by concatenation, as path.join's
 * normalising of 160-odd paths cost a no-change build as much as stat-ing them.
 */
function statInputs(inputs) {
  try {
    return inputs.map((f) => {
      const st = statSync(ROOT + f);
      return `${st.size}:${st.mtimeMs}`;
    });
  } catch {
    return undefined;
  }
}

function readStamp(file) {
  try {
    const s = JSON.parse(readFileSync(file, 'utf8'));
    const ok = s.options === OPTIONS_VERSION && Array.isArray(s.inputs) && typeof s.dir === 'string' && typeof s.hash === 'string' && typeof s.renderer === 'string';
    return ok ? s : undefined;
  } catch {
    return undefined;
  }
}

/** A stamp written with other build options (OPTIONS_VERSION): its bundle will not be used again. */
function isOldStamp(file) {
  try {
    const s = JSON.parse(readFileSync(file, 'utf8'));
    return typeof s.options === 'string' && s.options !== OPTIONS_VERSION && typeof s.dir === 'string' && Array.isArray(s.inputs);
  } catch {
    return false;
  }
}

/** The sources the pool worker's code is built from: its output and every chunk it imports, statically or lazily. */
function rendererInputs(metafile) {
  const outputs = metafile.outputs;
  const start = Object.keys(outputs).find((o) => outputs[o].entryPoint === WORKER_ENTRY);
  if (!start) return Object.keys(metafile.inputs).sort(); // no separate worker: everything counts
  const seen = new Set([start]);
  const todo = [start];
  const inputs = new Set();
  while (todo.length > 0) {
    const o = outputs[todo.pop()];
    for (const i of Object.keys(o.inputs)) inputs.add(i);
    for (const imp of o.imports) {
      if (imp.external || !(imp.path in outputs) || seen.has(imp.path)) continue;
      seen.add(imp.path);
      todo.push(imp.path);
    }
  }
  return [...inputs].sort();
}

function writeAtomic(file, text) {
  const tmp = `${file}.${process.pid}.tmp`;
  try {
    writeFileSync(tmp, text);
    renameSync(tmp, file);
  } catch (e) {
    rmSync(tmp, { force: true }); // a full disk: no half-written file left behind
    throw e;
  }
}

/**
 * Writes one file of the command's split ES-module bundle as CommonJS: imports of other files of the bundle become
 * requires (the files import each other without cycles: esbuild puts code shared by several entries or lazy imports
 * in chunks of its own), import() becomes a require (V8's cached code loses Node's dynamic-import callback on Node 20,
 * see codeCache.js), and exports become getters, so bindings stay live.
 */
function toCommonJs(file, text) {
  const { transformSync } = require('esbuild');
  const name = relative(join(file, '..'), file);
  const out = transformSync(text, {
    format: 'cjs',
    loader: 'js',
    platform: 'node',
    target: `node${process.versions.node.split('.')[0]}`,
    supported: { 'dynamic-import': false },
    banner: 'var __gongwenModuleUrl = require("node:url").pathToFileURL(__filename).href;',
    sourcemap: 'external',
    sourcefile: name,
  });
  writeFileSync(file, `${out.code}//# sourceMappingURL=${name}.map\n`);
  writeFileSync(`${file}.map`, out.map);
}

/** The name of the entry's output in a bundle of that kind (see `bundled`). */
const mainFile = (kind) => (kind === 'esm' ? 'main.mjs' : 'main.cjs');

async function build(entry, cache, name, kind) {
  const { build: esbuild } = require('esbuild');
  const tmp = join(cache, `.${name}.${process.pid}.tmp`);
  rmSync(tmp, { recursive: true, force: true });
  const common = {
    absWorkingDir: ROOT,
    bundle: true,
    platform: 'node',
    target: `node${process.versions.node.split('.')[0]}`,
    packages: 'external',
    sourcemap: 'linked', // used only with GONGWEN_DEBUG=1 (see below)
    metafile: true,
    logLevel: 'silent',
  };
  const esm = { ...common, outdir: tmp, outExtension: { '.js': '.mjs' }, chunkNames: 'chunk-[hash]', splitting: true, format: 'esm' };
  let metafiles;
  if (kind === 'cli') {
    // The command as CommonJS, which Node 20 can run from a V8 code cache (bin/codeCache.js; an ES module cannot have
    // one before Node 22), split per command: esbuild splits only ES modules, so the command is bundled as split ES
    // modules first and each file is then turned into CommonJS (see toCommonJs). A command loads its own code and the
    // chunks it shares, not every command's (the whole command was one file of 500 kB, read and compiled by each run).
    // Its pool worker stays ES modules beside it, as before. The command's libraries are required, so they too are
    // CommonJS and cached. import.meta.url keeps its meaning.
    const [cli, worker] = await Promise.all([
      esbuild({
        ...common,
        entryPoints: { main: entry },
        outdir: tmp,
        outExtension: { '.js': '.cjs' },
        chunkNames: 'cli-[hash]',
        splitting: true,
        format: 'esm',
        sourcemap: 'inline', // carried through the conversion below into each file's own map
        write: false,
        define: { 'import.meta.url': '__gongwenModuleUrl' },
      }),
      esbuild({ ...esm, entryPoints: { worker: WORKER_ENTRY } }),
    ]);
    mkdirSync(tmp, { recursive: true });
    for (const f of cli.outputFiles) toCommonJs(f.path, f.text);
    metafiles = [cli.metafile, worker.metafile];
  } else if (kind === 'cjs') {
    // A small module run before the command (the hand-over's client): one CommonJS file, nothing beside it.
    metafiles = [(await esbuild({ ...common, entryPoints: [entry], outfile: join(tmp, 'main.cjs'), format: 'cjs', supported: { 'dynamic-import': false } })).metafile];
  } else {
    metafiles = [(await esbuild({ ...esm, entryPoints: { main: entry, worker: WORKER_ENTRY } })).metafile];
  }
  // Built from what the metafiles say was read, so the stamp names exactly the files to watch.
  const inputs = [...new Set(metafiles.flatMap((m) => Object.keys(m.inputs)))].sort();
  const hash = hashInputs(inputs);
  const renderer = hashInputs(rendererInputs(metafiles[metafiles.length - 1]));
  const dir = `${name}-${hash}`;
  try {
    renameSync(tmp, join(cache, dir));
  } catch {
    rmSync(tmp, { recursive: true, force: true }); // another process built the same code first
  }
  writeAtomic(join(cache, `${name}.json`), JSON.stringify({ options: OPTIONS_VERSION, hash, renderer, dir, inputs, stats: statInputs(inputs) }));
  return { dir, renderer };
}

/** The stamp's bundle if it is current: by sizes and times, or else by contents (then the times are refreshed). */
function current(stamp, cache, name, kind) {
  if (!stamp || !existsSync(join(cache, stamp.dir, mainFile(kind)))) return undefined;
  const stats = statInputs(stamp.inputs);
  if (!stats) return undefined;
  if (Array.isArray(stamp.stats) && stats.every((s, k) => s === stamp.stats[k])) return stamp;
  if (hashInputs(stamp.inputs) !== stamp.hash) return undefined;
  // Touched but unchanged (a checkout, a save without edits): remember the new times.
  try {
    writeAtomic(join(cache, `${name}.json`), JSON.stringify({ ...stamp, stats }));
  } catch {
    // a read-only cache still works, only slower
  }
  return stamp;
}

/** A bundle's folder (name-hash) or a build's leftover temporary folder (.name.pid.tmp). */
const BUNDLE_DIR = /^(?:[\w-]+-[0-9a-f]{20}|\.[\w-]+\.\d+\.tmp)$/;

/**
 * After a rebuild: removes the bundles of every entry (not only this one's: the command's older kind of bundle, a
 * script's) that no stamp names and that were superseded over STALE_MS ago, and marks the one `previous` names as
 * superseded now. A folder's time is when it was built, or when a rebuild superseded it.
 */
function sweep(cache, previous) {
  const now = Date.now();
  if (previous) {
    try {
      utimesSync(join(cache, previous), now / 1000, now / 1000);
    } catch {
      // already gone
    }
  }
  const named = new Set();
  const entries = readdirSync(cache);
  for (const f of entries) {
    if (!f.endsWith('.json')) continue;
    const p = join(cache, f);
    const s = readStamp(p);
    // An entry whose sources are gone (a script deleted, a test's temporary file), or a stamp of older build options,
    // names nothing once it is old. (Other JSON files here are the tool's caches, not stamps.)
    try {
      if (!s) {
        if (isOldStamp(p) && now - statSync(p).mtimeMs > STALE_MS) rmSync(p, { force: true });
        continue;
      }
      if (!statInputs(s.inputs) && now - statSync(p).mtimeMs > STALE_MS) {
        rmSync(p, { force: true });
        continue;
      }
    } catch {
      continue;
    }
    named.add(s.dir);
  }
  for (const d of entries) {
    if (named.has(d) || !BUNDLE_DIR.test(d)) continue;
    const p = join(cache, d);
    try {
      if (statSync(p).isDirectory() && now - statSync(p).mtimeMs > STALE_MS) rmSync(p, { recursive: true, force: true });
    } catch {
      // another process swept it first
    }
  }
}

/**
 * The file URL of `entry` (an absolute path, or relative to the tool's folder), compiled and current: as ES
 * modules (`esm`, for scripts and the benchmark), for the command (`cli`: one CommonJS file and its pool worker,
 * see build), or as one plain CommonJS file (`cjs`: a module the command runs before itself).
 */
async function bundled(entry, kind = 'esm') {
  const rel = relative(ROOT, resolve(ROOT, entry)).split('\\').join('/');
  const name = rel.replace(/\.[cm]?ts$/, '').replace(/[^\w-]+/g, '_') + (kind === 'esm' ? '' : `_${kind}`);
  const cache = cacheRoot();
  const stamp = readStamp(join(cache, `${name}.json`));
  let found = current(stamp, cache, name, kind);
  if (!found) {
    found = await build(rel, cache, name, kind);
    sweep(cache, stamp && stamp.dir !== found.dir ? stamp.dir : undefined);
  }
  if (kind === 'cjs') return pathToFileURL(join(cache, found.dir, mainFile(kind))).href;
  // For the build manifest's key (src/pipeline/envKey.ts), and the tool's caches; worker threads inherit both.
  process.env.GONGWEN_RENDERER_HASH = found.renderer;
  process.env.GONGWEN_CACHE_DIR = cache;
  process.env.GONGWEN_ROOT = ROOT.replace(/[\\/]$/, ''); // src/toolRoot.ts: the code may be compiled outside the tree
  if (process.env.GONGWEN_DEBUG) process.setSourceMapsEnabled(true);
  return pathToFileURL(join(cache, found.dir, mainFile(kind))).href;
}

/** Runs `entry` (relative to the working folder) as a program, with `argv` as its arguments. */
async function runBundled(entry, argv) {
  const file = resolve(entry);
  process.argv = [process.argv[0], file, ...argv];
  return import(await bundled(file));
}

module.exports = { bundled, runBundled };
