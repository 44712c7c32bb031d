import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // Two test files at a time. Vitest's default is one fewer than the cores, which on this two-core machine is a
    // single worker: the suite then waits, one file after another, on LibreOffice, the OOXML validator, chromium
    // and the CLI's child processes, with one core idle. Every file works in its own temporary folders.
    maxWorkers: 2,
    globalSetup: ['tests/helpers/tmp-setup.ts'],
    // Pin the fonts to the bundled open set (src/fonts/index.ts), so that golden pages and measurements do
    // not depend on the fonts installed on the machine. Subprocesses the tests spawn inherit it.
    env: { GONGWEN_FONTS: 'bundled' },
  },
});
