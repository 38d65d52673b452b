import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { axeViolations, launchBrowser, newPage, watchConsole } from './browser.ts';
import { E2E_PASSWORD, startServer, type RunningServer } from './server.ts';

const HOMES = {
  learner: { nav: ['Practice'], heading: 'Practice' },
  coach: { nav: ['Coaching'], heading: 'Coaching' },
  assessor: { nav: ['Assessment'], heading: 'Assessment' },
  designer: { nav: ['Content'], heading: 'Content' },
  admin: { nav: ['People'], heading: 'People' },
} as const;

describe('signing in as each demo role in a real browser', () => {
  let server: RunningServer;
  let browser: Browser;
  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('prints the demo accounts once at first start', () => {
    for (const role of Object.keys(HOMES))
      expect(server.output()).toContain(`${role}@demo.rapport.test`);
  });

  it('has an accessible sign-in page', async () => {
    const page = await newPage(browser);
    const problems = watchConsole(page);
    await page.goto(server.url);
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('shows a clear error for a wrong password', async () => {
    const page = await newPage(browser);
    await page.goto(server.url);
    await page.getByLabel('Email').fill('learner@demo.rapport.test');
    await page.getByLabel('Password').fill('not-the-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect
      .poll(() => page.getByRole('alert').textContent(), { timeout: 10_000 })
      .toContain('Invalid email or password');
    await page.context().close();
  });

  for (const [role, home] of Object.entries(HOMES)) {
    it(`signs in as the demo ${role}, sees only their navigation, the offline label, and signs out`, async () => {
      const page = await newPage(browser);
      const problems = watchConsole(page);
      await page.goto(server.url);
      await page.getByLabel('Email').fill(`${role}@demo.rapport.test`);
      await page.getByLabel('Password').fill(E2E_PASSWORD);
      await page.keyboard.press('Enter');
      await page.getByRole('heading', { level: 1, name: home.heading }).waitFor();
      const nav = await page
        .getByRole('navigation', { name: 'Main' })
        .getByRole('link')
        .allTextContents();
      expect(nav).toEqual(home.nav);
      expect(await page.getByText('Offline mode').isVisible()).toBe(true);
      expect(await axeViolations(page)).toEqual([]);
      await page.getByRole('button', { name: 'Sign out' }).click();
      await page.getByRole('heading', { name: 'Sign in' }).waitFor();
      expect(problems).toEqual([]);
      await page.context().close();
    });
  }
});
