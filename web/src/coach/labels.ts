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
