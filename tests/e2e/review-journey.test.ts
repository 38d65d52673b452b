/**
 * The whole review loop in a real browser on the demo organisation, offline engine: a learner
 * plays and submits a chat; an assessor overrides one criterion with a reason, confirms the rest
 * and signs the core pack off; the coach finds the attempt, comments on a turn, reads the
 * learner's progress and assigns the next scenario; the learner then sees the confirmed result
 * (the overridden verdict and its reason), the coach's comment, the assignment and their
 * portfolio. axe runs on every page visited and the console stays clean.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { axeViolations, newPage, signInAs, watchConsole } from './browser.ts';
import { useServerAndBrowser } from './rig.ts';

const SCENARIO = 'Setting up power at a new flat';
const NEXT_SCENARIO = "Student's debit card blocked the day before rent is due";
const CUSTOMER = 'Mia Robinson';
const LEARNER = 'Lee Learner';
const OVERRIDDEN = 'Empathy';
const REASON = 'Judged against the indicators turn by turn: the AI verdict does not hold here.';
const COMMENT = 'Good check of the date of birth before going any further.';

const messages = (page: Page) =>
  page.getByRole('region', { name: `Messages with ${CUSTOMER}` }).getByRole('listitem');

/** Sends a message and waits until the customer's whole reply is shown. */
async function say(page: Page, text: string) {
  const before = await messages(page).count();
  await page.getByLabel(`Your reply to ${CUSTOMER}`).fill(text);
  await page.keyboard.press('Enter');
  await expect.poll(() => messages(page).count(), { timeout: 20_000 }).toBe(before + 2);
  await expect
    .poll(async () => (await messages(page).last().textContent()) ?? '', { timeout: 20_000 })
    .not.toMatch(/is typing|Reconnecting/);
  await page.getByLabel(`Your reply to ${CUSTOMER}`).and(page.locator(':enabled')).waitFor();
}

/** Runs axe on the current page and collects what it found under a page name. */
async function checkA11y(page: Page, name: string, found: Record<string, string[]>) {
  found[name] = await axeViolations(page);
}

describe('the review journey in a real browser', () => {
  const rig = useServerAndBrowser();

  it('learner submits, assessor overrides and signs off, coach reviews, learner sees the confirmed result', async () => {
    const axe: Record<string, string[]> = {};
    const consoles: string[][] = [];

    // Learner: play a short chat, write case notes, submit, wait for every pack to be graded.
    const learner = await newPage(rig.browser);
    consoles.push(watchConsole(learner));
    await signInAs(learner, rig.server.url, 'learner@demo.rapport.test', 'Practice');
    await learner.getByLabel('Industry').selectOption('energy');
    await learner
      .getByRole('article', { name: SCENARIO })
      .getByRole('button', { name: 'Start' })
      .click();
    await learner.getByRole('heading', { level: 1, name: SCENARIO }).waitFor();
    await say(
      learner,
      "Hi Mia, thanks for getting in touch, my name is Sam. I'm sorry the move has been stressful. Can I confirm your date of birth for security?",
    );
    await say(learner, 'Thanks Mia. Is the power currently on at the new flat?');
    await say(
      learner,
      'You could book a move-in reading for Saturday or for Monday. Which would you prefer?',
    );
    await learner.getByRole('button', { name: 'End chat' }).click();
    await learner.getByRole('button', { name: 'Yes, end the chat' }).click();
    await learner.getByRole('heading', { name: 'Chat ended' }).waitFor();
    await learner.getByLabel('What the customer needed').fill('Power on at the new flat');
    await learner.getByLabel('What you did').fill('Verified DOB; checked the power is on');
    await learner.getByLabel('What was agreed').fill('Move-in reading on Saturday');
    await learner.getByLabel('Follow-up', { exact: true }).fill('Email the confirmation');
    await learner.getByLabel('Follow-up owner').fill('Sam');
    await learner.getByLabel('Follow-up due date').fill('2026-12-02');
    await learner.getByText(/^Saved at /).waitFor();
    await learner.getByRole('button', { name: 'Submit for grading' }).click();
    await learner
      .getByRole('status')
      .getByText(/^(\d+) of \1 rubric packs graded\.$/)
      .waitFor({ timeout: 60_000 });
    const core = learner.getByRole('article', { name: /Core webchat skills/ });
    await core.getByText('Graded (provisional — awaiting assessor confirmation)').waitFor();
    expect(await core.getByText('Provisional (AI, not yet confirmed)').count()).toBe(7);
    await checkA11y(learner, 'learner attempt (provisional)', axe);
    const attemptUrl = learner.url();
    await learner.context().close();

    // Assessor: open the attempt from the queue, override one criterion, confirm the rest, sign off.
    const assessor = await newPage(rig.browser);
    consoles.push(watchConsole(assessor));
    await signInAs(assessor, rig.server.url, 'assessor@demo.rapport.test', 'Assessment');
    await assessor.getByRole('table', { name: 'Attempts awaiting confirmation' }).waitFor();
    await checkA11y(assessor, 'assessor queue', axe);
    await assessor.getByRole('button', { name: `Review ${LEARNER}’s attempt` }).click();
    await assessor.getByRole('heading', { level: 1, name: `${SCENARIO} — ${LEARNER}` }).waitFor();
    await checkA11y(assessor, 'assessor attempt review', axe);
    const coreSection = assessor.getByRole('region', { name: 'Core webchat skills' });
    const forms = coreSection.getByRole('form', { name: /^Decide / });
    const titles = (await forms.evaluateAll((els) => els.map((e) => e.getAttribute('aria-label'))))
      .map((t) => (t ?? '').replace(/^Decide /, ''))
      .filter((t) => t.length > 0);
    expect(titles).toContain(OVERRIDDEN);
    let overriddenTo = '';
    for (const title of titles) {
      const form = coreSection.getByRole('form', { name: `Decide ${title}` });
      // `has` is matched inside each article, so it names the form from the page.
      const card = coreSection.locator('article.criterion', {
        has: assessor.getByRole('form', { name: `Decide ${title}` }),
      });
      if (title === OVERRIDDEN) {
        const override = form.getByRole('button', { name: /^Override to / });
        overriddenTo = ((await override.textContent()) ?? '').replace('Override to ', '');
        await form.getByLabel(/^Reason/).fill(REASON);
        await override.click();
        await card.getByText(/overridden by Ari Assessor/).waitFor();
      } else {
        await form.getByRole('button', { name: 'Confirm' }).click();
        await card.getByText(/confirmed by Ari Assessor/).waitFor();
      }
    }
    await coreSection.getByRole('button', { name: 'Sign off against Core webchat skills' }).click();
    await coreSection.getByText('Graded · signed off').waitFor();
    await checkA11y(assessor, 'assessor attempt review (signed off)', axe);
    await assessor.context().close();
    const overriddenLabel = overriddenTo === 'met' ? 'Met' : 'Not yet';

    // Coach: the attempt in the queue, a comment on a turn, the progress page, an assignment.
    const coach = await newPage(rig.browser);
    consoles.push(watchConsole(coach));
    await signInAs(coach, rig.server.url, 'coach@demo.rapport.test', 'Coaching');
    const link = coach.getByRole('link', { name: `${SCENARIO} by ${LEARNER}` });
    await link.waitFor();
    await checkA11y(coach, 'coach queue', axe);
    await link.click();
    await coach.getByRole('heading', { level: 1, name: `${SCENARIO} — ${LEARNER}` }).waitFor();
    await coach.getByText(`Reason: ${REASON}`).waitFor();
    await coach.getByLabel('About').selectOption('turn:1');
    await coach.getByLabel('Comment', { exact: true }).fill(COMMENT);
    await coach.getByRole('button', { name: 'Add comment' }).click();
    await coach.getByRole('list', { name: 'Comments on turn 1' }).getByText(COMMENT).waitFor();
    await checkA11y(coach, 'coach attempt review', axe);
    await coach.getByRole('button', { name: 'Back to the queue' }).click();
    await coach.getByRole('link', { name: `${LEARNER}’s progress` }).click();
    await coach.getByRole('heading', { level: 1, name: `Progress: ${LEARNER}` }).waitFor();
    const progressRow = coach
      .getByRole('table', { name: 'Graded attempts, oldest first' })
      .getByRole('row', { name: new RegExp(SCENARIO) });
    await progressRow.waitFor();
    // Other packs may judge criteria of their own that nobody confirmed, so "partly" is fine too.
    expect(await progressRow.textContent()).toMatch(
      /\d+ of \d+ \(\d+ %\)(Confirmed by an assessor|Partly confirmed .*)$/,
    );
    expect(
      await coach.getByRole('img', { name: /Share of criteria met over 1 graded attempt/ }).count(),
    ).toBe(1);
    await checkA11y(coach, 'coach progress', axe);
    await coach.getByRole('link', { name: 'Back to coaching' }).click();
    await coach.getByRole('link', { name: 'Assign practice' }).click();
    await coach.getByRole('heading', { level: 1, name: 'Practice assignments' }).waitFor();
    await coach.getByText('Nothing is assigned yet.').waitFor();
    await checkA11y(coach, 'coach assignment form', axe);
    await coach.getByLabel('Scenario', { exact: true }).selectOption({ label: NEXT_SCENARIO });
    await coach.getByLabel('Assign to').selectOption({ label: LEARNER });
    await coach.getByLabel('Due date').fill('2026-12-20');
    await coach.getByRole('button', { name: 'Assign', exact: true }).click();
    await coach
      .getByRole('status')
      .getByText(`Assigned “${NEXT_SCENARIO}”, due 2026-12-20.`)
      .waitFor();
    const assigned = coach.getByRole('row', { name: new RegExp(NEXT_SCENARIO) });
    await assigned.waitFor();
    expect(await assigned.textContent()).toContain('2026-12-20');
    await checkA11y(coach, 'coach assignments (one assigned)', axe);
    await coach.context().close();

    // Learner again: the confirmed result with the override and its reason, the coach's comment.
    const back = await newPage(rig.browser);
    consoles.push(watchConsole(back));
    await signInAs(back, rig.server.url, 'learner@demo.rapport.test', 'Practice');
    await back
      .getByRole('article', { name: NEXT_SCENARIO })
      .getByText('Assigned by your coach — due 2026-12-20')
      .waitFor();
    await back.goto(attemptUrl);
    const confirmed = back.getByRole('article', { name: /Core webchat skills/ });
    await confirmed.getByText('Confirmed and signed off by an assessor').waitFor();
    const overridden = confirmed.getByRole('listitem').filter({
      has: back.getByRole('heading', { level: 4, name: new RegExp(`^${OVERRIDDEN}:`) }),
    });
    expect(await overridden.getByRole('heading', { level: 4 }).textContent()).toBe(
      `${OVERRIDDEN}: ${overriddenLabel}`,
    );
    await overridden.getByText('Confirmed (the assessor changed the AI verdict)').waitFor();
    await overridden.getByText(REASON).waitFor();
    expect(await confirmed.getByText('Confirmed', { exact: true }).count()).toBe(6);
    expect(await confirmed.getByText('Provisional (AI, not yet confirmed)').count()).toBe(0);
    await back.getByRole('region', { name: 'Comments on your chat' }).getByText(COMMENT).waitFor();
    await checkA11y(back, 'learner attempt feedback (confirmed)', axe);

    // The portfolio counts the confirmed interaction.
    await back.getByRole('link', { name: 'All scenarios' }).click();
    await back.getByRole('link', { name: 'Your evidence portfolio' }).click();
    await back.getByRole('heading', { level: 1, name: 'Evidence portfolio' }).waitFor();
    await back.getByText('Confirmed interactions: 1').waitFor();
    await checkA11y(back, 'learner portfolio', axe);
    await back.context().close();

    expect(axe).toEqual({
      'learner attempt (provisional)': [],
      'assessor queue': [],
      'assessor attempt review': [],
      'assessor attempt review (signed off)': [],
      'coach queue': [],
      'coach attempt review': [],
      'coach progress': [],
      'coach assignment form': [],
      'coach assignments (one assigned)': [],
      'learner attempt feedback (confirmed)': [],
      'learner portfolio': [],
    });
    expect(consoles.flat()).toEqual([]);
  }, 300_000);
});
