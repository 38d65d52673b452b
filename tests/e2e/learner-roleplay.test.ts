/**
 * The learner's roleplay in a real browser against the offline engine: start a scenario, use
 * the systems panel, chat, end the chat, write case notes, submit and see the provisional
 * grading — each view accessible — and a send whose response is lost is stored only once.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { axeViolations, newPage, signInAs, watchConsole } from './browser.ts';
import { useServerAndBrowser } from './rig.ts';

const SCENARIO_TITLE = 'Setting up power at a new flat';
const CUSTOMER = 'Mia Robinson';

async function startScenario(page: Page) {
  await page.getByLabel('Industry').selectOption('energy');
  await page
    .getByRole('article', { name: SCENARIO_TITLE })
    .getByRole('button', { name: 'Start' })
    .click();
  await page.getByRole('heading', { level: 1, name: SCENARIO_TITLE }).waitFor();
}

const messages = (page: Page) =>
  page.getByRole('region', { name: `Messages with ${CUSTOMER}` }).getByRole('listitem');

/** Sends a message with Enter and waits until the customer's whole reply is shown. */
async function say(page: Page, text: string) {
  const before = await messages(page).count();
  await page.getByLabel(`Your reply to ${CUSTOMER}`).fill(text);
  await page.keyboard.press('Enter');
  await expect.poll(() => messages(page).count(), { timeout: 20_000 }).toBe(before + 2);
  const reply = messages(page).last();
  await expect
    .poll(async () => (await reply.textContent()) ?? '', { timeout: 20_000 })
    .not.toMatch(/is typing|Reconnecting/);
  await page.getByLabel(`Your reply to ${CUSTOMER}`).and(page.locator(':enabled')).waitFor();
  return (await reply.locator('p').textContent()) ?? '';
}

describe('the learner roleplay in a real browser', () => {
  const rig = useServerAndBrowser();

  it('plays energy-move-in from start to a provisional core-webchat grading, accessibly', async () => {
    const page = await newPage(rig.browser);
    const problems = watchConsole(page);
    await signInAs(page, rig.server.url, 'learner@demo.rapport.test', 'Practice');
    await page.getByRole('heading', { name: 'Scenarios' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);

    await startScenario(page);
    expect(await page.locator(':focus').textContent()).toBe(SCENARIO_TITLE);
    expect(await messages(page).count()).toBe(1);

    // Systems panel: open the CRM, verify the customer, search and open a knowledge-base article.
    await page.getByRole('button', { name: 'Open CRM' }).click();
    await page.getByText('Expected answer: 19 December 1993').waitFor();
    await page.getByRole('button', { name: 'Customer verified' }).click();
    await page.getByText(/^Customer verified at/).waitFor();
    await page.getByRole('tab', { name: 'Knowledge base' }).click();
    await page.getByLabel('Search articles').fill('move-in');
    await page.getByText('1 article of 2.').waitFor();
    await page.getByRole('button', { name: 'Move-in requests' }).click();
    await page.getByText(/there is no connection fee/).waitFor();

    // Three exchanges; one message carries markup, which must show as text, never as HTML.
    await say(
      page,
      'Hi Mia, thanks for getting in touch, my name is Sam. Can I confirm your date of birth for security?',
    );
    await say(page, 'Thanks Mia. Is the power <b>currently</b> on at the new flat?');
    await say(page, 'How would you like to pay your bills?');
    expect(await messages(page).count()).toBe(7);
    expect(await messages(page).nth(3).textContent()).toContain('<b>currently</b>');
    expect(await page.locator('.chat-log b').count()).toBe(0);
    await expect
      .poll(() => page.locator('[aria-live="polite"]').allTextContents())
      .toContainEqual(expect.stringMatching(new RegExp(`^${CUSTOMER} says: `)));

    await page.getByRole('tab', { name: /^Event log/ }).click();
    // The search is logged once typing pauses, so it may follow the article it led to.
    await expect
      .poll(async () =>
        (await page.getByRole('tabpanel').locator('ol li').allTextContents())
          .map((t) => t.replace(/^\S+( [AP]M)? /, ''))
          .sort(),
      )
      .toEqual([
        'Opened article "Move-in requests"',
        'Opened the CRM record',
        'Searched the knowledge base for "move-in"',
        "Verified the customer's identity",
      ]);
    expect(await axeViolations(page)).toEqual([]);

    // End the chat (with its confirm step); the reason is shown and focused.
    await page.getByRole('button', { name: 'End chat' }).click();
    await page.getByRole('button', { name: 'Yes, end the chat' }).click();
    await page.getByRole('heading', { name: 'Chat ended' }).waitFor();
    expect(await page.getByText('You ended the chat.').isVisible()).toBe(true);
    expect(await page.locator(':focus').textContent()).toBe('Chat ended');

    // Case notes autosave.
    await page
      .getByLabel('What the customer needed')
      .fill('Power on at 3/22 Walcott St from Sat 9th');
    await page.getByLabel('What you did').fill('Verified DOB; confirmed the power is already on');
    await page.getByLabel('What was agreed').fill('Move-in reading on the 9th, no connection fee');
    await page.getByLabel('Follow-up', { exact: true }).fill('Email the move-in confirmation');
    await page.getByLabel('Follow-up owner').fill('Sam');
    await page.getByLabel('Follow-up due date').fill('2026-12-02');
    await page.getByText(/^Saved at /).waitFor();
    expect(await axeViolations(page)).toEqual([]);

    // Submit; the page polls until the core pack is graded.
    await page.getByRole('button', { name: 'Submit for grading' }).click();
    const core = page.getByRole('article', { name: /Core webchat skills/ });
    await core
      .getByText('Graded (provisional — awaiting assessor confirmation)')
      .waitFor({ timeout: 30_000 });
    const verdicts = await core.locator('.criterion-result h4').allTextContents();
    expect(verdicts.map((v) => v.replace(/:.*/, '')).sort()).toEqual(
      [
        'Close',
        'Empathy',
        'Follow-up recorded',
        'Greeting',
        'Options',
        'Rapport',
        'Security check',
      ].sort(),
    );
    for (const v of verdicts) expect(v).toMatch(/: (Met|Not yet)$/);
    expect(await core.getByText(/^Turn \d+:/).count()).toBeGreaterThan(0);
    await page.getByText(/rubric packs graded\.$/).waitFor();
    expect(await axeViolations(page)).toEqual([]);

    // Back home, the attempt is listed as submitted.
    await page.getByRole('link', { name: 'All scenarios' }).click();
    const row = page.getByRole('row', { name: new RegExp(SCENARIO_TITLE) });
    await row.waitFor();
    expect(await row.textContent()).toContain('Submitted for grading (you ended it)');

    // The evidence portfolio opens from the home page; nothing is confirmed yet.
    await page.getByRole('link', { name: 'Your evidence portfolio' }).click();
    await page.getByRole('heading', { level: 1, name: 'Evidence portfolio' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
    await page.context().close();
  }, 180_000);

  it('stores a message once when the response to its send is lost', async () => {
    const page = await newPage(rig.browser);
    const problems = watchConsole(page);
    await signInAs(page, rig.server.url, 'learner@demo.rapport.test', 'Practice');
    await startScenario(page);
    // The first send reaches the server, but the browser never sees the answer.
    let dropped = false;
    await page.route('**/api/attempts/*/messages', async (route) => {
      if (dropped) return route.continue();
      dropped = true;
      await route.fetch();
      await route.abort('connectionreset');
    });
    await say(page, 'Hi Mia, my name is Sam. How can I help today?');
    expect(dropped).toBe(true);
    const texts = await messages(page).allTextContents();
    expect(texts.filter((t) => t.includes('How can I help today?'))).toHaveLength(1);
    // After a reload the server's transcript is the same: one agent message, one reply.
    await page.reload();
    await page.getByRole('heading', { level: 1, name: SCENARIO_TITLE }).waitFor();
    await expect.poll(() => messages(page).count()).toBe(3);
    // The dropped request is the only console noise (Chromium logs the reset connection).
    expect(problems.filter((p) => !p.includes('net::ERR_CONNECTION_RESET'))).toEqual([]);
    await page.context().close();
  }, 120_000);
});
