import { describe, expect, it } from 'vitest';
import { agreement, cohensKappaFromMatrix } from '../../../api/grading/kappa.ts';

function pairs(
  bothMet: number,
  aMetBNotYet: number,
  aNotYetBMet: number,
  bothNotYet: number,
): [boolean, boolean][] {
  return [
    ...Array.from({ length: bothMet }, (): [boolean, boolean] => [true, true]),
    ...Array.from({ length: aMetBNotYet }, (): [boolean, boolean] => [true, false]),
    ...Array.from({ length: aNotYetBMet }, (): [boolean, boolean] => [false, true]),
    ...Array.from({ length: bothNotYet }, (): [boolean, boolean] => [false, false]),
  ];
}

describe('agreement', () => {
  it('matches the Wikipedia worked example (20/5/10/15 gives κ = 0.4)', () => {
    const result = agreement(pairs(20, 5, 10, 15));
    expect({ ...result, kappa: Number(result.kappa?.toFixed(10)) }).toEqual({
      n: 50,
      percentAgreement: 70,
      kappa: 0.4,
      confusion: { bothMet: 20, aMetBNotYet: 5, aNotYetBMet: 10, bothNotYet: 15 },
    });
  });

  it('matches the second Wikipedia example (45/15/25/15 gives κ ≈ 0.1304)', () => {
    expect(agreement(pairs(45, 15, 25, 15)).kappa).toBeCloseTo(0.1304, 4);
  });

  it('gives κ = 1 for perfect agreement with both labels present', () => {
    expect(agreement(pairs(7, 0, 0, 3))).toEqual({
      n: 10,
      percentAgreement: 100,
      kappa: 1,
      confusion: { bothMet: 7, aMetBNotYet: 0, aNotYetBMet: 0, bothNotYet: 3 },
    });
  });

  it('gives κ = 0 when agreement is exactly what chance predicts', () => {
    expect(agreement(pairs(25, 25, 25, 25)).kappa).toBe(0);
  });

  it('gives a negative κ for systematic disagreement', () => {
    expect(agreement(pairs(0, 5, 5, 0)).kappa).toBe(-1);
  });

  it('returns null κ when expected agreement is 1 (both raters always say met)', () => {
    expect(agreement(pairs(10, 0, 0, 0))).toEqual({
      n: 10,
      percentAgreement: 100,
      kappa: null,
      confusion: { bothMet: 10, aMetBNotYet: 0, aNotYetBMet: 0, bothNotYet: 0 },
    });
  });

  it('returns nulls for no pairs', () => {
    expect(agreement([])).toEqual({
      n: 0,
      percentAgreement: null,
      kappa: null,
      confusion: { bothMet: 0, aMetBNotYet: 0, aNotYetBMet: 0, bothNotYet: 0 },
    });
    expect(
      cohensKappaFromMatrix({ bothMet: 0, aMetBNotYet: 0, aNotYetBMet: 0, bothNotYet: 0 }),
    ).toBeNull();
  });
});
