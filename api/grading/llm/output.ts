/**
 * The judge's structured output, validated with zod. We ask for JSON mode
 * (`response_format: {type: "json_object"}`), which OpenAI-compatible servers (OpenAI, vLLM,
 * Ollama, LiteLLM) widely support, and validate the content ourselves, so a validation error can
 * be sent back to the model once.
 */
import { z } from 'zod';

export const judgeOutputSchema = z.object({
  verdict: z.enum(['met', 'not_yet']),
  evidence: z
    .array(
      z.object({
        turn: z.union([z.number().int().min(0), z.literal('caseNotes')]),
        quote: z.string().min(1),
      }),
    )
    .max(10),
  feedback: z.string().min(1).max(2000),
});

export type JudgeOutput = z.infer<typeof judgeOutputSchema>;

/** Parses a model answer; returns the output or a one-line reason it is unusable. */
export function parseJudgeOutput(
  content: string,
): { ok: true; output: JudgeOutput } | { ok: false; reason: string } {
  const trimmed = content.trim().replace(/^```(?:json)?\s*|\s*```$/g, '');
  let raw: unknown;
  try {
    raw = JSON.parse(trimmed);
  } catch {
    return { ok: false, reason: 'the answer was not valid JSON' };
  }
  const parsed = judgeOutputSchema.safeParse(raw);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.') || 'answer'}: ${i.message}`);
    return {
      ok: false,
      reason: `the answer did not match the schema (${issues.slice(0, 3).join('; ')})`,
    };
  }
  return { ok: true, output: parsed.data };
}
