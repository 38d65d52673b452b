import { describe, expect, it } from 'vitest';
import {
  loadJudgeTemplate,
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
  it('fills every placeholder of the repo template with the criterion and its indicators', () => {
    const rubric = fixtureRubric();
    const prefix = renderJudgePrefix(loadJudgeTemplate(), rubric, rubric.criteria[3]!);
    expect(prefix).not.toMatch(/\{\{\w+\}\}/);
    expect(prefix).toContain(
      'Criterion id: empathy\nCriterion: Shows empathy\nStandard references: 2.2',
    );
    expect(prefix).toContain("Met indicators:\n- Names the customer's specific worry");
    expect(prefix).toContain('No scenario card was provided');
  });
});
