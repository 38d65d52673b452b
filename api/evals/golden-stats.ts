/**
 * Summaries of a labelled set: how many cases each criterion is met in, and how often each tag
 * appears. The golden-set test uses them to keep the set balanced; eval reports print them.
 */
import { CORE_CRITERIA, type CoreCriterion, type LabelledTranscript } from './golden.ts';

/** Met / not-yet counts for one criterion. */
export interface VerdictCount {
  met: number;
  not_yet: number;
}

/** Counts verdicts per core criterion across the set. */
export function countVerdicts(
  cases: readonly LabelledTranscript[],
): Record<CoreCriterion, VerdictCount> {
  const counts = Object.fromEntries(
    CORE_CRITERIA.map((c) => [c, { met: 0, not_yet: 0 }]),
  ) as Record<CoreCriterion, VerdictCount>;
  for (const item of cases) {
    for (const criterion of CORE_CRITERIA) counts[criterion][item.labels[criterion].verdict] += 1;
  }
  return counts;
}

/** How many cases carry each tag, sorted by tag name. */
export function countTags(cases: readonly LabelledTranscript[]): Record<string, number> {
  const counts = new Map<string, number>();
  for (const item of cases)
    for (const tag of new Set(item.tags)) counts.set(tag, (counts.get(tag) ?? 0) + 1);
  return Object.fromEntries([...counts.entries()].sort(([a], [b]) => a.localeCompare(b)));
}
