/**
 * One judge call for one criterion, with our retry policy: transient errors (429, 5xx, timeouts)
 * are retried with back-off up to `retries` times; a malformed or refused answer is retried once
 * with the validation error appended; after that the criterion fails with the reason. Never a
 * default verdict.
 */
import { AIMessage, HumanMessage, SystemMessage, type BaseMessage } from '@langchain/core/messages';
import { answerText, usageOf, type JudgeModel } from './model.ts';
import { parseJudgeOutput, type JudgeOutput } from './output.ts';
import { describeError, isTransient, retryDelayMs } from './retry.ts';

/** Tokens used by one criterion's calls, summed over retries. */
export interface JudgeUsage {
  input: number;
  cached: number;
  output: number;
}

export type JudgeResult =
  | { ok: true; output: JudgeOutput; usage: JudgeUsage }
  | { ok: false; reason: string; usage: JudgeUsage };

/** Dependencies of a judge call; tests inject `sleep` and `now`. */
export interface JudgeDeps {
  model: JudgeModel;
  /** Transient-error retries allowed (LlmSettings.retries). */
  retries: number;
  sleep: (ms: number) => Promise<void>;
  now: () => number;
}

/**
 * Runs the judge for one criterion: `prefix` is the stable system prompt, `data` the transcript,
 * `task` the message naming the criterion (last, so everything before it can be cached).
 */
export async function runJudge(
  prefix: string,
  data: string,
  task: string,
  deps: JudgeDeps,
): Promise<JudgeResult> {
  const usage: JudgeUsage = { input: 0, cached: 0, output: 0 };
  const messages: BaseMessage[] = [
    new SystemMessage(prefix),
    new HumanMessage(data),
    new HumanMessage(task),
  ];
  let transientRetries = 0;
  let formatRetried = false;
  for (;;) {
    let answer: AIMessage;
    try {
      answer = await deps.model.invoke(messages);
    } catch (err) {
      if (isTransient(err) && transientRetries < deps.retries) {
        await deps.sleep(retryDelayMs(err, transientRetries, deps.now()));
        transientRetries += 1;
        continue;
      }
      const tries = transientRetries > 0 ? ` after ${transientRetries + 1} attempts` : '';
      return { ok: false, reason: `${describeError(err)}${tries}`, usage };
    }
    const used = usageOf(answer);
    usage.input += used.input;
    usage.cached += used.cached;
    usage.output += used.output;
    const { text, refusal } = answerText(answer);
    const parsed = refusal
      ? { ok: false as const, reason: `the model refused: ${refusal}` }
      : parseJudgeOutput(text);
    if (parsed.ok) return { ok: true, output: parsed.output, usage };
    if (formatRetried)
      return { ok: false, reason: `unusable answer after one retry: ${parsed.reason}`, usage };
    formatRetried = true;
    messages.push(
      new AIMessage(text || '(no answer)'),
      new HumanMessage(
        `Your previous answer could not be used: ${parsed.reason}. Reply again with only the JSON object described in the instructions.`,
      ),
    );
  }
}
