/**
 * The coach's endpoints through the typed client: response types are inferred from the API, so
 * the coach views cannot drift from what the server sends.
 */
import type { InferResponseType } from 'hono/client';
import { api, readJson } from '../api/client.ts';

const coach = api.coach;
const progressRoute = coach.learners[':id'].progress;
const assignmentRoute = coach.assignments[':id'];

/** A learner's progress: graded attempts over time and met rates per trait and type. */
export type Progress = InferResponseType<typeof progressRoute.$get, 200>;
/** One graded attempt in a learner's progress. */
export type ProgressPoint = Progress['attempts'][number];
/** One of the coach's groups with its learners. */
export type CoachGroup = InferResponseType<typeof coach.groups.$get, 200>['groups'][number];
/** An assignment the coach can see. */
export type Assignment = InferResponseType<
  typeof coach.assignments.$get,
  200
>['assignments'][number];

/** Loads a learner's progress. */
export async function fetchProgress(learnerId: string): Promise<Progress> {
  return readJson<Progress>(await progressRoute.$get({ param: { id: learnerId } }));
}

/** Loads the coach's groups and their learners. */
export async function fetchGroups(): Promise<CoachGroup[]> {
  return (await readJson<{ groups: CoachGroup[] }>(await coach.groups.$get())).groups;
}

/** Loads the assignments of the coach's groups and learners. */
export async function fetchAssignments(): Promise<Assignment[]> {
  return (await readJson<{ assignments: Assignment[] }>(await coach.assignments.$get()))
    .assignments;
}

/** Assigns a scenario to a learner or to a group, due on a date (`YYYY-MM-DD`). */
export async function assignScenario(input: {
  scenarioId: string;
  dueDate: string;
  learnerId?: string;
  groupId?: string;
}): Promise<void> {
  await readJson<unknown>(await coach.assignments.$post({ json: input }));
}

/** Cancels an assignment. */
export async function cancelAssignment(id: string): Promise<void> {
  await readJson<unknown>(await assignmentRoute.$delete({ param: { id } }));
}
