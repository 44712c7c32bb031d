#!/usr/bin/env node
// Runs a TypeScript entry point (the benchmark, scripts) compiled the same way as the `gongwen` command.
import { runBundled } from './bundle.js';

const [entry, ...rest] = process.argv.slice(2);
await runBundled(entry, rest);
