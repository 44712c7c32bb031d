#!/usr/bin/env node
// The `gongwen` command: runs the TypeScript CLI, compiled on first use (see bundle.js; no build step needed).
import { bundled } from './bundle.js';

let main;
try {
  ({ main } = await import(await bundled('src/cli/main.ts')));
} catch (e) {
  // Only a broken checkout gets here (a syntax error in src/, esbuild missing): say so without a stack.
  process.stderr.write(`gongwen: 无法加载程序 / cannot load the program: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(3);
}
process.exitCode = await main(process.argv.slice(2));
