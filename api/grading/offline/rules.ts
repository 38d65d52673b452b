/**
 * Which offline rule judges which criterion. A criterion is matched by its id, or by the id it
 * reuses (`core-webchat#empathy`), so packs for other standards get the same judgement.
 */
import type { RubricCriterion } from '../../content/schemas.ts';
import { judgeClose } from './criteria/close.ts';
import { judgeEmpathy } from './criteria/empathy.ts';
import { judgeFollowUp } from './criteria/follow-up.ts';
import { judgeGreeting } from './criteria/greeting.ts';
import { judgeOptions } from './criteria/options.ts';
import { judgeRapport } from './criteria/rapport.ts';
import { judgeSecurityCheck } from './criteria/security.ts';
import type { CriterionRule } from './judgement.ts';

/** The criteria the offline grader has rules for (core-webchat ids). */
export const OFFLINE_RULES: Readonly<Record<string, CriterionRule>> = {
  rapport: judgeRapport,
  empathy: judgeEmpathy,
  options: judgeOptions,
  follow_up_recorded: judgeFollowUp,
  greeting: judgeGreeting,
  security_check: judgeSecurityCheck,
  close: judgeClose,
};

/**
 * The rule for a criterion, or null when the offline grader cannot judge it: criteria evidenced
 * by `other` (the product cannot collect that evidence) and ids without a rule are left out of
 * the result, so an assessor sees them as "not judged by the AI" rather than a made-up verdict.
 */
export function ruleFor(criterion: RubricCriterion): CriterionRule | null {
  if (criterion.evidencedBy === 'other') return null;
  const reused = criterion.reuses?.split('#')[1];
  return OFFLINE_RULES[criterion.id] ?? (reused ? (OFFLINE_RULES[reused] ?? null) : null);
}
