import { describe, expect, it } from 'vitest';
import {
  loadJudgeTemplate,
  renderCriterionTask,
  renderJudgePrefix,
  renderTemplate,
} from '../../../../api/grading/llm/prompt.ts';
import { fixtureRubric } from '../../../helpers/grading-fixtures.ts';

describe('renderTemplate', () => {
  it('replaces placeholders in one pass, never expanding placeholders inside values', () => {
    expect(renderTemplate('A {{x}} B {{y}}', { x: '{{y}}', y: 'why' })).toBe('A {{y}} B why');
  });

  it('throws on a placeholder without a value', () => {
    expect(() => renderTemplate('{{missing}}', {})).toThrow(
      'template variable "missing" has no value',
    );
  });
});

describe('renderJudgePrefix', () => {
  it('fills every placeholder of the repo template with every criterion and its indicators', () => {
    const rubric = fixtureRubric();
    const prefix = renderJudgePrefix(loadJudgeTemplate(), rubric);
    expect(prefix).not.toMatch(/\{\{\w+\}\}/);
    expect(prefix).toContain(
      'Criterion id: empathy\nCriterion: Shows empathy\nStandard references: 2.2',
    );
    for (const c of rubric.criteria) expect(prefix).toContain(`Criterion id: ${c.id}\n`);
    expect(prefix).toContain("Met indicators:\n- Names the customer's specific worry");
    expect(prefix).toContain('No scenario card was provided');
  });
});

describe('renderCriterionTask', () => {
  it('names the one criterion to judge in a short last message', () => {
    const rubric = fixtureRubric();
    expect(renderCriterionTask(rubric.criteria[3]!)).toBe(
      'Judge ONLY this criterion of the pack above, against the transcript above:\nCriterion id: empathy\nCriterion: Shows empathy\nReply with only the JSON object described in the instructions.',
    );
  });
});
