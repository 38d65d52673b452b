/**
 * Global test setup: a test that logs a console error or warning fails, so noisy failures
 * cannot hide behind a green run.
 */
import { afterEach, beforeEach, vi } from 'vitest';

let logged: string[] = [];

beforeEach(() => {
  logged = [];
  for (const level of ['error', 'warn'] as const) {
    vi.spyOn(console, level).mockImplementation((...args: unknown[]) => {
      logged.push(`console.${level}: ${args.map(String).join(' ')}`);
    });
  }
});

afterEach(() => {
  vi.restoreAllMocks();
  if (logged.length > 0) {
    const lines = logged.join('\n');
    logged = [];
    throw new Error(`Test wrote to the console:\n${lines}`);
  }
});
