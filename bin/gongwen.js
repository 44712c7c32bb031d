#!/usr/bin/env node
// The `gongwen` command: runs the TypeScript CLI, compiled on first use (see bundle.js; no build step needed),
// from a V8 code cache (see codeCache.js). bin/ is CommonJS (bin/package.json): Node's ES-module loader, which
// an ES-module entry point brings up with its builtins, cost more than anything else of a short run.
'use strict';
const { existsSync } = require('node:fs');
const { dirname, join } = require('node:path');
const { bundled } = require('./bundle.js');

const ROOT = join(__dirname, '..');

const { fileURLToPath } = require('node:url');

/**
 * `build FILE…` offered to a running `watch` or `serve` first (src/pipeline/handoffClient.ts, a module of its own):
 * when one takes it, the command is done without loading the rest of itself. True when it was taken.
 */
async function handedOff(args) {
  if (args[0] !== 'build' || !args.some((a) => /\.ya?ml$/i.test(a))) return false;
  let answer;
  try {
    answer = await require(fileURLToPath(await bundled('src/pipeline/handoffClient.ts', 'cjs'))).handOff(args.slice(1));
  } catch {
    return false; // the hand-over is optional: anything wrong with it, and the command builds itself
  }
  if (!answer) return false;
  process.stdout.write(answer.out);
  process.stderr.write(answer.err);
  process.exitCode = answer.code;
  return true;
}

/** The subcommand, by which the code cache is kept (codeCache.js): each lives in src/cli/<name>.ts; 'other' for --help and typos. */
function commandOf(first) {
  return typeof first === 'string' && /^[a-z]+$/.test(first) && existsSync(join(ROOT, 'src', 'cli', `${first}.ts`)) ? first : 'other';
}

async function run() {
  if (await handedOff(process.argv.slice(2))) return;
  let main;
  try {
    const file = fileURLToPath(await bundled('src/cli/main.ts', 'cli'));
    // Required here: a build handed over (above) needs neither.
    require('./lazyLibraries.js').installLazyLibraries();
    if (!process.env.GONGWEN_NO_CODE_CACHE) require('./codeCache.js').installCodeCache(process.env.GONGWEN_CACHE_DIR, [dirname(file), join(ROOT, 'node_modules')], ROOT, commandOf(process.argv[2]));
    ({ main } = require(file));
  } catch (e) {
    // Only a broken checkout gets here (a syntax error in src/, esbuild missing): say so without a stack.
    process.stderr.write(`gongwen: 无法加载程序 / cannot load the program: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(3);
  }
  process.exitCode = await main(process.argv.slice(2));
}

/**
 * Once the command is done, the process exits at once ('exit' listeners, such as the code cache's and the fonts'
 * cache saves, still run). Left to itself, Node would first wait for V8's background work (an incremental marking
 * begun during the run, compile jobs) and tear the heap down: 10-100 ms of wall time after the last output. Every
 * command resolves only when its work is done (a build after its pool and manifest are closed, watch and serve once
 * stopped); output still buffered in a stream (a slow pipe) is left to drain by the normal exit.
 */
function exitNow() {
  if (process.stdout.writableLength === 0 && process.stderr.writableLength === 0) process.exit();
}

run().then(exitNow);
