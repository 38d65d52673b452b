/**
 * RAPPORT_LOG_REDACT_TEXT: with the switch on, learner messages, case notes, persona replies and
 * model prompts never reach a log line (length and hash instead), quoted passages in errors are
 * replaced too, and ids, counts and codes stay readable. With it off, lines are unchanged.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createLogger } from '#api/lib/logger.ts';
import { redactedText } from '#api/lib/log-redact.ts';

const FIXED = () => new Date('2026-11-23T09:00:00.000Z');
const LEARNER = 'My account number is 12345678 and I live at 4 Elm Street';
const hash = (t: string) => createHash('sha256').update(t).digest('hex').slice(0, 12);

function capture(redactText: boolean) {
  const lines: unknown[] = [];
  const logger = createLogger('debug', (l) => lines.push(JSON.parse(l)), FIXED, { redactText });
  return { lines, logger };
}

const fields = {
  attemptId: 'att_1',
  text: LEARNER,
  caseNotes: { needed: 'Power on', done: 'Booked read' },
  reply: 'Thanks, that is Saturday.',
  prompt: 'You are Aroha, a customer…',
  messages: [{ role: 'user', content: LEARNER }],
  error: `the persona model refused "${LEARNER}"`,
  tokens: 42,
};

describe('log redaction', () => {
  it('replaces free text by its length and hash when on', () => {
    const { lines, logger } = capture(true);
    logger.error('persona reply failed', fields);
    expect(lines).toEqual([
      {
        time: '2026-11-23T09:00:00.000Z',
        level: 'error',
        msg: 'persona reply failed',
        attemptId: 'att_1',
        text: `[redacted ${LEARNER.length} chars sha256:${hash(LEARNER)}]`,
        caseNotes: redactedText(JSON.stringify(fields.caseNotes)),
        reply: redactedText(fields.reply),
        prompt: redactedText(fields.prompt),
        messages: redactedText(JSON.stringify(fields.messages)),
        error: `the persona model refused ${redactedText(LEARNER)}`,
        tokens: 42,
      },
    ]);
    expect(JSON.stringify(lines)).not.toContain('12345678');
    expect(JSON.stringify(lines)).not.toContain('Elm Street');
  });

  it('redacts text fields nested in other fields', () => {
    const { lines, logger } = capture(true);
    logger.info('request', { detail: { turns: [{ text: LEARNER }] }, status: 201 });
    expect(JSON.stringify(lines)).not.toContain('Elm Street');
    expect(lines).toEqual([
      expect.objectContaining({
        status: 201,
        detail: { turns: expect.stringMatching(/^\[redacted \d+ chars/) as string },
      }),
    ]);
  });

  it('leaves lines unchanged when off', () => {
    const { lines, logger } = capture(false);
    logger.warn('x', fields);
    expect(lines).toEqual([
      { time: '2026-11-23T09:00:00.000Z', level: 'warn', msg: 'x', ...fields },
    ]);
  });
});
