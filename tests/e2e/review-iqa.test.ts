import { describe, expect, it } from 'vitest';
import { axeViolations, newPage, signInAs, watchConsole } from './browser.ts';
import { E2E_PASSWORD } from './server.ts';
import { useServerAndBrowser } from './rig.ts';

/** Learner lines that earn several core criteria in the offline grader. */
const GOOD_LINES = [
  "Hi Aroha, thanks for messaging. I'm sorry the move has been stressful — let's get your power sorted today.",
  'Could you confirm your date of birth and the postcode of the new address for security?',
  'You could book the standard connection on Saturday or a same-day one. Which would you prefer?',
];

/** A signed-in API session against the running server (for setting up data quickly). */
async function session(url: string, email: string) {
  const res = await fetch(`${url}/api/auth/sign-in/email`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: url },
    body: JSON.stringify({ email, password: E2E_PASSWORD }),
  });
  if (res.status !== 200) throw new Error(`sign-in failed for ${email}: ${res.status}`);
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  return async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const r = await fetch(`${url}${path}`, {
      method,
      headers: { cookie, origin: url, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await r.text();
    if (!r.ok) throw new Error(`${method} ${path}: ${r.status} ${text}`);
    return (text.startsWith('{') ? JSON.parse(text) : text) as T;
  };
}

interface ReviewView {
  gradings: Array<{
    id: string;
    rubric: { id: string };
    status: string;
    criteria: Array<{ id: string; ai: { verdict: string | null } | null; version: number }>;
  }>;
}

/** A learner's submitted attempt, graded, confirmed and signed off against core-webchat. */
async function signedOffAttempt(url: string) {
  const learner = await session(url, 'learner@demo.rapport.test');
  const assessor = await session(url, 'assessor@demo.rapport.test');
  const { id } = await learner<{ id: string }>('POST', '/api/attempts', {
    scenarioId: 'energy-move-in',
    clientRequestId: 'e2e-iqa-start',
  });
  for (const [i, text] of GOOD_LINES.entries()) {
    const { reply } = await learner<{ reply: { id: string } }>(
      'POST',
      `/api/attempts/${id}/messages`,
      { clientMessageId: `e2e-iqa-${i}`, text },
    );
    await learner('GET', `/api/attempts/${id}/replies/${reply.id}/stream`);
  }
  await learner('POST', `/api/attempts/${id}/end`);
  await learner('PUT', `/api/attempts/${id}/case-notes`, {
    needed: 'Power on at new address',
    done: 'Booked the move-in read',
    agreed: 'Connection on Saturday',
    followUp: 'Check the connection went ahead',
    followUpOwner: 'Sam',
    followUpDue: '2026-11-30',
  });
  await learner('POST', `/api/attempts/${id}/submit`);
  // The server grades in the background; wait until the core grading is done.
  let core: ReviewView['gradings'][number] | undefined;
  for (let i = 0; i < 100 && core?.status !== 'graded'; i += 1) {
    if (i > 0) await new Promise((r) => setTimeout(r, 200));
    const view = await assessor<ReviewView>('GET', `/api/review/attempts/${id}`);
    core = view.gradings.find((g) => g.rubric.id === 'core-webchat');
  }
  if (!core || core.status !== 'graded') throw new Error('grading did not finish');
  for (const c of core.criteria) {
    if (!c.ai) continue;
    await assessor('POST', `/api/review/attempts/${id}/decisions`, {
      gradingId: core.id,
      criterionId: c.id,
      expectedVersion: c.version,
      ...(c.ai.verdict === null
        ? { action: 'override', verdict: 'not_yet', reason: 'No verdict from the grader' }
        : { action: 'confirm' }),
    });
  }
  await assessor('POST', `/api/review/attempts/${id}/sign-offs`, { rubricId: 'core-webchat' });
  return id;
}

describe('assessor agreement, exports and IQA second marking in a real browser', () => {
  const rig = useServerAndBrowser(async ({ server }) => {
    const admin = await session(server.url, 'admin@demo.rapport.test');
    await admin('PUT', '/api/admin/settings/iqa', { iqaSamplePercent: 100 });
    await signedOffAttempt(server.url);
  });

  it('lets the second assessor mark a sample blind and complete it', async () => {
    const page = await newPage(rig.browser);
    const problems = watchConsole(page);
    await signInAs(page, rig.server.url, 'assessor2@demo.rapport.test', 'Assessment');
    await page
      .getByRole('navigation', { name: 'Assessment' })
      .getByRole('link', { name: 'Second marking' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Second marking' }).waitFor();
    await page.getByRole('table', { name: 'Samples to second-mark' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);

    await page.getByRole('button', { name: /Mark/ }).click();
    await page.getByRole('heading', { level: 1, name: /^Second marking: / }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    const forms = page.locator('form.criterion');
    const count = await forms.count();
    expect(count).toBeGreaterThan(0);
    for (let i = 0; i < count; i += 1) {
      const form = forms.nth(i);
      await form.getByRole('radio', { name: 'Met' }).check();
      await form.getByRole('button', { name: 'Save verdict' }).click();
      await form.getByText('Your verdict: Met').waitFor();
    }
    await page.getByRole('button', { name: 'Complete second marking' }).click();
    await page.getByText('This sample is complete; your verdicts are final.').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('then shows agreement figures (with IQA), disagreements and exports to the assessor', async () => {
    const page = await newPage(rig.browser);
    const problems = watchConsole(page);
    await signInAs(page, rig.server.url, 'assessor@demo.rapport.test', 'Assessment');
    const sub = page.getByRole('navigation', { name: 'Assessment' });

    await sub.getByRole('link', { name: 'Agreement', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Agreement' }).waitFor();
    // One table for AI vs assessor, one for first vs second assessor (the sample just completed).
    const tables = page.getByRole('table', { name: 'Core webchat skills, version 1.0.0' });
    await tables.nth(1).waitFor();
    expect(await tables.count()).toBe(2);
    expect(await axeViolations(page)).toEqual([]);
    // A period with no decisions passes through to the API and empties the tables.
    await page.getByLabel('To').fill('2000-01-31');
    await page.getByRole('button', { name: 'Show figures' }).click();
    await page.getByText('No confirmed decisions in this period.').waitFor();
    await page.getByText('No completed second marking in this period.').waitFor();

    await sub.getByRole('link', { name: 'Disagreements' }).click();
    await page.getByRole('heading', { level: 1, name: 'IQA disagreements' }).waitFor();
    await page
      .getByText(/No disagreements|Criteria where first and second marking differ/)
      .first()
      .waitFor();
    expect(await axeViolations(page)).toEqual([]);

    await sub.getByRole('link', { name: 'Exports' }).click();
    await page.getByRole('heading', { level: 1, name: 'Exports' }).waitFor();
    const csv = page.getByRole('link', { name: /Download CSV/ });
    expect(await csv.getAttribute('href')).toMatch(
      /^\/api\/review\/exports\?scope=learner&id=[^&]+&format=csv$/,
    );
    await page.getByLabel('A standard').check();
    expect(await csv.getAttribute('href')).toMatch(/scope=standard&id=[a-z0-9-]+&format=csv$/);
    expect(await axeViolations(page)).toEqual([]);

    // The printable record of the learner against the core pack.
    await page.getByLabel('Learner', { exact: true }).selectOption({ label: 'Lee Learner' });
    await page
      .getByLabel('Standard', { exact: true })
      .selectOption({ label: 'Core webchat skills' });
    await page.getByRole('button', { name: 'Open the record' }).click();
    await page.getByRole('heading', { level: 1, name: 'Evidence record: Lee Learner' }).waitFor();
    await page.getByRole('button', { name: 'Print' }).waitFor();
    await page.getByText('Signed off', { exact: false }).first().waitFor();
    expect(await axeViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
    await page.context().close();
  });
});
