/**
 * One msw server per test file that asks for it. Unhandled requests fail the test, so no test
 * can reach the network; build LLM clients only after `listen()`.
 */
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll } from 'vitest';

/** Starts an msw server for the current test file and returns it for `server.use(...)`. */
export function useMswServer(): ReturnType<typeof setupServer> {
  const server = setupServer();
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterEach(() => server.resetHandlers());
  afterAll(() => server.close());
  return server;
}
