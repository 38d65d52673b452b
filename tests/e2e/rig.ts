/**
 * The usual browser-test rig: one real server (demo seed, temp database) and one Chromium for a
 * test file, started before its tests and stopped after them.
 */
import { afterAll, beforeAll } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser } from './browser.ts';
import { startServer, type RunningServer } from './server.ts';

/** The started server and browser (reading either before `beforeAll` ran throws). */
export interface Rig {
  readonly server: RunningServer;
  readonly browser: Browser;
}

/** Registers the start and stop hooks of a server and a browser; `setup` runs once both are up. */
export function useServerAndBrowser(setup?: (rig: Rig) => Promise<void>): Rig {
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  const rig: Rig = {
    get server() {
      if (!server) throw new Error('the e2e server has not started');
      return server;
    },
    get browser() {
      if (!browser) throw new Error('the browser has not started');
      return browser;
    },
  };
  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
    await setup?.(rig);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });
  return rig;
}
