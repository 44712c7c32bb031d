#!/usr/bin/env node
// The `gongwen` command: runs the TypeScript CLI, compiled on first use (see bundle.js; no build step needed),
// from a V8 code cache (see codeCache.js).
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundled } from './bundle.js';
import { installCodeCache } from './codeCache.js';
import { installLazyLibraries } from './lazyLibraries.js';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
let main;
try {
  const file = fileURLToPath(await bundled('src/cli/main.ts', 'cli'));
  installLazyLibraries();
  if (!process.env.GONGWEN_NO_CODE_CACHE) installCodeCache(process.env.GONGWEN_CACHE_DIR, [dirname(file), join(ROOT, 'node_modules')], ROOT);
  ({ main } = createRequire(import.meta.url)(file));
} catch (e) {
  // Only a broken checkout gets here (a syntax error in src/, esbuild missing): say so without a stack.
  process.stderr.write(`gongwen: 无法加载程序 / cannot load the program: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(3);
}
process.exitCode = await main(process.argv.slice(2));
