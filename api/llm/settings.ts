/**
 * Settings for the OpenAI-compatible provider, derived from the app config. `null` means no
 * provider is configured and the offline persona engine and grader are used.
 */
export interface LlmSettings {
  apiKey: string;
  /** Any OpenAI-compatible base URL (OpenAI, Azure, Ollama, vLLM, a local fake). */
  baseURL: string;
  personaModel: string;
  graderModel: string;
  /** Per-request timeout; the SDKs' own retries are off and ours (one retry) apply. */
  timeoutMs: number;
  /** How many times we retry a failed call ourselves (transient errors only). */
  retries: number;
}
