/**
 * Renders grading results for the `grade` command: JSON, JSON Lines, or a readable text report.
 */
import type { GradingResult } from '../transcript/schema.ts';

/** Output formats of `npm run grade`. */
export type GradeFormat = 'json' | 'jsonl' | 'text';

/** A result with the file it came from. */
export interface FileResult {
  file: string;
  result: GradingResult;
}

function textReport({ file, result }: FileResult): string {
  const lines = [
    `${file} — ${result.rubric.id} ${result.rubric.version} (${result.grader.mode}${
      result.grader.model ? ` ${result.grader.model}` : ''
    }, ${result.grader.promptVersion}) — ${result.status}${result.reason ? `: ${result.reason}` : ''}`,
    `  flags: ${result.flags.length ? result.flags.join(', ') : 'none'}`,
  ];
  for (const c of result.criteria) {
    const verdict =
      c.verdict === 'met' ? 'MET    ' : c.verdict === 'not_yet' ? 'NOT YET' : 'FAILED ';
    lines.push(
      `  ${verdict} ${c.id} (confidence ${c.confidence.toFixed(2)})${c.flags.length ? ` [${c.flags.join(', ')}]` : ''}`,
    );
    if (c.error) lines.push(`      error: ${c.error}`);
    if (c.feedback) lines.push(`      ${c.feedback}`);
    for (const e of c.evidence) {
      lines.push(
        `      ${e.turn === 'caseNotes' ? 'case notes' : `turn ${e.turn}`}: ${JSON.stringify(e.quote)}`,
      );
    }
  }
  const u = result.usage;
  if (result.grader.mode === 'llm') {
    lines.push(
      `  tokens: ${u.inputTokens} in (${u.cachedInputTokens} cached), ${u.outputTokens} out`,
    );
  }
  return lines.join('\n');
}

/** The whole stdout for a run: one JSON object for one file, an array for several. */
export function formatResults(results: FileResult[], format: GradeFormat): string {
  if (format === 'jsonl') return results.map((r) => JSON.stringify(r.result)).join('\n') + '\n';
  if (format === 'text') return results.map(textReport).join('\n\n') + '\n';
  const value = results.length === 1 ? results[0]!.result : results.map((r) => r.result);
  return JSON.stringify(value, null, 2) + '\n';
}
