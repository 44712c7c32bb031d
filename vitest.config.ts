import { defineConfig } from 'vitest/config';

/**
 * Test files that only call the tool's code in this process and change nothing global (no environment variables, no
 * working folder, no module state): they share their workers' loaded modules instead of each starting a process
 * that loads the fonts, the YAML parser, zod, pdfkit and the docx package again (about 1.5 s of CPU a file).
 */
const IN_PROCESS = [
  'cli-options', 'compose-body', 'golden', 'golden-profile', 'import-real', 'import-units', 'layout', 'layout-keep',
  'layout-landings', 'load', 'load-warnings', 'metrics-extract', 'pdf', 'pdf-attachments', 'pdf-seal', 'rollup-aggregate',
  'rollup-compose', 'rollup-demo', 'rollup-gate', 'rollup-layout', 'rollup-roster', 'rollup-xlsx',
].map((name) => `tests/${name}.test.ts`);

export default defineConfig({
  test: {
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
    projects: [
      { extends: true, test: { name: 'in-process', include: IN_PROCESS, isolate: false } },
      { extends: true, test: { name: 'isolated', include: ['tests/**/*.test.ts'], exclude: IN_PROCESS } },
    ],
  },
});
