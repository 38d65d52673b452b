import { describe, expect, it } from 'vitest';
import { parseBudgetField } from '../../../web/src/admin/budget-field.ts';

describe('parseBudgetField', () => {
  it('reads empty as no cap and digits with separators as a budget', () => {
    expect(
      ['', '  ', '2000000', '2,000,000', '2 000 000', '2_000_000'].map(parseBudgetField),
    ).toEqual([
      { budget: null },
      { budget: null },
      { budget: 2_000_000 },
      { budget: 2_000_000 },
      { budget: 2_000_000 },
      { budget: 2_000_000 },
    ]);
  });

  it('refuses zero, negatives, decimals, words and unsafe integers', () => {
    expect(['0', '-5', '1.5', 'lots', '1e6', '99999999999999999999'].map(parseBudgetField)).toEqual(
      [null, null, null, null, null, null],
    );
  });
});
