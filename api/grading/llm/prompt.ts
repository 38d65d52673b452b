/**
 * Builds the judge prompt. Ordered for provider prompt caching: a system prefix that depends only
 * on the rubric pack and scenario (instructions, every criterion with its standard references and
 * indicators, scenario context) rendered from prompts/templates/grader-judge.md by one trusted
 * function; then the transcript as JSON inside delimiters; then a short message naming the one
 * criterion to judge. The calls of one grading share everything but that last message, and
 * gradings against the same pack share the system prefix.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RubricCriterion, RubricPack, Scenario } from '../../content/schemas.ts';
import type { Transcript } from '../../transcript/schema.ts';

/** Version of the judge prompt; bump when the template or its inputs change. */
export const JUDGE_PROMPT_VERSION = 'grader@1.1.0';

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

function criterionBlock(criterion: RubricCriterion): string {
  return [
    `Criterion id: ${criterion.id}`,
    `Criterion: ${criterion.title}`,
    `Standard references: ${criterion.standardRefs.join(', ') || '(none)'}`,
    `Evidenced by: ${criterion.evidencedBy}`,
    `Description: ${criterion.description}`,
    `Met indicators:\n${bullets(criterion.metIndicators)}`,
    `Not-yet indicators:\n${bullets(criterion.notYetIndicators)}`,
  ].join('\n');
}

/** The stable system prefix for a rubric pack and scenario (shared by every criterion call). */
export function renderJudgePrefix(
  template: string,
  rubric: RubricPack,
  scenario?: Scenario,
): string {
  return renderTemplate(template, {
    rubric_id: rubric.id,
    rubric_version: rubric.version,
    criteria: rubric.criteria
      .filter((c) => c.evidencedBy !== 'other')
      .map(criterionBlock)
      .join('\n\n'),
    scenario_context: scenarioContext(scenario),
  });
}

/** The last message: which criterion to judge now. */
export function renderCriterionTask(criterion: RubricCriterion): string {
  return [
    'Judge ONLY this criterion of the pack above, against the transcript above:',
    `Criterion id: ${criterion.id}`,
    `Criterion: ${criterion.title}`,
    'Reply with only the JSON object described in the instructions.',
  ].join('\n');
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
