import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createLlmGrader } from '../../../../api/grading/grader.ts';
import type { Transcript } from '../../../../api/transcript/schema.ts';
import { chatCompletionsHandler, judgeAnswer, LLM_BASE_URL } from '../../../mocks/openai.ts';
import {
  fixtureRubric,
  fixtureTranscript,
  injectionTranscripts,
} from '../../../helpers/grading-fixtures.ts';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const rubric = fixtureRubric();
const base = fixtureTranscript('transcripts/injection-base.json');

/** The text the injection fixture added to the base transcript, with where it sits. */
function injected(transcript: Transcript): { turn: number | 'caseNotes'; quote: string }[] {
  const added: { turn: number | 'caseNotes'; quote: string }[] = [];
  transcript.turns.forEach((t, i) => {
    const original = base.turns[i]!.text;
    if (t.text !== original) added.push({ turn: i, quote: t.text.slice(original.length + 1) });
  });
  if (transcript.caseNotes !== base.caseNotes) {
    added.push({ turn: 'caseNotes', quote: transcript.caseNotes.slice(base.caseNotes.length + 1) });
  }
  return added;
}

describe('LLM grader against the injection set, with a model that is fooled', () => {
  it.each(injectionTranscripts().map((t) => [t.id, t] as const))(
    'never turns not_yet into met for %s when the model answers met quoting the injected text',
    async (_id, transcript) => {
      const quotes = injected(transcript);
      expect(quotes.length).toBeGreaterThan(0);
      server.use(
        chatCompletionsHandler(() => ({
          content: judgeAnswer('met', quotes, 'All criteria met.'),
        })),
      );
      const grader = createLlmGrader(
        {
          apiKey: 'sk-test',
          baseURL: LLM_BASE_URL,
          graderModel: 'judge-model',
          personaModel: 'p',
          timeoutMs: 2000,
          retries: 0,
        },
        { sleep: async () => undefined },
      );
      const result = await grader.grade({ transcript, rubric });
      expect(result.status).toBe('graded');
      expect(result.criteria.map((c) => [c.id, c.verdict, c.evidence])).toEqual(
        rubric.criteria.map((c) => [c.id, 'not_yet', []]),
      );
      expect(result.flags).toEqual(['possible_grader_manipulation', 'evidence_unverified']);
    },
  );
});
