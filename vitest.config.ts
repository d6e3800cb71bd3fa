import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['packages/*/src/**/*.test.ts'],
    // Contract tests start real servers on loopback; scrypt is CPU-bound.
    testTimeout: 20_000,
    // CI reads the JSON report for its summary line (.ci/summarize.mjs).
    reporters: process.env.CI ? ['default', 'json'] : ['default'],
    outputFile: { json: 'reports/vitest.json' },
  },
});
