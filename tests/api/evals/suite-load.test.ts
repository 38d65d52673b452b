import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../../../api/content/repo-root.ts';
import { formatSuiteIssue, loadSuites, parseSuite } from '../../../api/evals/suite-load.ts';
import { suiteJsonSchema } from '../../../api/evals/suite-schema.ts';

const messages = (file: string, text: string) =>
  parseSuite(file, text).issues.map(formatSuiteIssue);

describe('eval suite files', () => {
  it('reports a YAML syntax error with the file and line', () => {
    expect(messages('evals/suites/x.yaml', 'id: x\ntitle: [oops\n')).toEqual([
      expect.stringMatching(/^evals\/suites\/x\.yaml:\d+: YAML error: /),
    ]);
  });

  it('reports an unknown kind at its line', () => {
    expect(messages('evals/suites/x.yaml', 'id: x\ntitle: t\nkind: vibes\n')).toEqual([
      "evals/suites/x.yaml:3 at kind: Invalid discriminator value. Expected 'persona-fidelity' | 'grader-golden' | 'grader-injection' | 'consistency' | 'learner-simulation'",
    ]);
  });

  it('reports every bad field with its path and line', () => {
    const text = [
      'id: x',
      'title: t',
      'kind: persona-fidelity',
      'cases:',
      '  - id: a',
      '    scenario: b',
      '    script: []',
      '    assertions:',
      '      - { name: end_reason, expect: finished }',
      '      - { name: shouts }',
    ].join('\n');
    expect(messages('evals/suites/x.yaml', text)).toEqual([
      'evals/suites/x.yaml:7 at cases.0.script: Too small: expected array to have >=1 items',
      'evals/suites/x.yaml:9 at cases.0.assertions.0.expect: Invalid option: expected one of "resolved"|"customer_left"|"escalated"|"learner_closed"|"timed_out"|"open"',
      "evals/suites/x.yaml:10 at cases.0.assertions.1.name: Invalid discriminator value. Expected 'stays_in_voice' | 'no_agent_lines' | 'no_card_leak' | 'facts_revealed' | 'mood' | 'security_answered' | 'end_reason'",
    ]);
  });

  it('requires the id to match the file name', () => {
    const text = 'id: other\ntitle: t\nkind: grader-injection\nset: evals/injection\n';
    expect(messages('evals/suites/x.yaml', text)).toEqual([
      'evals/suites/x.yaml:1 at id: id "other" must match the file name "x"',
    ]);
  });

  it('fills defaults for a minimal grader-golden suite', () => {
    const text = 'id: x\ntitle: t\nkind: grader-golden\nset: evals/golden\n';
    expect(parseSuite('x.yaml', text).suite).toEqual({
      id: 'x',
      title: 't',
      kind: 'grader-golden',
      set: 'evals/golden',
      rubric: 'core-webchat',
      criteria: ['rapport', 'empathy', 'options', 'follow_up_recorded'],
      kappa: { min: 0.6, perCriterion: {} },
    });
  });

  it('loads every suite in evals/suites', async () => {
    const suites = await loadSuites(join(repoRoot, 'evals/suites'), [], repoRoot);
    expect(suites.map((s) => s.kind).sort()).toEqual([
      'consistency',
      'grader-golden',
      'grader-injection',
      'learner-simulation',
      'persona-fidelity',
    ]);
  });

  it('keeps suite.schema.json in step with the zod schema (npm run evals -- --write-schema)', async () => {
    const committed = await readFile(join(repoRoot, 'evals/suites/suite.schema.json'), 'utf8');
    expect(JSON.parse(committed)).toEqual(suiteJsonSchema());
  });
});
