/**
 * Cohen's κ per criterion over the last runs of the grader suites, as grouped bars (one group
 * per criterion, one bar per run, oldest first) with the κ floor drawn as a line. The SVG is one
 * image with a text alternative; the same numbers are in a table for screen readers and for
 * anyone who prefers reading them.
 */
import type { RunView } from './evals-api.ts';
import { formatTime, formatValue } from './eval-format.ts';

const RUNS_SHOWN = 5;
const WIDTH = 640;
const HEIGHT = 220;
const PAD = { left: 36, right: 8, top: 12, bottom: 40 };
/** Blues from light (oldest) to dark (newest): distinguishable without relying on hue alone. */
const SHADES = ['#9ec5ea', '#6fa8dc', '#3d85c6', '#0b5fad', '#073f73'];

interface Series {
  run: RunView;
  kappa: Map<string, number | null>;
}

/** The runs that measured κ, newest `RUNS_SHOWN`, oldest first. */
function seriesOf(runs: RunView[]): Series[] {
  return runs
    .filter((r) => r.figures.some((f) => f.name.startsWith('kappa.')))
    .slice(0, RUNS_SHOWN)
    .reverse()
    .map((run) => ({
      run,
      kappa: new Map(
        run.figures
          .filter((f) => f.name.startsWith('kappa.'))
          .map((f) => [f.name.slice('kappa.'.length), f.value]),
      ),
    }));
}

export function KappaChart({ runs }: { runs: RunView[] }) {
  const series = seriesOf(runs);
  if (series.length === 0) {
    return <p className="hint">No grader runs yet: run a grader suite to see κ per criterion.</p>;
  }
  const criteria = [...new Set(series.flatMap((s) => [...s.kappa.keys()]))];
  const floor = series.at(-1)?.run.figures.find((f) => f.name.startsWith('kappa.') && f.threshold)
    ?.threshold?.value;
  const plotW = WIDTH - PAD.left - PAD.right;
  const plotH = HEIGHT - PAD.top - PAD.bottom;
  const groupW = plotW / criteria.length;
  const barW = Math.min(24, (groupW * 0.8) / series.length);
  const y = (v: number) => PAD.top + plotH * (1 - Math.max(0, Math.min(1, v)));
  const label = `Bar chart of Cohen's kappa per criterion (${criteria.join(', ')}) over the last ${series.length} grader run(s), oldest to newest${floor === undefined ? '' : `, with the floor of ${floor}`}. The table below lists the values.`;
  return (
    <figure className="chart">
      <svg
        role="img"
        aria-label={label}
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        width="100%"
        preserveAspectRatio="xMinYMin meet"
      >
        {[0, 0.5, 1].map((v) => (
          <g key={v}>
            <line x1={PAD.left} x2={WIDTH - PAD.right} y1={y(v)} y2={y(v)} className="grid" />
            <text x={PAD.left - 6} y={y(v) + 4} textAnchor="end" className="axis">
              {v}
            </text>
          </g>
        ))}
        {criteria.map((criterion, ci) => {
          const x0 = PAD.left + ci * groupW + (groupW - barW * series.length) / 2;
          return (
            <g key={criterion}>
              {series.map((s, si) => {
                const v = s.kappa.get(criterion) ?? null;
                const top = y(v ?? 0);
                return (
                  <rect
                    key={s.run.runId}
                    x={x0 + si * barW}
                    y={top}
                    width={barW - 2}
                    height={PAD.top + plotH - top}
                    fill={SHADES[si + SHADES.length - series.length] ?? SHADES[3]}
                  />
                );
              })}
              <text x={PAD.left + ci * groupW + groupW / 2} y={HEIGHT - 22} textAnchor="middle">
                {criterion.replace(/_/g, ' ')}
              </text>
            </g>
          );
        })}
        {floor !== undefined && (
          <line
            x1={PAD.left}
            x2={WIDTH - PAD.right}
            y1={y(floor)}
            y2={y(floor)}
            className="floor"
          />
        )}
      </svg>
      <figcaption>
        κ per criterion, one bar per run from oldest (lightest) to newest (darkest)
        {floor === undefined ? '' : `; the dashed line is the floor of ${floor}`}.
      </figcaption>
      <table>
        <caption>κ per criterion over the last grader runs</caption>
        <thead>
          <tr>
            <th scope="col">Run</th>
            {criteria.map((c) => (
              <th scope="col" key={c}>
                {c.replace(/_/g, ' ')}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {series.map((s) => (
            <tr key={s.run.runId}>
              <th scope="row">
                {s.run.suite}, {formatTime(s.run.startedAt)}
              </th>
              {criteria.map((c) => (
                <td key={c}>{formatValue(s.kappa.get(c) ?? null)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
