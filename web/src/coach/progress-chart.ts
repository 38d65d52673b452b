/**
 * Geometry of the progress chart: each graded attempt's share of criteria met, in time order,
 * as a point on a 0–100 % scale. Kept apart from the component so it is tested on its own.
 */

/** Chart size in SVG units (the SVG scales to its container). */
export const CHART = { width: 640, height: 240, left: 44, right: 16, top: 16, bottom: 36 };

/** A plotted attempt. */
export interface ChartPoint {
  x: number;
  y: number;
  /** Share met, 0–1. */
  rate: number;
  label: string;
}

/** Share of criteria met (0 when nothing was counted). */
export const metRate = (met: number, total: number) => (total === 0 ? 0 : met / total);

/** The y coordinate of a share (0–1). */
export function yOf(rate: number): number {
  const plotH = CHART.height - CHART.top - CHART.bottom;
  return CHART.top + plotH * (1 - Math.max(0, Math.min(1, rate)));
}

/**
 * Points for attempts in time order, spread evenly across the plot (by attempt, not by date,
 * so a burst of practice on one day stays readable). One attempt sits in the middle.
 */
export function chartPoints(attempts: ReadonlyArray<{ met: number; total: number }>): ChartPoint[] {
  const plotW = CHART.width - CHART.left - CHART.right;
  const step = attempts.length > 1 ? plotW / (attempts.length - 1) : 0;
  return attempts.map((a, i) => {
    const rate = metRate(a.met, a.total);
    return {
      x: CHART.left + (attempts.length > 1 ? i * step : plotW / 2),
      y: yOf(rate),
      rate,
      label: `${i + 1}`,
    };
  });
}

/** The SVG path through the points (empty for fewer than two). */
export function linePath(points: readonly ChartPoint[]): string {
  if (points.length < 2) return '';
  return points
    .map((p, i) => `${i === 0 ? 'M' : 'L'}${p.x.toFixed(1)},${p.y.toFixed(1)}`)
    .join(' ');
}

/** A share as a whole percentage, e.g. "43 %". */
export const percent = (rate: number | null) =>
  rate === null ? '—' : `${Math.round(rate * 100)} %`;
