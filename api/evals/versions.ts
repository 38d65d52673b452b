/** Version records for eval runs: which persona, scenario, rubric, prompt and set versions ran. */
import { createHash } from 'node:crypto';
import type { Persona, RubricPack, Scenario } from '../content/schemas.ts';
import type { LabelledCase } from './golden.ts';
import { emptyVersions, type Versions } from './result.ts';

/** A short content hash of a labelled set (file names and transcripts), to tell set edits apart. */
export function setVersion(cases: readonly LabelledCase[]): string {
  const hash = createHash('sha256');
  for (const c of cases) hash.update(`${c.file}\n${JSON.stringify(c)}\n`);
  return `sha256:${hash.digest('hex').slice(0, 12)}`;
}

/** Builds the versions record of a suite from what it used. */
export function versionsOf(input: {
  personas?: readonly Persona[];
  scenarios?: readonly Scenario[];
  rubrics?: readonly RubricPack[];
  prompts: Record<string, string>;
  sets?: Record<string, string>;
}): Versions {
  const v = emptyVersions();
  for (const p of input.personas ?? []) v.personas[p.id] = p.version;
  for (const s of input.scenarios ?? []) v.scenarios[s.id] = s.version;
  for (const r of input.rubrics ?? []) v.rubrics[r.id] = r.version;
  v.prompts = { ...input.prompts };
  v.sets = { ...(input.sets ?? {}) };
  return v;
}
