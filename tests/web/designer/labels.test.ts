import { describe, expect, it } from 'vitest';
import {
  distinct,
  evidencedByLabel,
  fieldLabel,
  interactionTypeLabel,
} from '../../../web/src/designer/labels.ts';

describe('designer labels', () => {
  it('turns camelCase and snake_case CRM field names into sentence-case labels', () => {
    expect(['accountNumber', 'fault_history', 'plan', 'lastBillAmount'].map(fieldLabel)).toEqual([
      'Account number',
      'Fault history',
      'Plan',
      'Last bill amount',
    ]);
  });

  it('names interaction types and evidence sources in words, passing unknown codes through', () => {
    expect(['bau', 'supervisor', 'new-type'].map(interactionTypeLabel)).toEqual([
      'Business as usual',
      'Supervisor exercise',
      'new-type',
    ]);
    expect(['caseNotes', 'other'].map(evidencedByLabel)).toEqual(['the case notes', 'other means']);
  });

  it('sorts and de-duplicates filter options', () => {
    expect(distinct(['telco', 'bank', 'telco', 'energy'])).toEqual(['bank', 'energy', 'telco']);
  });
});
