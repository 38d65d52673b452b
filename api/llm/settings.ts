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
  /**
   * How long the other judge calls of a grading wait after the first one started, so the
   * provider has processed the shared prompt prefix and serves it from its cache (0 = all at
   * once). Providers cache a prefix only once a request with it has been processed.
   */
  judgeStaggerMs?: number;
}
