import { defineConfig } from 'vitest/config';

// Load tests (`*.load.test.ts`) measure how a server holds under a flood, so
// they run alone, after every other file, with no other test taking the CPU.
const LOAD_TESTS = 'packages/*/src/**/*.load.test.ts';

export default defineConfig({
  test: {
    // Contract tests start real servers on loopback; scrypt is CPU-bound.
    testTimeout: 20_000,
    // CI reads the JSON report for its summary line (.ci/summarize.mjs).
    reporters: process.env.CI ? ['default', 'json'] : ['default'],
    outputFile: { json: 'reports/vitest.json' },
    projects: [
      { extends: true, test: { name: 'unit and contract', include: ['packages/*/src/**/*.test.ts'], exclude: [LOAD_TESTS], sequence: { groupOrder: 0 } } },
      { extends: true, test: { name: 'load', include: [LOAD_TESTS], fileParallelism: false, sequence: { groupOrder: 1 } } },
    ],
  },
});
