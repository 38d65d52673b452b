/**
 * `npm run roleplay -- --scenario ID [--offline] [--format json|text] [--content-dir DIR] FILE`
 * plays the learner turns in FILE against the scenario's persona, with no server or database,
 * and prints the transcript (BRIEF §4.1) with `endReason` and the director state per customer
 * turn. Lines may be system actions: `/action ID`, `/security`, `/kb ID`, `/crm`. When the
 * script runs out before the chat ends, the learner is taken to have closed it.
 * Exit codes: 0 done, 2 bad input, 1 the persona model failed.
 */
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { loadContent } from '../content/load.ts';
import type { LlmSettings } from '../llm/settings.ts';
import { closeByLearner } from '../roleplay/director.ts';
import type { PersonaEngine } from '../roleplay/engine.ts';
import { LearnerScriptError, parseLearnerScript } from '../roleplay/learner-script.ts';
import { createLlmPersonaEngine } from '../roleplay/llm-persona.ts';
import { createOfflinePersonaEngine } from '../roleplay/offline-engine.ts';
import { PersonaModelError } from '../roleplay/persona-errors.ts';
import { playScript } from '../roleplay/play-script.ts';
import { loadTemplate } from '../roleplay/template.ts';
import type { Transcript } from '../transcript/schema.ts';
import { formatRoleplayText } from './roleplay-format.ts';

/** Where the CLI writes, and what it is configured with (the entry reads the environment). */
export interface RoleplayCliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Repo root with prompts/ and rubrics/ (overridden by --content-dir). */
  repoRoot: string;
  /** LLM settings when a provider is configured; null plays offline. */
  llm: LlmSettings | null;
  fetch?: typeof fetch;
}

class BadInput extends Error {}

/** Printed for --help. */
export const ROLEPLAY_USAGE = `Usage: npm run roleplay -- --scenario ID [--offline] [--format json|text] [--content-dir DIR] LEARNER_FILE

Plays the learner turns in LEARNER_FILE against the scenario's persona and prints the transcript
with endReason and the director state (mood, patience, factsRevealed) after each customer turn.

LEARNER_FILE is a JSON array of strings, or a text file with one turn per line. A line can be a
system action instead of a message; it is recorded as a system event and read by the director
with the next message:
  /security      the security check was passed      /crm       the CRM record was opened
  /action ID     an account action from the scenario /kb ID     a knowledge-base article was opened
When the lines run out before the chat ends, the learner is taken to have closed it.
Without --offline the LLM persona plays when OPENAI_API_KEY is set.
`;

function parseCliArgs(argv: string[]) {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        scenario: { type: 'string' },
        offline: { type: 'boolean', default: false },
        format: { type: 'string', default: 'json' },
        'content-dir': { type: 'string' },
        help: { type: 'boolean', default: false },
      },
    });
  } catch (err) {
    throw new BadInput(err instanceof Error ? err.message : String(err));
  }
  const { values, positionals } = parsed;
  if (values.help) return null;
  if (!values.scenario) throw new BadInput('--scenario ID is required');
  if (values.format !== 'json' && values.format !== 'text')
    throw new BadInput('--format must be json or text');
  if (positionals.length !== 1) throw new BadInput('give exactly one LEARNER_FILE');
  return {
    scenarioId: values.scenario,
    offline: values.offline === true,
    format: values.format,
    contentDir: values['content-dir'],
    file: positionals[0] ?? '',
  };
}

/** Runs the roleplay CLI; returns the exit code. Nothing is written to stdout on error. */
export async function runRoleplayCli(argv: string[], io: RoleplayCliIo): Promise<number> {
  try {
    const args = parseCliArgs(argv);
    if (!args) {
      io.stdout(ROLEPLAY_USAGE);
      return 0;
    }
    const root = args.contentDir ?? io.repoRoot;
    const content = await loadContent(root);
    const scenario = content.scenarios.find((s) => s.id === args.scenarioId);
    if (!scenario) {
      const issues = content.issues.filter((i) =>
        i.file.endsWith(`scenarios/${args.scenarioId}.yaml`),
      );
      if (issues.length > 0)
        throw new BadInput(issues.map((i) => `${i.file} at ${i.path}: ${i.message}`).join('; '));
      throw new BadInput(
        `unknown scenario "${args.scenarioId}" (known: ${content.scenarios.map((s) => s.id).join(', ') || 'none'})`,
      );
    }
    const persona = content.personas.find((p) => p.id === scenario.persona);
    if (!persona)
      throw new BadInput(`scenario "${scenario.id}" names unknown persona "${scenario.persona}"`);
    let text: string;
    try {
      text = await readFile(args.file, 'utf8');
    } catch (err) {
      throw new BadInput(
        `${args.file}: cannot read file (${err instanceof Error ? err.message : String(err)})`,
      );
    }
    let lines: string[];
    try {
      lines = parseLearnerScript(text, scenario);
    } catch (err) {
      if (err instanceof LearnerScriptError) throw new BadInput(`${args.file} ${err.message}`);
      throw err;
    }
    const engine: PersonaEngine =
      args.offline || !io.llm
        ? createOfflinePersonaEngine()
        : createLlmPersonaEngine({
            settings: io.llm,
            template: await loadTemplate(io.repoRoot, 'persona'),
            fetch: io.fetch,
          });
    const chat = await playScript(engine, { scenario, persona }, lines);
    const final = chat.states.at(-1);
    const endReason = final ? (closeByLearner(final).ended ?? 'learner_closed') : 'learner_closed';
    let k = 0;
    const director = chat.turns.flatMap((t, turn) => {
      if (t.speaker !== 'customer') return [];
      const s = chat.states[k++];
      return s
        ? [{ turn, mood: s.mood, patience: s.patience, factsRevealed: s.factsRevealed }]
        : [];
    });
    const transcript: Transcript = {
      id: `roleplay-${scenario.id}`,
      channel: 'webchat',
      scenario: scenario.id,
      turns: chat.turns,
      caseNotes: '',
      systemEvents: chat.events,
      endReason,
      director,
    };
    io.stdout(
      args.format === 'json'
        ? `${JSON.stringify(transcript, null, 2)}\n`
        : formatRoleplayText(transcript, { title: scenario.title, mode: engine.mode }),
    );
    return 0;
  } catch (err) {
    if (err instanceof BadInput) {
      io.stderr(`roleplay: ${err.message}\n`);
      return 2;
    }
    if (err instanceof PersonaModelError) {
      io.stderr(`roleplay: the persona model failed (${err.kind}): ${err.message}\n`);
      return 1;
    }
    throw err;
  }
}
