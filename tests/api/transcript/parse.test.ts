import { describe, expect, it } from 'vitest';
import {
  MAX_TRANSCRIPT_BYTES,
  parseTranscript,
  TranscriptParseError,
} from '../../../api/transcript/parse.ts';

function parseError(text: string, file = 'chat.txt'): TranscriptParseError {
  try {
    parseTranscript(text, file);
  } catch (err) {
    if (err instanceof TranscriptParseError) return err;
    throw err;
  }
  throw new Error('expected a TranscriptParseError');
}

function fields(err: TranscriptParseError) {
  return { file: err.file, line: err.line, reason: err.reason };
}

describe('parseTranscript with JSON', () => {
  it('parses the interchange format and fills defaults', () => {
    const text = JSON.stringify({ id: 't1', turns: [{ speaker: 'agent', text: 'Hi' }] });
    expect(parseTranscript(text, 't1.json')).toEqual({
      id: 't1',
      channel: 'webchat',
      turns: [{ speaker: 'agent', text: 'Hi' }],
      caseNotes: '',
    });
  });

  it('uses the file name as the id when the JSON has none', () => {
    const text = JSON.stringify({
      turns: [{ speaker: 'customer', text: 'hello' }],
      caseNotes: 'n',
    });
    expect(parseTranscript(text, 'dir/chat-7.json').id).toBe('chat-7');
  });

  it('reports bad JSON with the line of the problem', () => {
    const err = parseError('{\n  "id": "t1",\n  "turns" [\n]}', 'bad.json');
    expect(fields(err)).toEqual({
      file: 'bad.json',
      line: 3,
      reason: 'invalid JSON: expected ":" after a property name, found character "["',
    });
  });

  it('reports an unknown speaker with the line of that turn', () => {
    const text =
      '{\n "id": "t",\n "turns": [\n  {"speaker": "agent", "text": "hi"},\n  {"speaker": "bot", "text": "x"}\n ]\n}';
    expect(fields(parseError(text, 'u.json'))).toEqual({
      file: 'u.json',
      line: 5,
      reason: 'turn 1: unknown speaker (use "agent" or "customer")',
    });
  });

  it('rejects an empty transcript', () => {
    expect(fields(parseError('{"id": "t", "turns": []}', 'e.json'))).toEqual({
      file: 'e.json',
      line: undefined,
      reason: 'empty transcript: no turns',
    });
  });

  it('rejects more than 200 turns', () => {
    const turns = Array.from({ length: 201 }, () => ({ speaker: 'agent', text: 'ok' }));
    expect(parseError(JSON.stringify({ id: 't', turns }), 'long.json').reason).toBe(
      'too many turns: 201 (the limit is 200)',
    );
  });

  it('rejects a turn over the character limit', () => {
    const text = JSON.stringify({ id: 't', turns: [{ speaker: 'agent', text: 'a'.repeat(2001) }] });
    expect(parseError(text, 'big.json').reason).toBe(
      'turn 0 is 2001 characters (the limit is 2000)',
    );
  });

  it('rejects files over 200 KB before parsing them', () => {
    const err = parseError('x'.repeat(MAX_TRANSCRIPT_BYTES + 1), 'huge.txt');
    expect(fields(err)).toEqual({
      file: 'huge.txt',
      line: undefined,
      reason: `file is ${MAX_TRANSCRIPT_BYTES + 1} bytes; the limit is ${MAX_TRANSCRIPT_BYTES} (200 KB)`,
    });
  });

  it('rejects unknown fields, since the format is strict', () => {
    const text = JSON.stringify({ id: 't', turns: [{ speaker: 'agent', text: 'hi' }], score: 10 });
    expect(parseError(text, 's.json').reason).toMatch(/^transcript: Unrecognized key/);
  });
});

describe('parseTranscript with plain text', () => {
  it('parses speakers, continuation lines and case notes', () => {
    const text = [
      'Agent: Hi, you are chatting with Sam.',
      'How can I help?',
      '',
      'Customer: my internet is down AGAIN',
      'agent: Sorry to hear that.',
      'Case notes:',
      'Customer reported outage.',
      'Agent: booked engineer.',
    ].join('\n');
    expect(parseTranscript(text, 'notes/chat.txt')).toEqual({
      id: 'chat',
      channel: 'webchat',
      turns: [
        { speaker: 'agent', text: 'Hi, you are chatting with Sam.\nHow can I help?' },
        { speaker: 'customer', text: 'my internet is down AGAIN' },
        { speaker: 'agent', text: 'Sorry to hear that.' },
      ],
      caseNotes: 'Customer reported outage.\nAgent: booked engineer.',
    });
  });

  it('keeps indented lines as continuations even when they contain a colon', () => {
    const text = 'Customer: it says\n  Error: 651\nAgent: thanks';
    expect(parseTranscript(text, 'c.txt').turns[0]).toEqual({
      speaker: 'customer',
      text: 'it says\nError: 651',
    });
  });

  it('reports an unknown speaker with its line', () => {
    expect(fields(parseError('Agent: hi\nSupervisor: hello', 's.txt'))).toEqual({
      file: 's.txt',
      line: 2,
      reason: 'unknown speaker "Supervisor" (use Agent: or Customer:)',
    });
  });

  it('reports text before the first speaker', () => {
    expect(fields(parseError('\nhello there\nAgent: hi', 'p.txt'))).toEqual({
      file: 'p.txt',
      line: 2,
      reason: 'expected a line starting with Agent: or Customer:',
    });
  });

  it('rejects an empty file', () => {
    expect(fields(parseError('\n\n', 'empty.txt'))).toEqual({
      file: 'empty.txt',
      line: undefined,
      reason: 'empty transcript: no turns',
    });
  });

  it('reports the line of the 201st turn', () => {
    const text = Array.from({ length: 201 }, (_, i) => `Agent: turn ${i}`).join('\n');
    expect(fields(parseError(text, 'l.txt'))).toEqual({
      file: 'l.txt',
      line: 201,
      reason: 'too many turns: 201 (the limit is 200)',
    });
  });

  it('reports an empty turn with its line', () => {
    expect(fields(parseError('Agent: hi\nCustomer:\nAgent: ok', 'x.txt'))).toEqual({
      file: 'x.txt',
      line: 2,
      reason: 'turn 1 is empty',
    });
  });
});

describe('parseTranscript JSON error locations', () => {
  it.each([
    [
      '{\n "id": "t",\n "turns": [\n  {"speaker": "agent", "text": "hi"}\n  {"speaker": "agent"}\n ]\n}',
      5,
      'expected "," or "]", found character "{"',
    ],
    ['{\n "id": "t",\n "turns": [', 3, 'unexpected end of input where a value was expected'],
    ['{\n "id": "t\n"}', 2, 'line break inside a string'],
    ['{"id": "t"} x', 1, 'unexpected character "x" after the end of the JSON value'],
    ['{"id": tru}', 1, 'unexpected character "t" where a value was expected'],
  ])('locates the problem in %j', (text, line, reason) => {
    expect(fields(parseError(text, 'j.json'))).toEqual({
      file: 'j.json',
      line,
      reason: `invalid JSON: ${reason}`,
    });
  });
});
