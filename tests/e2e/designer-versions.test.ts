import { describe, expect, it } from 'vitest';
import { axeViolations, newPage, signInAs, watchConsole } from './browser.ts';
import { useServerAndBrowser } from './rig.ts';

const SUITE_TITLE = 'Personas play their cards faithfully';

describe('designer edits of a persona, and eval reports, in a real browser', () => {
  const rig = useServerAndBrowser();

  it('edits a persona as YAML, sees a field error, saves a version, downloads it and plays it', async () => {
    const page = await newPage(rig.browser);
    const problems = watchConsole(page);
    await signInAs(page, rig.server.url, 'designer@demo.rapport.test', 'Content');

    await page.getByRole('tab', { name: /^Personas/ }).click();
    await page.getByRole('button', { name: 'Gary Whitfield', exact: true }).click();
    await page.getByRole('link', { name: 'Edit as YAML (saved as a new version)' }).click();
    await page.getByRole('heading', { level: 2, name: 'Edit persona: Gary Whitfield' }).waitFor();
    const yaml = page.getByRole('textbox', { name: /^YAML/ });
    await page.getByText('(editing from version 1.0.0)').waitFor();
    const original = await yaml.inputValue();
    expect(original).toMatch(/^id: gary-whitfield\nversion: 1\.0\.0\n/);
    expect(await page.getByRole('row', { name: /^1\.0\.0 Shipped file/ }).count()).toBe(1);
    expect(await axeViolations(page)).toEqual([]);

    // An invalid value: the field error is listed with its path, and nothing is saved.
    await yaml.fill(original.replace('typos: some', 'typos: lots'));
    await page.getByRole('button', { name: 'Validate' }).click();
    const issues = page.getByRole('alert').filter({ hasText: 'Not saved: fix these problems' });
    await issues.waitFor();
    expect(await issues.getByRole('listitem').allTextContents()).toEqual([
      expect.stringMatching(/^voice\.typos: .*"none"/),
    ]);
    expect(await axeViolations(page)).toEqual([]);

    // Fixed (and a real change): valid, then saved as 1.0.1 whatever the YAML says.
    const edited = original
      .replace('start: 2', 'start: 4')
      .replace('version: 1.0.0', 'version: 7.7.7');
    await yaml.fill(edited);
    await page.getByRole('button', { name: 'Validate' }).click();
    await page.getByText('Valid. Saving will create version 1.0.1.').waitFor();
    await page.getByLabel('Note (optional)').fill('calmer start');
    await page.getByRole('button', { name: 'Save as new version' }).click();
    await page.getByText('Saved version 1.0.1.').waitFor();
    const row = page.getByRole('row', { name: /^1\.0\.1 Saved by/ });
    await row.waitFor();
    expect(await row.getByRole('cell').nth(1).textContent()).toBe('calmer start');
    await page.getByText('(editing from version 1.0.1)').waitFor();
    expect(await yaml.inputValue()).toContain('version: 1.0.1\n');
    expect(await axeViolations(page)).toEqual([]);

    // The download: a YAML attachment with the saved text.
    const link = row.getByRole('link', { name: 'Download 1.0.1 as YAML' });
    const href = await link.getAttribute('href');
    const res = await page.request.get(`${rig.server.url}${href ?? ''}`);
    expect(res.status()).toBe(200);
    expect(res.headers()['content-type']).toBe('text/yaml; charset=utf-8');
    expect(res.headers()['content-disposition']).toBe(
      'attachment; filename="gary-whitfield-1.0.1.yaml"',
    );
    expect(await res.text()).toBe(edited.replace('version: 7.7.7', 'version: 1.0.1'));
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    expect(download.suggestedFilename()).toBe('gary-whitfield-1.0.1.yaml');

    // The playground on the stored version: the customer starts at the saved mood.
    await row.getByRole('link', { name: 'Play 1.0.1 in playground' }).click();
    await page.getByRole('heading', { level: 2, name: 'Playground' }).waitFor();
    await page.getByText('Playing stored versions: scenario 1.0.1, persona 1.0.1.').waitFor();
    const chat = page.getByRole('list', { name: 'Chat' });
    await chat.getByText('mood 4/10', { exact: false }).first().waitFor();
    await page
      .getByLabel('Your message as the agent')
      .fill("Hi Gary, I can see the bill is $912 when you normally pay $320 - that's a huge jump.");
    await page.getByRole('button', { name: 'Send' }).click();
    await chat.getByRole('listitem').nth(2).waitFor();
    expect(await chat.getByRole('listitem').count()).toBe(3);
    expect(await axeViolations(page)).toEqual([]);

    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('starts an offline eval run on the saved version from the web, sees it finish and downloads its reports', async () => {
    const page = await newPage(rig.browser);
    const problems = watchConsole(page);
    await signInAs(page, rig.server.url, 'designer@demo.rapport.test', 'Content');
    // The editor by its address, then the saved version's eval link.
    await page.goto(`${rig.server.url}/designer/edit/personas/gary-whitfield`);
    await page.getByRole('heading', { level: 2, name: 'Edit persona: Gary Whitfield' }).waitFor();
    await page.getByRole('link', { name: 'Run evals on 1.0.1' }).click();
    await page
      .getByText(
        'Runs use the stored version 1.0.1 of persona gary-whitfield instead of the shipped file.',
      )
      .waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('checkbox', { name: SUITE_TITLE }).check();
    await page.getByRole('button', { name: 'Start run' }).click();
    const row = page.getByRole('row').filter({ hasText: SUITE_TITLE });
    // Gary now starts calmer, so a mood case of the suite breaks: what evals are for.
    await row.getByText('Failed', { exact: true }).waitFor({ timeout: 30_000 });
    expect(await row.getByText(/^\d+\/\d+ cases passed$/).textContent()).toBe('14/15 cases passed');
    await row.getByRole('button', { name: SUITE_TITLE }).click();
    await page.getByText('Versions this run pinned').click();
    expect(await page.locator('pre.versions').textContent()).toContain('"gary-whitfield": "1.0.1"');
    const reports = page.getByRole('navigation', { name: 'Reports' });
    await reports.waitFor();
    expect(await reports.getByRole('link').allTextContents()).toEqual([
      'HTML report',
      'JSON report',
      'JUnit XML report',
    ]);
    expect(await axeViolations(page)).toEqual([]);

    const html = await page.request.get(
      `${rig.server.url}${(await reports.getByRole('link', { name: 'HTML report' }).getAttribute('href')) ?? ''}`,
    );
    expect(html.status()).toBe(200);
    expect(html.headers()['content-disposition']).toMatch(/^attachment; filename="ev_.+\.html"$/);
    expect(html.headers()['content-security-policy']).toContain("script-src 'self'");
    expect(await html.text()).toContain('Rapport eval report');
    const json = await page.request.get(
      `${rig.server.url}${(await reports.getByRole('link', { name: 'JSON report' }).getAttribute('href')) ?? ''}`,
    );
    const body = (await json.json()) as { suites: { suite: string; status: string }[] };
    expect(body.suites.map((s) => [s.suite, s.status])).toEqual([['persona-fidelity', 'failed']]);

    expect(problems).toEqual([]);
    await page.context().close();
  });
});
