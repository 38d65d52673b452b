import { defineConfig } from 'vitest/config';

const reportDir = process.env.RAPPORT_TEST_REPORT_DIR;

export default defineConfig({
  test: {
    reporters: reportDir
      ? ['default', ['json', { outputFile: `${reportDir}/e2e.json` }]]
      : ['default'],
    include: ['tests/e2e/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    fileParallelism: false,
  },
});
