/**
 * The content endpoints through the typed client, and the response types inferred from the
 * API itself, so the designer views cannot drift from what the server sends.
 */
import type { InferResponseType } from 'hono/client';
import { api, readJson } from '../api/client.ts';

const content = api.content;

/** GET /api/content: counts, validation, coverage and the item lists. */
export type ContentSummary = InferResponseType<typeof content.$get, 200>;
/** A full persona card. */
export type PersonaCard = InferResponseType<
  (typeof content.personas)[':id']['$get'],
  200
>['persona'];
/** A full scenario card. */
export type ScenarioCard = InferResponseType<
  (typeof content.scenarios)[':id']['$get'],
  200
>['scenario'];
/** A full rubric pack. */
export type RubricCard = InferResponseType<(typeof content.rubrics)[':id']['$get'], 200>['rubric'];

/** Loads the content overview. */
export async function fetchSummary(): Promise<ContentSummary> {
  return readJson<ContentSummary>(await content.$get());
}

/** Loads one persona card. */
export async function fetchPersona(id: string): Promise<PersonaCard> {
  const body = await readJson<{ persona: PersonaCard }>(
    await content.personas[':id'].$get({ param: { id } }),
  );
  return body.persona;
}

/** Loads one scenario card. */
export async function fetchScenario(id: string): Promise<ScenarioCard> {
  const body = await readJson<{ scenario: ScenarioCard }>(
    await content.scenarios[':id'].$get({ param: { id } }),
  );
  return body.scenario;
}

/** Loads one rubric pack. */
export async function fetchRubric(id: string): Promise<RubricCard> {
  const body = await readJson<{ rubric: RubricCard }>(
    await content.rubrics[':id'].$get({ param: { id } }),
  );
  return body.rubric;
}
