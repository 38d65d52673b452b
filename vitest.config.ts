import { defineConfig } from 'vitest/config';

// CI asks for a JSON summary too (RAPPORT_TEST_REPORT_DIR), so it can print one closing count line.
const reportDir = process.env.RAPPORT_TEST_REPORT_DIR;

export default defineConfig({
  test: {
    reporters: reportDir
      ? ['default', ['json', { outputFile: `${reportDir}/unit.json` }]]
      : ['default'],
    include: ['tests/**/*.test.ts'],
    exclude: ['tests/e2e/**', 'node_modules/**'],
    setupFiles: ['tests/helpers/setup.ts'],
    testTimeout: 20_000,
    pool: 'forks',
  },
});
