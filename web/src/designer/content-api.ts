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

/** Which editable content a URL names. */
export type EditableKind = 'personas' | 'scenarios';
/** One version in a card's history (shipped file or stored). */
export type VersionEntry = InferResponseType<
  (typeof content)[':kind'][':id']['versions']['$get'],
  200
>['versions'][number];
/** One version with its YAML text. */
export type VersionText = InferResponseType<
  (typeof content)[':kind'][':id']['versions'][':version']['$get'],
  200
>['version'];

/** The versions of a persona or scenario, newest first. */
export async function fetchVersions(kind: EditableKind, id: string): Promise<VersionEntry[]> {
  const res = await content[':kind'][':id'].versions.$get({ param: { kind, id } });
  return (await readJson<{ versions: VersionEntry[] }>(res)).versions;
}

/** One version's YAML. */
export async function fetchVersionText(
  kind: EditableKind,
  id: string,
  version: string,
): Promise<VersionText> {
  const res = await content[':kind'][':id'].versions[':version'].$get({
    param: { kind, id, version },
  });
  return (await readJson<{ version: VersionText }>(res)).version;
}

/** The answer of a check: valid with the version a save would get, or the issues found. */
export type YamlCheck = InferResponseType<
  (typeof content)[':kind'][':id']['validate']['$post'],
  200
>;

/** Checks edited YAML without saving it. */
export async function validateYaml(
  kind: EditableKind,
  id: string,
  yaml: string,
): Promise<YamlCheck> {
  const res = await content[':kind'][':id'].validate.$post({ param: { kind, id }, json: { yaml } });
  return readJson<YamlCheck>(res);
}

/** Saves edited YAML as a new stored version. */
export async function saveYaml(
  kind: EditableKind,
  id: string,
  input: { yaml: string; basedOnVersion: string; note?: string },
): Promise<VersionEntry> {
  const res = await content[':kind'][':id'].versions.$post({ param: { kind, id }, json: input });
  return (await readJson<{ version: VersionEntry }>(res)).version;
}

/** Where a version downloads as a `.yaml` file. */
export function yamlDownloadUrl(kind: EditableKind, id: string, version: string): string {
  return `/api/content/${kind}/${encodeURIComponent(id)}/versions/${encodeURIComponent(version)}/yaml`;
}
