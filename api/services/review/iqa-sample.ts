/**
 * Internal quality assurance sampling: when an assessor signs an attempt off against a rubric,
 * a share of sign-offs (the organisation's `iqaSamplePercent`) is sampled for blind second
 * marking. The choice is a pure function of the sign-off id, so it is reproducible and
 * testable, and spreads evenly because the ids are random.
 */
import { and, eq, inArray, ne } from 'drizzle-orm';
import type { AppDeps } from '../../deps.ts';
import { iqaSamples, memberships, organisations } from '../../db/schema.ts';
import { newId } from '../roleplay/ids.ts';

/** FNV-1a (32-bit) of a string: small, synchronous and the same on Node and Workers. */
export function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}

/** True when a sign-off falls in the sample: hash(id) mod 100 < percent (0 = none, 100 = all). */
export function inIqaSample(signOffId: string, percent: number): boolean {
  return fnv1a(signOffId) % 100 < percent;
}

/** The organisation's sample percentage (the schema default when the row is missing). */
export async function iqaSamplePercent(
  deps: Pick<AppDeps, 'db'>,
  organisationId: string,
): Promise<number> {
  const [row] = await deps.db
    .select({ p: organisations.iqaSamplePercent })
    .from(organisations)
    .where(eq(organisations.id, organisationId));
  return row?.p ?? 10;
}

/**
 * Assessors of the organisation who may second-mark an attempt: not the first assessor and not
 * the learner.
 */
export async function eligibleSecondAssessors(
  deps: Pick<AppDeps, 'db'>,
  organisationId: string,
  exclude: { firstAssessorId: string; learnerId: string },
): Promise<string[]> {
  const rows = await deps.db
    .selectDistinct({ id: memberships.userId })
    .from(memberships)
    .where(
      and(
        eq(memberships.organisationId, organisationId),
        eq(memberships.role, 'assessor'),
        ne(memberships.userId, exclude.firstAssessorId),
        ne(memberships.userId, exclude.learnerId),
      ),
    );
  return rows.map((r) => r.id).sort();
}

/** The eligible assessor with the fewest pending samples (ties: the smallest id, for determinism). */
async function leastLoaded(
  deps: Pick<AppDeps, 'db'>,
  organisationId: string,
  candidates: string[],
): Promise<string | null> {
  if (candidates.length === 0) return null;
  const pending = await deps.db
    .select({ id: iqaSamples.secondAssessorId })
    .from(iqaSamples)
    .where(
      and(
        eq(iqaSamples.organisationId, organisationId),
        eq(iqaSamples.status, 'pending'),
        inArray(iqaSamples.secondAssessorId, candidates),
      ),
    );
  const load = new Map(candidates.map((c) => [c, 0]));
  for (const p of pending) if (p.id) load.set(p.id, (load.get(p.id) ?? 0) + 1);
  return (
    [...load.entries()].sort((a, b) => a[1] - b[1] || a[0].localeCompare(b[0]))[0]?.[0] ?? null
  );
}

/** What a sign-off's sampling decided (recorded in the sign-off's audit row). */
export interface IqaSampleOutcome {
  id: string;
  secondAssessorId: string | null;
}

/**
 * Samples a fresh sign-off: when it falls in the organisation's share, stores an `iqa_samples`
 * row assigned to the least-loaded eligible assessor, or to nobody yet ("awaiting a second
 * assessor") when there is none. Returns the sample, or null when not sampled.
 */
export async function sampleSignOff(
  deps: Pick<AppDeps, 'db' | 'clock'>,
  signOff: {
    id: string;
    organisationId: string;
    attemptId: string;
    rubricId: string;
    assessorId: string;
    learnerId: string;
  },
): Promise<IqaSampleOutcome | null> {
  const percent = await iqaSamplePercent(deps, signOff.organisationId);
  if (!inIqaSample(signOff.id, percent)) return null;
  const candidates = await eligibleSecondAssessors(deps, signOff.organisationId, {
    firstAssessorId: signOff.assessorId,
    learnerId: signOff.learnerId,
  });
  const secondAssessorId = await leastLoaded(deps, signOff.organisationId, candidates);
  const row = {
    id: newId('iqa'),
    organisationId: signOff.organisationId,
    attemptId: signOff.attemptId,
    signOffId: signOff.id,
    rubricId: signOff.rubricId,
    firstAssessorId: signOff.assessorId,
    secondAssessorId,
    status: 'pending' as const,
    createdAt: deps.clock.now(),
  };
  await deps.db.insert(iqaSamples).values(row);
  return { id: row.id, secondAssessorId };
}
