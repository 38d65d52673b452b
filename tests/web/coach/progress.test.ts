import { describe, expect, it } from 'vitest';
import { basisLabel } from '../../../web/src/coach/labels.ts';
import { commentTarget } from '../../../web/src/coach/coach-review.ts';
import {
  CHART,
  chartPoints,
  linePath,
  percent,
  yOf,
} from '../../../web/src/coach/progress-chart.ts';
import {
  ASSIGNMENTS_PATH,
  coachAttemptPath,
  coachPageOf,
  progressPath,
} from '../../../web/src/coach/paths.ts';

describe('coach pages', () => {
  it('maps paths to pages, and unknown paths to the queue', () => {
    expect(coachPageOf('/coach')).toEqual({ kind: 'queue' });
    expect(coachPageOf(ASSIGNMENTS_PATH)).toEqual({ kind: 'assignments' });
    expect(coachPageOf(coachAttemptPath('att_1'))).toEqual({ kind: 'attempt', id: 'att_1' });
    expect(coachPageOf(progressPath('u-9'))).toEqual({ kind: 'progress', learnerId: 'u-9' });
    expect(coachPageOf('/coach/attempts/a%2Fb')).toEqual({ kind: 'queue' });
    expect(coachPageOf('/coach/learners//progress')).toEqual({ kind: 'queue' });
  });

  it('reads what a comment is about from the form value', () => {
    expect(commentTarget('turn:3')).toEqual({ turn: 3 });
    expect(commentTarget('criterion:core-webchat#empathy')).toEqual({
      rubricId: 'core-webchat',
      criterionId: 'empathy',
    });
    expect(commentTarget('')).toBeNull();
    expect(commentTarget('turn:x')).toBeNull();
    expect(commentTarget('criterion:core-webchat')).toBeNull();
  });

  it('says where the counts come from', () => {
    expect(basisLabel({ basis: 'confirmed', confirmed: 7, total: 7 })).toBe(
      'Confirmed by an assessor',
    );
    expect(basisLabel({ basis: 'ai', confirmed: 0, total: 7 })).toBe(
      'AI verdicts (not yet confirmed)',
    );
    expect(basisLabel({ basis: 'mixed', confirmed: 2, total: 7 })).toBe(
      'Partly confirmed (2 of 7; the rest AI)',
    );
  });
});

describe('the progress chart geometry', () => {
  const bottom = CHART.height - CHART.bottom;
  it('puts 0 % at the bottom of the plot and 100 % at the top, clamped', () => {
    expect(yOf(0)).toBe(bottom);
    expect(yOf(1)).toBe(CHART.top);
    expect(yOf(2)).toBe(CHART.top);
    expect(yOf(-1)).toBe(bottom);
  });

  it('spreads attempts evenly from the left to the right edge, oldest first', () => {
    const points = chartPoints([
      { met: 0, total: 4 },
      { met: 2, total: 4 },
      { met: 4, total: 4 },
    ]);
    expect(points).toEqual([
      { x: CHART.left, y: bottom, rate: 0, label: '1' },
      { x: (CHART.left + CHART.width - CHART.right) / 2, y: yOf(0.5), rate: 0.5, label: '2' },
      { x: CHART.width - CHART.right, y: CHART.top, rate: 1, label: '3' },
    ]);
    expect(linePath(points)).toBe(
      `M${CHART.left.toFixed(1)},${bottom.toFixed(1)} L${((CHART.left + CHART.width - CHART.right) / 2).toFixed(1)},${yOf(0.5).toFixed(1)} L${(CHART.width - CHART.right).toFixed(1)},${CHART.top.toFixed(1)}`,
    );
  });

  it('centres a single attempt, draws no line, and reads an empty count as 0 %', () => {
    const [only] = chartPoints([{ met: 0, total: 0 }]);
    expect(only).toEqual({
      x: CHART.left + (CHART.width - CHART.left - CHART.right) / 2,
      y: bottom,
      rate: 0,
      label: '1',
    });
    expect(linePath(only ? [only] : [])).toBe('');
    expect(percent(0.4286)).toBe('43 %');
    expect(percent(null)).toBe('—');
  });
});
