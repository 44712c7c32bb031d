#!/usr/bin/env node
// Runs a TypeScript entry point (the benchmark, scripts) compiled the same way as the `gongwen` command.
'use strict';
const { runBundled } = require('./bundle.js');

const [entry, ...rest] = process.argv.slice(2);
runBundled(entry, rest);
