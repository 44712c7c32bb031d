import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    globalSetup: ['tests/helpers/tmp-setup.ts'],
    // Pin the fonts to the bundled open set (src/fonts/index.ts), so that golden pages and measurements do
    // not depend on the fonts installed on the machine. Subprocesses the tests spawn inherit it.
    env: { GONGWEN_FONTS: 'bundled' },
  },
});
