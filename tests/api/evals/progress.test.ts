import { describe, expect, it } from 'vitest';
import { createProgress } from '../../../api/evals/progress.ts';

function record(isTTY: boolean) {
  let out = '';
  const progress = createProgress({ write: (t) => (out += t), isTTY }, 2);
  progress.tick('suite case-a', 'pass');
  progress.tick('suite case-b', 'fail');
  progress.done();
  return out;
}

describe('eval progress', () => {
  it('prints plain lines when stderr is not a terminal', () => {
    expect(record(false)).toBe('evals: [1/2] suite case-a pass\nevals: [2/2] suite case-b fail\n');
  });

  it('redraws one bar on a terminal and ends the line when done', () => {
    const out = record(true);
    expect(out.split('\r\x1b[2K')).toEqual([
      '',
      `${'█'.repeat(12)}${'░'.repeat(12)} 1/2 suite case-a`,
      `${'█'.repeat(24)} 2/2 suite case-b\n`,
    ]);
  });
});
