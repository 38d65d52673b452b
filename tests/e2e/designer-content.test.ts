import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { loadContent, type ContentBundle } from '#api/content/load.ts';
import { repoRoot } from '#api/content/repo-root.ts';
import { axeViolations, launchBrowser, newPage, signInAs, watchConsole } from './browser.ts';
import { startServer, type RunningServer } from './server.ts';

describe('the designer content view in a real browser', () => {
  let server: RunningServer;
  let browser: Browser;
  let content: ContentBundle;
  beforeAll(async () => {
    [server, browser, content] = await Promise.all([
      startServer(),
      launchBrowser(),
      loadContent(repoRoot),
    ]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('shows the repo content counts, validation status, a scenario, a persona and coverage, each accessible', async () => {
    const page = await newPage(browser);
    const problems = watchConsole(page);
    await signInAs(page, server.url, 'designer@demo.rapport.test', 'Content');

    const counts = page.getByRole('list', { name: 'Content counts' });
    await counts.waitFor();
    const scenarios = content.scenarios.length;
    const personas = content.personas.length;
    expect(await counts.getByRole('listitem').allTextContents()).toEqual([
      `${scenarios} scenarios`,
      `${personas} personas`,
      `${content.rubrics.length} rubric packs`,
      `${content.standards?.length ?? 0} standards`,
    ]);
    expect(await page.getByRole('tab', { name: `Scenarios (${scenarios})` }).isVisible()).toBe(
      true,
    );
    expect(await page.getByRole('tab', { name: `Personas (${personas})` }).isVisible()).toBe(true);
    expect(await page.getByText(`Showing ${scenarios} of ${scenarios} scenarios.`).count()).toBe(1);
    expect(await page.getByRole('heading', { name: 'All content valid' }).isVisible()).toBe(true);
    expect(await axeViolations(page)).toEqual([]);

    // Filter, then open one scenario: focus moves to its heading, its systems are listed.
    const scenario = content.scenarios.find((s) => s.interactionType === 'complaint');
    if (!scenario) throw new Error('the repo has no complaint scenario');
    const complaints = content.scenarios.filter((s) => s.interactionType === 'complaint').length;
    await page.getByLabel('Interaction type', { exact: true }).selectOption('complaint');
    await page.getByText(`Showing ${complaints} of ${scenarios} scenarios.`).waitFor();
    await page.getByRole('button', { name: scenario.title, exact: true }).click();
    const heading = page.getByRole('heading', { level: 2, name: scenario.title });
    await heading.waitFor();
    await page.getByRole('heading', { name: 'Hidden facts' }).waitFor();
    expect(await page.locator(':focus').textContent()).toBe(scenario.title);
    expect(await page.getByRole('heading', { name: 'CRM record' }).isVisible()).toBe(true);
    expect(await axeViolations(page)).toEqual([]);

    // Back returns focus to the button that opened it.
    await page.getByRole('button', { name: 'Back to scenarios' }).click();
    const opener = page.getByRole('button', { name: scenario.title, exact: true });
    await opener.waitFor();
    expect(await page.locator(':focus').textContent()).toBe(scenario.title);

    // A persona card, reached by keyboard through the tabs.
    await page.getByRole('tab', { name: `Scenarios (${scenarios})` }).focus();
    await page.keyboard.press('ArrowRight');
    const persona = content.personas[0];
    if (!persona) throw new Error('the repo has no persona');
    await page.getByRole('button', { name: persona.name, exact: true }).click();
    await page.getByRole('heading', { name: 'Voice' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);

    // A rubric pack with criteria the product cannot collect.
    await page.getByRole('tab', { name: /^Rubric packs/ }).click();
    const pack = content.rubrics.find((r) => r.criteria.some((c) => c.evidencedBy === 'other'));
    if (!pack) throw new Error('the repo has no pack with other-evidence criteria');
    await page.getByRole('button', { name: pack.title, exact: true }).click();
    await page
      .getByText(/^Evidenced by other means: /)
      .first()
      .waitFor();
    expect(await axeViolations(page)).toEqual([]);

    // Coverage: the matrix and the standards table.
    await page.getByRole('tab', { name: 'Coverage' }).click();
    await page
      .getByRole('table', { name: /Scenarios by persona trait and interaction type/ })
      .waitFor();
    const standardRows = await page
      .getByRole('table', { name: 'Standard criteria and the scenarios that can evidence them' })
      .locator('tbody tr')
      .count();
    expect(standardRows).toBe((content.standards ?? []).reduce((n, s) => n + s.criteria.length, 0));
    expect(await axeViolations(page)).toEqual([]);

    expect(problems).toEqual([]);
    await page.context().close();
  });
});
