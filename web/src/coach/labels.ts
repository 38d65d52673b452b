/** Words for the coach's pages. */
import type { ProgressPoint } from './coach-api.ts';

/** Where an attempt's counts come from, in words. */
export function basisLabel(p: Pick<ProgressPoint, 'basis' | 'confirmed' | 'total'>): string {
  switch (p.basis) {
    case 'confirmed':
      return 'Confirmed by an assessor';
    case 'ai':
      return 'AI verdicts (not yet confirmed)';
    case 'mixed':
      return `Partly confirmed (${p.confirmed} of ${p.total}; the rest AI)`;
  }
}

/**
 * The core pack's criteria, for the queue's criterion filter (coaches coach against the core
 * criteria; the standards reuse them). Kept equal to rubrics/core-webchat.yaml by a test.
 */
export const CORE_CRITERIA: ReadonlyArray<{ id: string; title: string }> = [
  { id: 'greeting', title: 'Greeting and opening question' },
  { id: 'security_check', title: 'Security and privacy check' },
  { id: 'rapport', title: 'Rapport' },
  { id: 'empathy', title: 'Empathy' },
  { id: 'options', title: 'Explains options' },
  { id: 'follow_up_recorded', title: 'Follow-up recorded' },
  { id: 'close', title: 'Close' },
];
