import { describe, expect, it } from 'vitest';
import { createPersonaEngine } from '../../../api/roleplay/create-engine.ts';

describe('createPersonaEngine', () => {
  it('plays offline without an LLM and with the LLM persona when one is configured', () => {
    expect(createPersonaEngine({ llm: null, template: '' }).mode).toBe('offline');
    const llm = {
      apiKey: 'k',
      baseURL: 'http://llm.test/v1',
      personaModel: 'p',
      graderModel: 'g',
      timeoutMs: 1000,
      retries: 1,
    };
    expect(createPersonaEngine({ llm, template: 'x' }).mode).toBe('llm');
  });
});
