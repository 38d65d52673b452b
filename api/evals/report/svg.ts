/** Inline SVG bar charts for the HTML report (no scripts, no external assets). */
import { escapeMarkup as x } from './escape.ts';

/** One bar: a value from 0 to 1, an optional threshold mark, pass/fail colour. */
export interface Bar {
  label: string;
  value: number;
  threshold?: number;
  passed: boolean | null;
}

const ROW = 22;
const LABEL_WIDTH = 220;
const BAR_WIDTH = 300;

/** A horizontal bar chart of shares (values clamped to 0–1). */
export function barChart(title: string, bars: readonly Bar[]): string {
  const height = bars.length * ROW + 8;
  const rows = bars.map((b, i) => {
    const y = i * ROW + 4;
    const w = Math.max(0, Math.min(1, b.value)) * BAR_WIDTH;
    const colour = b.passed === false ? '#c0392b' : b.passed === true ? '#2e7d32' : '#607d8b';
    const mark =
      b.threshold === undefined
        ? ''
        : `<line x1="${LABEL_WIDTH + b.threshold * BAR_WIDTH}" x2="${LABEL_WIDTH + b.threshold * BAR_WIDTH}" y1="${y - 2}" y2="${y + 18}" stroke="#000" stroke-dasharray="3 2"/>`;
    return [
      `<text x="${LABEL_WIDTH - 6}" y="${y + 13}" text-anchor="end">${x(b.label)}</text>`,
      `<rect x="${LABEL_WIDTH}" y="${y}" width="${w.toFixed(1)}" height="16" fill="${colour}"/>`,
      `<text x="${LABEL_WIDTH + w + 4}" y="${y + 13}">${x(b.value.toFixed(3))}</text>`,
      mark,
    ].join('');
  });
  return `<svg role="img" aria-label="${x(title)}" width="${LABEL_WIDTH + BAR_WIDTH + 60}" height="${height}" font-size="12" font-family="sans-serif">${rows.join('')}</svg>`;
}
