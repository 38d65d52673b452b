import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { desc } from 'drizzle-orm';
import { auditLog } from '#api/db/schema.ts';
import { DEMO_GROUP_ID } from '#api/services/demo-seed.ts';
import { csvCell, toCsv } from '#api/services/review/csv.ts';
import { EXPORT_COLUMNS } from '#api/services/review/export.ts';
import { createTestApp, type TestApp } from '#tests/helpers/test-app.ts';
import { buildWorld, type World } from '#tests/helpers/world.ts';
import { decide, gradedAttempt, reviewOf } from '#tests/helpers/review-api.ts';

/** A small RFC 4180 parser: quoted fields, doubled quotes, CRLF or LF record ends. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      continue;
    } else if (ch === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field || row.length) rows.push([...row, field]);
  return rows;
}

describe('CSV cells', () => {
  it('neutralises formula starts and quotes special characters', () => {
    expect(
      ['=1+1', '+1', '-1', '@SUM(A1)', '\tx', '\rx', 'plain', 'a,b', 'say "hi"', null].map(csvCell),
    ).toEqual([
      "'=1+1",
      "'+1",
      "'-1",
      "'@SUM(A1)",
      "'\tx",
      '"\'\rx"',
      'plain',
      '"a,b"',
      '"say ""hi"""',
      '',
    ]);
    expect(parseCsv(toCsv(['a', 'b'], [['x\ny', '=2']]))).toEqual([
      ['a', 'b'],
      ['x\ny', "'=2"],
    ]);
  });
});

describe('evidence exports', () => {
  let t: TestApp;
  let w: World;
  let assessor: string;
  let attemptId: string;
  const reason = '=HYPERLINK("http://x.test","click"), then\nmore';
  beforeEach(async () => {
    t = await createTestApp();
    w = await buildWorld(t);
    assessor = w.cookies.assessor ?? '';
    attemptId = await gradedAttempt(t, w.cookies.learner ?? '');
    const view = await reviewOf(t, assessor, attemptId);
    const core = view.gradings.find((g) => g.rubric.id === 'core-webchat');
    const res = await decide(t, assessor, attemptId, {
      gradingId: core?.id,
      criterionId: 'options',
      action: 'override',
      reason,
      evidence: [
        { turn: 5, quote: 'You could book the standard connection on Saturday or a same-day one' },
      ],
      expectedVersion: 0,
    });
    expect(res.status).toBe(201);
  });
  afterEach(() => t.close());

  const get = (query: string) =>
    t.app.request(`/api/review/exports?${query}`, { headers: { cookie: assessor } });

  it('exports a learner as CSV that parses back to the decisions, formulas neutralised', async () => {
    const res = await get(`scope=learner&id=${w.ids.learner}&format=csv`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const [header, ...rows] = parseCsv(await res.text());
    expect(header).toEqual([...EXPORT_COLUMNS]);
    expect(rows).toHaveLength(1);
    const record = Object.fromEntries(header?.map((h, i) => [h, rows[0]?.[i]]) ?? []);
    expect(record).toEqual({
      attemptId,
      learnerId: w.ids.learner,
      learnerName: 'Lee Learner',
      scenarioId: 'energy-move-in',
      scenarioVersion: expect.any(String),
      rubricId: 'core-webchat',
      rubricVersion: '1.0.0',
      graderMode: 'offline',
      graderModel: '',
      promptVersion: expect.any(String),
      criterionId: 'options',
      decisionVersion: '1',
      current: 'true',
      action: 'override',
      aiVerdict: 'not_yet',
      finalVerdict: 'met',
      assessorId: w.ids.assessor,
      assessorName: 'Ari Assessor',
      reason: `'${reason}`,
      evidence: 'turn 5: "You could book the standard connection on Saturday or a same-day one"',
      afterSignOff: 'false',
      signedOff: 'false',
      attemptVoid: 'false',
      decidedAt: '2026-11-23T09:00:00.000Z',
    });
    const [audit] = await t.db.select().from(auditLog).orderBy(desc(auditLog.seq)).limit(1);
    expect([audit?.action, audit?.entityId, JSON.parse(audit?.after ?? 'null')]).toEqual([
      'export.created',
      `learner:${w.ids.learner}`,
      { scope: 'learner', id: w.ids.learner, format: 'csv', records: 1 },
    ]);
  });

  it('exports a group and a standard as JSON with the evidence quotes', async () => {
    for (const query of [`scope=group&id=${DEMO_GROUP_ID}`, 'scope=standard&id=core-webchat']) {
      const res = await get(query);
      expect(res.status).toBe(200);
      const body = (await res.json()) as { records: Array<Record<string, unknown>> };
      expect(
        body.records.map((r) => [r.criterionId, r.finalVerdict, r.reason, r.evidence]),
      ).toEqual([
        [
          'options',
          'met',
          reason,
          [
            {
              turn: 5,
              quote: 'You could book the standard connection on Saturday or a same-day one',
            },
          ],
        ],
      ]);
    }
    expect(
      ((await (await get('scope=standard&id=sqa-dn8j')).json()) as { records: unknown[] }).records,
    ).toEqual([]);
  });

  it('gives NOT_FOUND for a learner, group or standard outside the organisation', async () => {
    for (const query of [
      `scope=learner&id=${w.ids.foreignLearner}`,
      'scope=group&id=grp_nope',
      'scope=standard&id=nope',
    ])
      expect((await get(query)).status).toBe(404);
  });
});
