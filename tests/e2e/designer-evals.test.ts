import { describe, expect, it } from 'vitest';
import { axeViolations, newPage, signInAs, watchConsole } from './browser.ts';
import { useServerAndBrowser } from './rig.ts';

const SUITE_TITLE = 'Personas play their cards faithfully';

describe('the designer eval runs and playground in a real browser', () => {
  const rig = useServerAndBrowser();

  it('starts a persona-fidelity run, waits for it to pass, opens it and a case, each accessible', async () => {
    const page = await newPage(rig.browser);
    const problems = watchConsole(page);
    await signInAs(page, rig.server.url, 'designer@demo.rapport.test', 'Content');

    await page.getByRole('tab', { name: 'Eval runs' }).click();
    await page.getByRole('heading', { level: 2, name: 'Eval runs' }).waitFor();
    await page.getByText('No eval runs yet.').waitFor();
    expect(await axeViolations(page)).toEqual([]);

    await page.getByRole('checkbox', { name: SUITE_TITLE }).check();
    await page.getByRole('button', { name: 'Start run' }).click();
    const row = page.getByRole('row').filter({ hasText: SUITE_TITLE });
    await row.getByText('Passed', { exact: true }).waitFor({ timeout: 30_000 });
    expect(await row.getByText(/^\d+\/\d+ cases passed$/).textContent()).toMatch(
      /^(\d+)\/\1 cases passed$/,
    );
    expect(await row.getByText('case pass rate 1').count()).toBe(1);
    expect(await axeViolations(page)).toEqual([]);

    // The run: focus moves to its heading; figures and every case are listed.
    await row.getByRole('button', { name: SUITE_TITLE }).click();
    const heading = page.getByRole('heading', {
      level: 2,
      name: `${SUITE_TITLE} (persona-fidelity)`,
    });
    await heading.waitFor();
    expect(await page.locator(':focus').textContent()).toBe(`${SUITE_TITLE} (persona-fidelity)`);
    await page.getByRole('table', { name: 'Figures' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);

    // One case: assertions (expected and actual) and the transcript as text.
    const caseButton = page.getByRole('button', { name: 'gary-blamed-leaves', exact: true });
    await caseButton.click();
    await page.getByRole('heading', { level: 2, name: 'Case gary-blamed-leaves' }).waitFor();
    await page.getByRole('table', { name: 'Assertions: expected and actual' }).waitFor();
    const transcript = await page.locator('pre.transcript-text').textContent();
    expect(transcript).toContain('1. Agent: Calm down, you must have used more power.');
    expect(await axeViolations(page)).toEqual([]);

    // Back twice: focus returns to what opened each view.
    await page.getByRole('button', { name: 'Back to the persona-fidelity run' }).click();
    await caseButton.waitFor();
    expect(await page.locator(':focus').textContent()).toBe('gary-blamed-leaves');
    await page.getByRole('button', { name: 'Back to eval runs' }).click();
    await page.getByRole('heading', { level: 2, name: 'Eval runs' }).waitFor();
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('runs the golden set for the κ chart, and compares two persona-fidelity runs side by side', async () => {
    const page = await newPage(rig.browser);
    const problems = watchConsole(page);
    await signInAs(page, rig.server.url, 'designer@demo.rapport.test', 'Content');
    await page.getByRole('tab', { name: 'Eval runs' }).click();

    await page.getByRole('checkbox', { name: SUITE_TITLE }).check();
    await page.getByRole('checkbox', { name: 'Grader agreement with the golden set' }).check();
    await page.getByRole('button', { name: 'Start run' }).click();
    const golden = page
      .getByRole('row')
      .filter({ hasText: 'Grader agreement with the golden set' });
    await golden.getByText('Passed', { exact: true }).waitFor({ timeout: 30_000 });
    const chart = page.getByRole('img', { name: /^Bar chart of Cohen's kappa per criterion/ });
    await chart.waitFor();
    const table = page.getByRole('table', { name: 'κ per criterion over the last grader runs' });
    expect(await table.locator('thead th').allTextContents()).toEqual([
      'Run',
      'rapport',
      'empathy',
      'options',
      'follow up recorded',
    ]);
    expect(await axeViolations(page)).toEqual([]);

    // Two finished persona-fidelity runs (the first test's and this one's) side by side.
    const pick = page.getByRole('checkbox', { name: /^Compare the persona-fidelity run of / });
    await page.getByRole('button', { name: 'Start run' }).waitFor();
    expect(await pick.count()).toBe(2);
    await pick.nth(0).check();
    await pick.nth(1).check();
    await page.getByRole('button', { name: 'Compare selected runs' }).click();
    await page.getByRole('heading', { level: 2, name: 'Compare persona-fidelity runs' }).waitFor();
    await page.getByText('No case changed its outcome.').waitFor();
    const figures = page.getByRole('table', { name: 'Figures, before and after' });
    expect(await figures.getByRole('row', { name: /case pass rate 1 1 0/ }).count()).toBe(1);
    expect(await axeViolations(page)).toEqual([]);

    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('plays two learner turns in the playground and shows the director state change', async () => {
    const page = await newPage(rig.browser);
    const problems = watchConsole(page);
    await signInAs(page, rig.server.url, 'designer@demo.rapport.test', 'Content');

    await page.getByRole('tab', { name: 'Playground' }).click();
    await page.getByLabel('Scenario', { exact: true }).selectOption('energy-bill-shock');
    const chat = page.getByRole('list', { name: 'Chat' });
    await chat.getByText('$912 for a quarter??').waitFor();
    expect(await page.getByText('2 of 10', { exact: true }).count()).toBe(1);
    expect(await axeViolations(page)).toEqual([]);

    const box = page.getByLabel('Your message as the agent');
    await box.fill(
      "Hi Gary, I can see the bill is $912 when you normally pay $320 - that's a huge jump. Is the due date a worry for your pension?",
    );
    await page.getByRole('button', { name: 'Send' }).click();
    await chat.getByText("I'm on the age pension").waitFor();
    await page.getByText('4 of 10', { exact: true }).waitFor();
    expect(await page.getByRole('list', { name: 'Facts revealed' }).count()).toBe(1);

    await box.fill('Calm down, it is your fault for using too much.');
    await page.getByRole('button', { name: 'Send' }).click();
    await chat.getByText("Don't put this on me.").waitFor();
    await page.getByText('1 of 10', { exact: true }).waitFor();
    expect(await chat.getByRole('listitem').count()).toBe(5);
    expect(await axeViolations(page)).toEqual([]);

    expect(problems).toEqual([]);
    await page.context().close();
  });
});
