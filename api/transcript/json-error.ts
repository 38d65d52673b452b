/**
 * Finds where a JSON text first goes wrong. V8's JSON.parse messages differ between Node
 * versions and often omit the position, so bad-input errors locate the problem themselves.
 */

/** Where a JSON text is invalid: a 1-based line and a short reason. */
export interface JsonSyntaxProblem {
  line: number;
  reason: string;
}

class Stop extends Error {
  constructor(
    readonly offset: number,
    readonly reason: string,
  ) {
    super(reason);
  }
}

/** Returns the first syntax problem in `text`, or null when it is valid JSON. */
export function findJsonSyntaxProblem(text: string): JsonSyntaxProblem | null {
  let i = 0;
  const ws = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i]!)) i += 1;
  };
  const describe = () =>
    i >= text.length
      ? 'unexpected end of input'
      : `unexpected character ${JSON.stringify(text[i])}`;
  const expect = (ch: string, what: string) => {
    ws();
    if (text[i] !== ch)
      throw new Stop(i, `expected ${what}, found ${describe().replace('unexpected ', '')}`);
    i += 1;
  };
  const string = () => {
    expect('"', 'a string');
    while (i < text.length && text[i] !== '"') {
      if (text[i] === '\n') throw new Stop(i, 'line break inside a string');
      if (text[i] === '\\') {
        i += 1;
        if (text[i] === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 1, i + 5)))
            throw new Stop(i, 'bad \\u escape');
          i += 4;
        } else if (!'"\\/bfnrt'.includes(text[i] ?? 'x'))
          throw new Stop(i, 'bad escape in a string');
      }
      i += 1;
    }
    if (i >= text.length) throw new Stop(i, 'unterminated string');
    i += 1;
  };
  const value = (): void => {
    ws();
    const ch = text[i];
    if (ch === '{') {
      i += 1;
      ws();
      if (text[i] === '}') return void (i += 1);
      for (;;) {
        string();
        expect(':', '":" after a property name');
        value();
        ws();
        if (text[i] === '}') return void (i += 1);
        expect(',', '"," or "}"');
        ws();
      }
    }
    if (ch === '[') {
      i += 1;
      ws();
      if (text[i] === ']') return void (i += 1);
      for (;;) {
        value();
        ws();
        if (text[i] === ']') return void (i += 1);
        expect(',', '"," or "]"');
      }
    }
    if (ch === '"') return string();
    const literal = /^(?:true|false|null|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?)/.exec(
      text.slice(i, i + 400),
    );
    if (!literal) throw new Stop(i, `${describe()} where a value was expected`);
    i += literal[0].length;
  };
  try {
    value();
    ws();
    if (i < text.length) throw new Stop(i, `${describe()} after the end of the JSON value`);
    return null;
  } catch (err) {
    if (!(err instanceof Stop)) throw err;
    return { line: text.slice(0, err.offset).split('\n').length, reason: err.reason };
  }
}
