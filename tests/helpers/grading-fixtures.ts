/**
 * Loads the grading test fixtures: the core-webchat-like rubric pack and transcripts under
 * tests/fixtures/. Paths resolve from this file, not the working directory.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { rubricPackSchema, type RubricPack } from '../../api/content/schemas.ts';
import { parseTranscript } from '../../api/transcript/parse.ts';
import type { Transcript } from '../../api/transcript/schema.ts';

/** Absolute path of tests/fixtures. */
export const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures');

/** The fixture rubric pack (tests/fixtures/rubrics/core-webchat.yaml). */
export function fixtureRubric(): RubricPack {
  return rubricPackSchema.parse(
    parseYaml(readFileSync(join(FIXTURES, 'rubrics', 'core-webchat.yaml'), 'utf8')),
  );
}

/** A transcript fixture by path relative to tests/fixtures. */
export function fixtureTranscript(relativePath: string): Transcript {
  const file = join(FIXTURES, relativePath);
  return parseTranscript(readFileSync(file, 'utf8'), relativePath);
}

/** Every injection fixture (tests/fixtures/injection/*.json), sorted by name. */
export function injectionTranscripts(): Transcript[] {
  return readdirSync(join(FIXTURES, 'injection'))
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => fixtureTranscript(join('injection', name)));
}

/** A transcript from alternating lines, agent first unless `customerFirst`. */
export function chat(lines: string[], caseNotes = '', customerFirst = false): Transcript {
  return {
    id: 'inline',
    channel: 'webchat',
    turns: lines.map((text, i) => ({
      speaker: (i % 2 === 0) !== customerFirst ? 'agent' : 'customer',
      text,
    })),
    caseNotes,
  };
}
