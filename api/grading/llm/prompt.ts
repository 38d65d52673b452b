/**
 * Builds the judge prompt for one criterion: a stable prefix (instructions, criterion, standard
 * references, indicators, scenario context) rendered from prompts/templates/grader-judge.md by
 * one trusted function, followed by the transcript as JSON inside delimiters. The prefix never
 * contains transcript text, so provider prompt caching can serve it across transcripts.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RubricCriterion, RubricPack, Scenario } from '../../content/schemas.ts';
import type { Transcript } from '../../transcript/schema.ts';

/** Version of the judge prompt; bump when the template or its inputs change. */
export const JUDGE_PROMPT_VERSION = 'grader@1.0.0';

const TEMPLATE_FILE = join(
  dirname(fileURLToPath(import.meta.url)),
  '..',
  '..',
  '..',
  'prompts',
  'templates',
  'grader-judge.md',
);

/** Reads the judge template from the repo (called when a grader is created, not at import). */
export function loadJudgeTemplate(file = TEMPLATE_FILE): string {
  return readFileSync(file, 'utf8');
}

/**
 * The one trusted renderer: replaces `{{name}}` with values in a single pass, so a value that
 * itself contains `{{…}}` is never expanded. Only trusted repo content is passed as values.
 */
export function renderTemplate(template: string, values: Readonly<Record<string, string>>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (_match, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`template variable "${name}" has no value`);
    return value;
  });
}

function bullets(items: string[]): string {
  return items.length ? items.map((i) => `- ${i}`).join('\n') : '- (none listed)';
}

function scenarioContext(scenario?: Scenario): string {
  if (!scenario) return 'No scenario card was provided; judge from the transcript alone.';
  return [
    `${scenario.title} (${scenario.industry}, ${scenario.interactionType})`,
    `Learner brief: ${scenario.brief}`,
    `Goal: ${scenario.goal}`,
    `Acceptable resolutions:\n${bullets(scenario.acceptableResolutions)}`,
  ].join('\n');
}

/** The stable prefix for one criterion (system message). */
export function renderJudgePrefix(
  template: string,
  rubric: RubricPack,
  criterion: RubricCriterion,
  scenario?: Scenario,
): string {
  return renderTemplate(template, {
    rubric_id: rubric.id,
    rubric_version: rubric.version,
    criterion_id: criterion.id,
    criterion_title: criterion.title,
    standard_refs: criterion.standardRefs.join(', ') || '(none)',
    evidenced_by: criterion.evidencedBy,
    criterion_description: criterion.description,
    met_indicators: bullets(criterion.metIndicators),
    not_yet_indicators: bullets(criterion.notYetIndicators),
    scenario_context: scenarioContext(scenario),
  });
}

/**
 * The transcript as delimited data (user message). `<` is JSON-escaped so no text inside can
 * close the delimiter early.
 */
export function renderTranscriptData(transcript: Transcript): string {
  const data = {
    turns: transcript.turns.map((t, turn) => ({ turn, speaker: t.speaker, text: t.text })),
    caseNotes: transcript.caseNotes,
    systemEvents: transcript.systemEvents ?? [],
  };
  const json = JSON.stringify(data, null, 1).replace(/</g, '\\u003c').replace(/>/g, '\\u003e');
  return `<transcript_data>\n${json}\n</transcript_data>`;
}
