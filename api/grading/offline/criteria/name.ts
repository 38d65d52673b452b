/**
 * Whether an agent sentence addresses the customer by name (a title and surname, or a name the
 * analysis found for this customer).
 */
import type { Analysis, Sentence } from '../analysis.ts';

/** A title before a capitalised name, on the original text ("miss your flight" is not a name). */
const TITLE_NAME = /\b(?:Mr|Mrs|Ms|Miss|Mx|Dr)\.? [A-Z][a-z'-]+/;

/** True when the sentence uses the customer's name. */
export function usesName(analysis: Analysis, sentence: Sentence): boolean {
  if (TITLE_NAME.test(sentence.text)) return true;
  return analysis.customerNames.some((name) =>
    new RegExp(`\\b${name.replace(/[^a-z'-]/g, '')}\\b`).test(sentence.folded),
  );
}
