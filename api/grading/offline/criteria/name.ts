/**
 * Whether an agent sentence addresses the customer by name (a title and surname, or a name the
 * analysis found for this customer).
 */
import type { Analysis, Sentence } from '../analysis.ts';

const TITLE_NAME = /\b(?:mr|mrs|ms|miss|mx|dr)\.? [a-z'-]{2,}/;

/** True when the sentence uses the customer's name. */
export function usesName(analysis: Analysis, sentence: Sentence): boolean {
  if (TITLE_NAME.test(sentence.folded)) return true;
  return analysis.customerNames.some((name) =>
    new RegExp(`\\b${name.replace(/[^a-z'-]/g, '')}\\b`).test(sentence.folded),
  );
}
