/**
 * The database schema (drizzle, SQLite dialect for libSQL). The auth tables follow
 * better-auth's model (user, session, account, verification, rateLimit) under our names.
 * Later features add tables here and generate a new migration with `npm run db:generate`.
 */
import { sql } from 'drizzle-orm';
import {
  index,
  integer,
  primaryKey,
  real,
  sqliteTable,
  text,
  uniqueIndex,
} from 'drizzle-orm/sqlite-core';

const createdAt = () =>
  integer('created_at', { mode: 'timestamp_ms' })
    .notNull()
    .default(sql`(cast(unixepoch('subsec') * 1000 as integer))`);
const updatedAt = () =>
  integer('updated_at', { mode: 'timestamp_ms' })
    .notNull()
    .default(sql`(cast(unixepoch('subsec') * 1000 as integer))`);

/** The owning organisation; rows go when it goes. */
const organisationRef = () =>
  text('organisation_id')
    .notNull()
    .references(() => organisations.id, { onDelete: 'cascade' });
/** The attempt a row belongs to; rows go when it goes. */
const attemptRef = () =>
  text('attempt_id')
    .notNull()
    .references(() => attempts.id, { onDelete: 'cascade' });

/** Roles a membership can grant; a person may hold several. */
export const ROLES = ['learner', 'coach', 'assessor', 'designer', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const organisations = sqliteTable('organisations', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  slug: text('slug').notNull().unique(),
  /** Whether learners see AI feedback before an assessor confirms it. */
  feedbackVisibility: text('feedback_visibility', { enum: ['provisional', 'after_confirmation'] })
    .notNull()
    .default('provisional'),
  /** Percentage (0-100) of each assessor's sign-offs sampled for blind second marking (IQA). */
  iqaSamplePercent: integer('iqa_sample_percent').notNull().default(10),
  /** Model tokens (input + output) the organisation may spend per calendar month; null = no cap. */
  llmMonthlyTokenBudget: integer('llm_monthly_token_budget'),
  createdAt: createdAt(),
});

export const users = sqliteTable('users', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  email: text('email').notNull().unique(),
  emailVerified: integer('email_verified', { mode: 'boolean' }).notNull().default(false),
  image: text('image'),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

export const memberships = sqliteTable(
  'memberships',
  {
    organisationId: organisationRef(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: text('role', { enum: ROLES }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.organisationId, t.userId, t.role] }),
    index('memberships_user_idx').on(t.userId),
  ],
);

export const groups = sqliteTable(
  'groups',
  {
    id: text('id').primaryKey(),
    organisationId: organisationRef(),
    name: text('name').notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('groups_org_name_idx').on(t.organisationId, t.name)],
);

/** Who is in a group: learners are coached by the group's coaches. */
export const groupMembers = sqliteTable(
  'group_members',
  {
    groupId: text('group_id')
      .notNull()
      .references(() => groups.id, { onDelete: 'cascade' }),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: ['learner', 'coach'] }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.groupId, t.userId, t.kind] }),
    index('group_members_user_idx').on(t.userId),
  ],
);

export const sessions = sqliteTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
    token: text('token').notNull().unique(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    ipAddress: text('ip_address'),
    userAgent: text('user_agent'),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

export const accounts = sqliteTable(
  'accounts',
  {
    id: text('id').primaryKey(),
    accountId: text('account_id').notNull(),
    providerId: text('provider_id').notNull(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    accessToken: text('access_token'),
    refreshToken: text('refresh_token'),
    idToken: text('id_token'),
    accessTokenExpiresAt: integer('access_token_expires_at', { mode: 'timestamp_ms' }),
    refreshTokenExpiresAt: integer('refresh_token_expires_at', { mode: 'timestamp_ms' }),
    scope: text('scope'),
    password: text('password'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('accounts_user_idx').on(t.userId)],
);

export const verifications = sqliteTable('verifications', {
  id: text('id').primaryKey(),
  identifier: text('identifier').notNull(),
  value: text('value').notNull(),
  expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

/** Sign-in rate-limit counters, in the database so every instance shares them. */
export const rateLimits = sqliteTable('rate_limits', {
  id: text('id').primaryKey(),
  key: text('key').notNull().unique(),
  count: integer('count').notNull(),
  lastRequest: integer('last_request').notNull(),
});

/**
 * Append-only audit log. Each row carries the hash of the previous row, so any edit or
 * deletion breaks the chain and `npm run audit:verify` finds the first broken link.
 */
export const auditLog = sqliteTable(
  'audit_log',
  {
    seq: integer('seq').primaryKey({ autoIncrement: true }),
    organisationId: text('organisation_id'),
    actorId: text('actor_id'),
    action: text('action').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id').notNull(),
    before: text('before'),
    after: text('after'),
    at: text('at').notNull(),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull().unique(),
  },
  (t) => [
    index('audit_org_idx').on(t.organisationId, t.seq),
    // One successor per row: two writers that chain onto the same row cannot both land, so an
    // append can run without holding a transaction and retry when it loses the race.
    uniqueIndex('audit_prev_hash_idx').on(t.prevHash),
  ],
);

/**
 * One roleplay attempt: a learner playing one scenario. Pins the content versions it ran with,
 * so a later edit to a persona or scenario never changes what an old attempt meant.
 */
export const attempts = sqliteTable(
  'attempts',
  {
    id: text('id').primaryKey(),
    organisationId: organisationRef(),
    learnerId: text('learner_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** The client's id for the start request, so a retried start returns the same attempt. */
    clientRequestId: text('client_request_id').notNull(),
    scenarioId: text('scenario_id').notNull(),
    scenarioVersion: text('scenario_version').notNull(),
    personaId: text('persona_id').notNull(),
    personaVersion: text('persona_version').notNull(),
    promptVersion: text('prompt_version').notNull(),
    engineMode: text('engine_mode', { enum: ['offline', 'llm'] }).notNull(),
    status: text('status', { enum: ['in_progress', 'ended', 'submitted'] }).notNull(),
    endReason: text('end_reason', {
      enum: ['resolved', 'customer_left', 'escalated', 'learner_closed', 'timed_out'],
    }),
    /** Hidden director state after the latest persona turn (JSON); never sent to the learner. */
    directorState: text('director_state').notNull(),
    caseNotes: text('case_notes'),
    caseNotesUpdatedAt: integer('case_notes_updated_at', { mode: 'timestamp_ms' }),
    startedAt: integer('started_at', { mode: 'timestamp_ms' }).notNull(),
    endedAt: integer('ended_at', { mode: 'timestamp_ms' }),
    submittedAt: integer('submitted_at', { mode: 'timestamp_ms' }),
  },
  (t) => [
    uniqueIndex('attempts_client_request_idx').on(t.learnerId, t.clientRequestId),
    index('attempts_learner_idx').on(t.learnerId, t.startedAt),
    index('attempts_org_idx').on(t.organisationId, t.status),
  ],
);

/**
 * Chat messages in order. Learner messages carry the client's message id, so a retried send
 * returns the stored message instead of adding a second one. A persona reply row exists from
 * the moment the learner's message is stored (`pending`), so a dropped stream can be resumed or
 * regenerated and never leaves a hole.
 */
export const messages = sqliteTable(
  'messages',
  {
    id: text('id').primaryKey(),
    attemptId: attemptRef(),
    seq: integer('seq').notNull(),
    speaker: text('speaker', { enum: ['agent', 'customer'] }).notNull(),
    text: text('text').notNull(),
    clientMessageId: text('client_message_id'),
    status: text('status', { enum: ['complete', 'pending', 'generating', 'failed'] }).notNull(),
    /** Lease for a generating reply, so only one instance generates it at a time. */
    leaseUntil: integer('lease_until', { mode: 'timestamp_ms' }),
    error: text('error'),
    inputTokens: integer('input_tokens').notNull().default(0),
    outputTokens: integer('output_tokens').notNull().default(0),
    cachedInputTokens: integer('cached_input_tokens').notNull().default(0),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [
    uniqueIndex('messages_attempt_seq_idx').on(t.attemptId, t.seq),
    uniqueIndex('messages_client_id_idx').on(t.attemptId, t.clientMessageId),
  ],
);

/** Timestamped use of the simulated systems: evidence for the systems criteria. */
export const systemEvents = sqliteTable(
  'system_events',
  {
    id: text('id').primaryKey(),
    attemptId: attemptRef(),
    clientEventId: text('client_event_id').notNull(),
    kind: text('kind', {
      enum: ['crm_open', 'security_check', 'kb_search', 'kb_open', 'action'],
    }).notNull(),
    target: text('target').notNull(),
    detail: text('detail'),
    /** Index of the last chat message when the event happened. */
    afterTurn: integer('after_turn').notNull(),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [uniqueIndex('system_events_client_id_idx').on(t.attemptId, t.clientEventId)],
);

/**
 * A grading of one submitted attempt against one rubric pack, and the durable job that
 * produces it: `queued → running → graded | grading_failed`. Regrading adds a new row and keeps
 * the old one; each row pins the rubric, prompt and model it used.
 */
export const gradings = sqliteTable(
  'gradings',
  {
    id: text('id').primaryKey(),
    organisationId: organisationRef(),
    attemptId: attemptRef(),
    rubricId: text('rubric_id').notNull(),
    rubricVersion: text('rubric_version').notNull(),
    graderMode: text('grader_mode', { enum: ['offline', 'llm'] }).notNull(),
    model: text('model'),
    promptVersion: text('prompt_version'),
    status: text('status', { enum: ['queued', 'running', 'graded', 'grading_failed'] }).notNull(),
    reason: text('reason'),
    /** The GradingResult (BRIEF §4.2) as JSON once graded or failed. */
    result: text('result'),
    inputTokens: integer('input_tokens').notNull().default(0),
    outputTokens: integer('output_tokens').notNull().default(0),
    cachedInputTokens: integer('cached_input_tokens').notNull().default(0),
    costEstimateUsd: real('cost_estimate_usd'),
    /** Job bookkeeping: tries so far, earliest next try, and the worker's lease. */
    tries: integer('tries').notNull().default(0),
    runAfter: integer('run_after', { mode: 'timestamp_ms' }).notNull(),
    leaseUntil: integer('lease_until', { mode: 'timestamp_ms' }),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
    startedAt: integer('started_at', { mode: 'timestamp_ms' }),
    finishedAt: integer('finished_at', { mode: 'timestamp_ms' }),
  },
  (t) => [
    index('gradings_attempt_idx').on(t.attemptId, t.createdAt),
    index('gradings_queue_idx').on(t.status, t.runAfter),
  ],
);

/** One run of one eval suite: versions of everything involved, figures, pass or fail. */
export const evalRuns = sqliteTable(
  'eval_runs',
  {
    id: text('id').primaryKey(),
    suite: text('suite').notNull(),
    mode: text('mode', { enum: ['offline', 'live'] }).notNull(),
    status: text('status', { enum: ['running', 'passed', 'failed', 'error'] }).notNull(),
    /** JSON: { personas: {id: version}, scenarios: {...}, rubrics: {...}, prompts: {...} }. */
    versions: text('versions').notNull(),
    /** JSON: named figures (kappa per criterion, pass rates, ...) with thresholds. */
    figures: text('figures').notNull().default('{}'),
    startedAt: integer('started_at', { mode: 'timestamp_ms' }).notNull(),
    finishedAt: integer('finished_at', { mode: 'timestamp_ms' }),
    startedBy: text('started_by'),
  },
  (t) => [index('eval_runs_suite_idx').on(t.suite, t.startedAt)],
);

/** Per-case outcome of an eval run. */
export const evalCases = sqliteTable(
  'eval_cases',
  {
    runId: text('run_id')
      .notNull()
      .references(() => evalRuns.id, { onDelete: 'cascade' }),
    caseId: text('case_id').notNull(),
    outcome: text('outcome', { enum: ['pass', 'fail', 'error'] }).notNull(),
    /** JSON details: expected, actual, assertion results, transcript reference. */
    details: text('details').notNull(),
  },
  (t) => [primaryKey({ columns: [t.runId, t.caseId] })],
);

/** A criterion verdict as the grader and the assessor give it. */
export const VERDICTS = ['met', 'not_yet'] as const;

/**
 * The human decision on one criterion of one grading, stored apart from the AI judgement (which
 * stays in `gradings.result`). Each change adds a row with the next `version`; the newest row is
 * the current decision and older rows are kept. The unique version index makes a concurrent
 * second decision on the same criterion fail instead of silently overwriting the first.
 */
export const criterionDecisions = sqliteTable(
  'criterion_decisions',
  {
    id: text('id').primaryKey(),
    organisationId: organisationRef(),
    attemptId: attemptRef(),
    gradingId: text('grading_id')
      .notNull()
      .references(() => gradings.id, { onDelete: 'cascade' }),
    rubricId: text('rubric_id').notNull(),
    rubricVersion: text('rubric_version').notNull(),
    criterionId: text('criterion_id').notNull(),
    /** 1 for the first decision on this criterion, then 2, 3, ... */
    version: integer('version').notNull(),
    action: text('action', { enum: ['confirm', 'override'] }).notNull(),
    /** The AI verdict the assessor saw (null when the judge gave none). */
    aiVerdict: text('ai_verdict', { enum: VERDICTS }),
    verdict: text('verdict', { enum: VERDICTS }).notNull(),
    reason: text('reason'),
    /** JSON array of verified `{ turn, quote }` the assessor cited. */
    evidence: text('evidence').notNull().default('[]'),
    assessorId: text('assessor_id')
      .notNull()
      .references(() => users.id),
    /** Made after the attempt was signed off against this rubric (needs a reason). */
    afterSignOff: integer('after_sign_off', { mode: 'boolean' }).notNull().default(false),
    supersedesId: text('supersedes_id'),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [
    uniqueIndex('criterion_decisions_version_idx').on(t.gradingId, t.criterionId, t.version),
    index('criterion_decisions_attempt_idx').on(t.attemptId),
    index('criterion_decisions_org_idx').on(t.organisationId, t.createdAt),
  ],
);

/** An attempt voided by an assessor (a persona fault): it counts for nothing. */
export const attemptVoids = sqliteTable('attempt_voids', {
  attemptId: text('attempt_id')
    .primaryKey()
    .references(() => attempts.id, { onDelete: 'cascade' }),
  organisationId: text('organisation_id')
    .notNull()
    .references(() => organisations.id, { onDelete: 'cascade' }),
  reason: text('reason').notNull(),
  assessorId: text('assessor_id')
    .notNull()
    .references(() => users.id),
  createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
});

/** Sign-off of an attempt against one rubric pack (standard); it locks the decisions. */
export const signOffs = sqliteTable(
  'sign_offs',
  {
    id: text('id').primaryKey(),
    organisationId: organisationRef(),
    attemptId: attemptRef(),
    gradingId: text('grading_id')
      .notNull()
      .references(() => gradings.id, { onDelete: 'cascade' }),
    rubricId: text('rubric_id').notNull(),
    rubricVersion: text('rubric_version').notNull(),
    assessorId: text('assessor_id')
      .notNull()
      .references(() => users.id),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [uniqueIndex('sign_offs_attempt_rubric_idx').on(t.attemptId, t.rubricId)],
);

/** A coach's (or assessor's) comment on a turn of an attempt or on a criterion. */
export const reviewComments = sqliteTable(
  'review_comments',
  {
    id: text('id').primaryKey(),
    organisationId: organisationRef(),
    attemptId: attemptRef(),
    authorId: text('author_id')
      .notNull()
      .references(() => users.id),
    /** Transcript turn index the comment is on (null for a criterion comment). */
    turn: integer('turn'),
    rubricId: text('rubric_id'),
    criterionId: text('criterion_id'),
    body: text('body').notNull(),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [index('review_comments_attempt_idx').on(t.attemptId, t.createdAt)],
);

/** A practice scenario a coach assigned to one learner or to a whole group, with a due date. */
export const assignments = sqliteTable(
  'assignments',
  {
    id: text('id').primaryKey(),
    organisationId: organisationRef(),
    scenarioId: text('scenario_id').notNull(),
    learnerId: text('learner_id').references(() => users.id, { onDelete: 'cascade' }),
    groupId: text('group_id').references(() => groups.id, { onDelete: 'cascade' }),
    /** Due date, `YYYY-MM-DD`. */
    dueDate: text('due_date').notNull(),
    assignedBy: text('assigned_by')
      .notNull()
      .references(() => users.id),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [
    index('assignments_learner_idx').on(t.learnerId),
    index('assignments_group_idx').on(t.groupId),
  ],
);

/**
 * Internal quality assurance: a signed-off attempt sampled for blind second marking. The second
 * assessor decides each criterion without seeing the first assessor's (or the AI's) verdicts;
 * their decisions live in `iqa_decisions` and never change the first assessor's result.
 */
export const iqaSamples = sqliteTable(
  'iqa_samples',
  {
    id: text('id').primaryKey(),
    organisationId: organisationRef(),
    attemptId: attemptRef(),
    signOffId: text('sign_off_id')
      .notNull()
      .references(() => signOffs.id, { onDelete: 'cascade' }),
    rubricId: text('rubric_id').notNull(),
    /** The assessor whose sign-off was sampled. */
    firstAssessorId: text('first_assessor_id')
      .notNull()
      .references(() => users.id),
    /** The assessor asked to second-mark (never the first assessor or the learner). */
    secondAssessorId: text('second_assessor_id').references(() => users.id),
    status: text('status', { enum: ['pending', 'complete'] })
      .notNull()
      .default('pending'),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
    completedAt: integer('completed_at', { mode: 'timestamp_ms' }),
  },
  (t) => [
    uniqueIndex('iqa_samples_sign_off_idx').on(t.signOffId),
    index('iqa_samples_org_idx').on(t.organisationId, t.status, t.createdAt),
  ],
);

/** A second assessor's blind verdict on one criterion of an IQA sample. */
export const iqaDecisions = sqliteTable(
  'iqa_decisions',
  {
    id: text('id').primaryKey(),
    sampleId: text('sample_id')
      .notNull()
      .references(() => iqaSamples.id, { onDelete: 'cascade' }),
    organisationId: organisationRef(),
    criterionId: text('criterion_id').notNull(),
    verdict: text('verdict', { enum: VERDICTS }).notNull(),
    reason: text('reason'),
    assessorId: text('assessor_id')
      .notNull()
      .references(() => users.id),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [uniqueIndex('iqa_decisions_criterion_idx').on(t.sampleId, t.criterionId)],
);

/**
 * A designer's edit of a persona or scenario, stored as a new version. The YAML files in the repo
 * stay the source of shipped content; these versions can be played in the playground, run in
 * evals and exported as YAML for review and commit.
 */
export const contentVersions = sqliteTable(
  'content_versions',
  {
    id: text('id').primaryKey(),
    organisationId: organisationRef(),
    kind: text('kind', { enum: ['persona', 'scenario'] }).notNull(),
    /** The persona or scenario id (matches the file's `id`). */
    contentId: text('content_id').notNull(),
    /** The `version` written in the stored YAML (semver, bumped on each save). */
    version: text('version').notNull(),
    /** The version this edit started from (a shipped file version or an earlier stored one). */
    basedOnVersion: text('based_on_version').notNull(),
    /** The full YAML document as saved (validated by the content schema before storing). */
    yaml: text('yaml').notNull(),
    note: text('note'),
    authorId: text('author_id')
      .notNull()
      .references(() => users.id),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [
    uniqueIndex('content_versions_version_idx').on(
      t.organisationId,
      t.kind,
      t.contentId,
      t.version,
    ),
  ],
);

/** Model tokens an organisation spent in one calendar month (`YYYY-MM`), for budgets. */
export const llmUsage = sqliteTable(
  'llm_usage',
  {
    organisationId: organisationRef(),
    month: text('month').notNull(),
    inputTokens: integer('input_tokens').notNull().default(0),
    cachedInputTokens: integer('cached_input_tokens').notNull().default(0),
    outputTokens: integer('output_tokens').notNull().default(0),
    updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.month] })],
);
