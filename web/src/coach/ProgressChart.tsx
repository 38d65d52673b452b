/**
 * A line chart of the share of criteria met per graded attempt, oldest to newest. The SVG is one
 * image with a title; the table beside it on the page carries the same numbers accessibly.
 */
import { useId } from 'react';
import type { ProgressPoint } from './coach-api.ts';
import { CHART, chartPoints, linePath, percent, yOf } from './progress-chart.ts';

export function ProgressChart({ attempts }: { attempts: ProgressPoint[] }) {
  const titleId = useId();
  const points = chartPoints(attempts);
  const first = points[0];
  const last = points.at(-1);
  const summary =
    first && last
      ? `Share of criteria met over ${points.length} graded attempt${points.length === 1 ? '' : 's'}, oldest to newest: from ${percent(first.rate)} to ${percent(last.rate)}. The table lists each attempt.`
      : 'No graded attempts yet.';
  return (
    <figure className="chart progress-chart">
      <svg
        role="img"
        aria-labelledby={titleId}
        viewBox={`0 0 ${CHART.width} ${CHART.height}`}
        width="100%"
        preserveAspectRatio="xMinYMin meet"
      >
        <title id={titleId}>{summary}</title>
        {[0, 0.5, 1].map((v) => (
          <g key={v}>
            <line
              x1={CHART.left}
              x2={CHART.width - CHART.right}
              y1={yOf(v)}
              y2={yOf(v)}
              className="grid"
            />
            <text x={CHART.left - 6} y={yOf(v) + 4} textAnchor="end" className="axis">
              {percent(v)}
            </text>
          </g>
        ))}
        <path d={linePath(points)} className="progress-line" />
        {points.map((p) => (
          <g key={p.label}>
            <circle cx={p.x} cy={p.y} r={5} className="progress-point" />
            <text x={p.x} y={CHART.height - 14} textAnchor="middle" className="axis">
              {p.label}
            </text>
          </g>
        ))}
      </svg>
      <figcaption>
        Share of criteria met per graded attempt, numbered as in the table (1 is the oldest).
      </figcaption>
    </figure>
  );
}
