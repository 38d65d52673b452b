/**
 * Reads a chat-completions request body for the fake server (zod at the edge): the messages as
 * text, the prompt as the provider would cache it, and the streaming flags.
 */
import { z } from 'zod';

const content = z.union([
  z.string(),
  z.array(z.looseObject({ type: z.string(), text: z.string().optional() })),
  z.null(),
]);

const bodySchema = z.looseObject({
  model: z.string().min(1),
  messages: z.array(z.looseObject({ role: z.string(), content: content.optional() })).min(1),
  stream: z.boolean().optional(),
  stream_options: z.looseObject({ include_usage: z.boolean().optional() }).nullish(),
  max_tokens: z.number().int().positive().nullish(),
  max_completion_tokens: z.number().int().positive().nullish(),
});

/** The parts of a request the fake uses. */
export interface ChatRequest {
  model: string;
  stream: boolean;
  includeUsage: boolean;
  maxTokens: number | null;
  /** All system messages joined. */
  system: string;
  /** The last user message. */
  lastUser: string;
  /** Every user message, joined (a judge call has the transcript, then the criterion). */
  allUser: string;
  /** Every message, in order, as the prefix cache sees it. */
  promptText: string;
}

function textOf(c: z.infer<typeof content> | undefined): string {
  if (typeof c === 'string') return c;
  if (!c) return '';
  return c.map((p) => p.text ?? '').join('');
}

/** Parses a request body; a reason when it is not a chat-completions request. */
export function readChatRequest(
  raw: string,
): { ok: true; request: ChatRequest } | { ok: false; reason: string } {
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return { ok: false, reason: 'body is not JSON' };
  }
  const parsed = bodySchema.safeParse(json);
  if (!parsed.success)
    return { ok: false, reason: `bad request: ${parsed.error.issues[0]?.message ?? 'invalid'}` };
  const b = parsed.data;
  const messages = b.messages.map((m) => ({ role: m.role, text: textOf(m.content) }));
  return {
    ok: true,
    request: {
      model: b.model,
      stream: b.stream === true,
      includeUsage: b.stream_options?.include_usage === true,
      maxTokens: b.max_tokens ?? b.max_completion_tokens ?? null,
      system: messages
        .filter((m) => m.role === 'system' || m.role === 'developer')
        .map((m) => m.text)
        .join('\n'),
      lastUser: messages.filter((m) => m.role === 'user').at(-1)?.text ?? '',
      allUser: messages
        .filter((m) => m.role === 'user')
        .map((m) => m.text)
        .join('\n'),
      promptText: messages.map((m) => `<|${m.role}|>\n${m.text}\n`).join(''),
    },
  };
}
