/**
 * Stored versions of personas and scenarios, per organisation: designers edit a card as YAML in
 * the browser and each save becomes a new version (the files in the repo stay the shipped
 * content; stored versions never change them). Listing, loading (as YAML and as a checked card)
 * and saving with a bumped version and an audit row.
 */
import { and, eq } from 'drizzle-orm';
import { stringify } from 'yaml';
import {
  checkEdit,
  compareSemver,
  nextVersion,
  withVersion,
  type EditableKind,
  type EditedCard,
  type EditIssue,
} from '../../content/edit.ts';
import type { ContentBundle } from '../../content/load.ts';
import type { Db } from '../../db/client.ts';
import { contentVersions, users } from '../../db/schema.ts';
import type { Actor } from '../../lib/actor.ts';
import type { Clock } from '../../lib/clock.ts';
import { AppError } from '../../lib/errors.ts';
import { appendAudit } from '../audit.ts';
import { newId } from '../roleplay/ids.ts';

/** One version in a persona's or scenario's history. */
export interface VersionEntry {
  version: string;
  /** `file`: shipped in the repo; `stored`: saved by a designer of this organisation. */
  source: 'file' | 'stored';
  basedOnVersion: string | null;
  note: string | null;
  authorName: string | null;
  createdAt: string | null;
}

/** One version with its YAML text. */
export interface VersionText extends VersionEntry {
  yaml: string;
}

/** What the services need from the app. */
export interface VersionDeps {
  db: Db;
  clock: Clock;
  content: ContentBundle;
}

/** The shipped card, or NOT_FOUND. */
function shippedCard<K extends EditableKind>(
  content: ContentBundle,
  kind: K,
  id: string,
): EditedCard<K> {
  const list: readonly { id: string }[] = kind === 'persona' ? content.personas : content.scenarios;
  const card = list.find((c) => c.id === id);
  if (!card) throw new AppError('NOT_FOUND', `No ${kind} with id "${id}".`);
  return card as EditedCard<K>;
}

async function storedRows(db: Db, organisationId: string, kind: EditableKind, id: string) {
  return db
    .select({
      version: contentVersions.version,
      basedOnVersion: contentVersions.basedOnVersion,
      note: contentVersions.note,
      yaml: contentVersions.yaml,
      createdAt: contentVersions.createdAt,
      authorName: users.name,
    })
    .from(contentVersions)
    .leftJoin(users, eq(users.id, contentVersions.authorId))
    .where(
      and(
        eq(contentVersions.organisationId, organisationId),
        eq(contentVersions.kind, kind),
        eq(contentVersions.contentId, id),
      ),
    );
}

/** Every version of the card: the shipped file's and the organisation's stored ones, newest first. */
export async function listVersions(
  deps: VersionDeps,
  actor: Actor,
  kind: EditableKind,
  id: string,
): Promise<VersionEntry[]> {
  const shipped = shippedCard(deps.content, kind, id);
  const rows = await storedRows(deps.db, actor.organisationId, kind, id);
  const entries: VersionEntry[] = [
    {
      version: shipped.version,
      source: 'file',
      basedOnVersion: null,
      note: null,
      authorName: null,
      createdAt: null,
    },
    ...rows.map((r) => ({
      version: r.version,
      source: 'stored' as const,
      basedOnVersion: r.basedOnVersion,
      note: r.note,
      authorName: r.authorName,
      createdAt: r.createdAt.toISOString(),
    })),
  ];
  return entries.sort((a, b) => compareSemver(b.version, a.version));
}

/**
 * One version as YAML: the organisation's stored version with that number, else the shipped
 * file's (serialised from the loaded card); NOT_FOUND otherwise.
 */
export async function loadVersionText(
  deps: VersionDeps,
  actor: Actor,
  kind: EditableKind,
  id: string,
  version: string,
): Promise<VersionText> {
  const shipped = shippedCard(deps.content, kind, id);
  const rows = await storedRows(deps.db, actor.organisationId, kind, id);
  const row = rows.find((r) => r.version === version);
  if (row) {
    return {
      version: row.version,
      source: 'stored',
      basedOnVersion: row.basedOnVersion,
      note: row.note,
      authorName: row.authorName,
      createdAt: row.createdAt.toISOString(),
      yaml: row.yaml,
    };
  }
  if (shipped.version !== version)
    throw new AppError('NOT_FOUND', `No version ${version} of ${kind} "${id}".`);
  return {
    version,
    source: 'file',
    basedOnVersion: null,
    note: null,
    authorName: null,
    createdAt: null,
    yaml: stringify(shipped, { lineWidth: 100 }),
  };
}

/**
 * A version as a checked card, for the playground and eval runs: a stored version is parsed and
 * validated again (the shipped content may have changed since it was saved).
 */
export async function loadVersionCard<K extends EditableKind>(
  deps: VersionDeps,
  actor: Actor,
  kind: K,
  id: string,
  version: string,
): Promise<EditedCard<K>> {
  const shipped = shippedCard(deps.content, kind, id);
  if (version === shipped.version) {
    const rows = await storedRows(deps.db, actor.organisationId, kind, id);
    if (!rows.some((r) => r.version === version)) return shipped;
  }
  const text = await loadVersionText(deps, actor, kind, id, version);
  const checked = checkEdit(kind, id, text.yaml, deps.content);
  if (!checked.ok) {
    throw new AppError(
      'VALIDATION_FAILED',
      `Version ${version} of ${kind} "${id}" is no longer valid: ${issueLine(checked.issues)}`,
      { issues: checked.issues },
    );
  }
  return checked.card;
}

function issueLine(issues: readonly EditIssue[]): string {
  const first = issues[0];
  if (!first) return 'invalid';
  return `${first.path ? `${first.path}: ` : ''}${first.message}${issues.length > 1 ? ` (and ${issues.length - 1} more)` : ''}`;
}

/** The problems with edited YAML for an existing persona or scenario (none when it is valid). */
export function editIssues(
  content: ContentBundle,
  kind: EditableKind,
  id: string,
  yaml: string,
): EditIssue[] {
  shippedCard(content, kind, id);
  const checked = checkEdit(kind, id, yaml, content);
  return checked.ok ? [] : checked.issues;
}

/** Checks edited YAML; VALIDATION_FAILED with `details.issues` (path + message) when invalid. */
export function checkEditOrThrow<K extends EditableKind>(
  content: ContentBundle,
  kind: K,
  id: string,
  yaml: string,
): EditedCard<K> {
  shippedCard(content, kind, id);
  const checked = checkEdit(kind, id, yaml, content);
  if (!checked.ok) {
    throw new AppError('VALIDATION_FAILED', `Invalid ${kind}: ${issueLine(checked.issues)}`, {
      issues: checked.issues,
    });
  }
  return checked.card;
}

/** The version a save would get now. */
export async function upcomingVersion(
  deps: VersionDeps,
  actor: Actor,
  kind: EditableKind,
  id: string,
): Promise<string> {
  const known = await listVersions(deps, actor, kind, id);
  return nextVersion(known.map((v) => v.version));
}

const isUniqueViolation = (err: unknown) =>
  /UNIQUE constraint failed/i.test(
    err instanceof Error ? `${err.message} ${String(err.cause ?? '')}` : String(err),
  );

/**
 * Saves edited YAML as a new stored version: checked like a file, `version` set to the patch
 * above every known version (whatever the YAML said), then an audit row. Two designers saving
 * at once get consecutive versions (the unique index decides, and the loser takes the next).
 */
export async function saveVersion(
  deps: VersionDeps,
  actor: Actor,
  input: { kind: EditableKind; id: string; yaml: string; basedOnVersion: string; note?: string },
): Promise<VersionEntry> {
  const { kind, id } = input;
  checkEditOrThrow(deps.content, kind, id, input.yaml);
  const known = await listVersions(deps, actor, kind, id);
  if (!known.some((v) => v.version === input.basedOnVersion)) {
    throw new AppError(
      'VALIDATION_FAILED',
      `basedOnVersion ${input.basedOnVersion} is not a version of ${kind} "${id}".`,
      { issues: [{ path: 'basedOnVersion', message: 'not a known version' }] },
    );
  }
  for (let attempt = 0; ; attempt++) {
    const version = await upcomingVersion(deps, actor, kind, id);
    const row = {
      id: newId('cv'),
      organisationId: actor.organisationId,
      kind,
      contentId: id,
      version,
      basedOnVersion: input.basedOnVersion,
      yaml: withVersion(input.yaml, version),
      note: input.note ?? null,
      authorId: actor.userId,
      createdAt: deps.clock.now(),
    };
    try {
      await deps.db.insert(contentVersions).values(row);
    } catch (err) {
      if (isUniqueViolation(err) && attempt < 3) continue;
      throw err;
    }
    await appendAudit(deps.db, deps.clock, {
      organisationId: actor.organisationId,
      actorId: actor.userId,
      action: 'content.version_saved',
      entityType: kind,
      entityId: id,
      after: { version, basedOnVersion: row.basedOnVersion, versionId: row.id, note: row.note },
    });
    return {
      version,
      source: 'stored',
      basedOnVersion: row.basedOnVersion,
      note: row.note,
      authorName: actor.name,
      createdAt: row.createdAt.toISOString(),
    };
  }
}
