/**
 * Agreement between two raters on binary labels (AI vs assessor, offline grader vs golden set):
 * Cohen's κ, percentage agreement and the 2×2 confusion matrix.
 */

/** Counts of label pairs; rows are rater A, columns rater B. `met` is the positive label. */
export interface ConfusionMatrix {
  bothMet: number;
  aMetBNotYet: number;
  aNotYetBMet: number;
  bothNotYet: number;
}

/** Agreement summary. `kappa` is null when chance agreement is 1 (both raters constant and equal) or there are no pairs. */
export interface Agreement {
  n: number;
  percentAgreement: number | null;
  kappa: number | null;
  confusion: ConfusionMatrix;
}

/** Builds the confusion matrix from paired labels (true = met). */
export function confusionMatrix(pairs: readonly (readonly [boolean, boolean])[]): ConfusionMatrix {
  const m: ConfusionMatrix = { bothMet: 0, aMetBNotYet: 0, aNotYetBMet: 0, bothNotYet: 0 };
  for (const [a, b] of pairs) {
    if (a && b) m.bothMet += 1;
    else if (a) m.aMetBNotYet += 1;
    else if (b) m.aNotYetBMet += 1;
    else m.bothNotYet += 1;
  }
  return m;
}

/** Cohen's κ from a confusion matrix: (po − pe) / (1 − pe); null when pe = 1 or n = 0. */
export function cohensKappaFromMatrix(m: ConfusionMatrix): number | null {
  const n = m.bothMet + m.aMetBNotYet + m.aNotYetBMet + m.bothNotYet;
  if (n === 0) return null;
  const po = (m.bothMet + m.bothNotYet) / n;
  const aMet = (m.bothMet + m.aMetBNotYet) / n;
  const bMet = (m.bothMet + m.aNotYetBMet) / n;
  const pe = aMet * bMet + (1 - aMet) * (1 - bMet);
  if (pe >= 1) return null;
  return (po - pe) / (1 - pe);
}

/** κ, % agreement (0–100) and confusion matrix for paired binary labels. */
export function agreement(pairs: readonly (readonly [boolean, boolean])[]): Agreement {
  const confusion = confusionMatrix(pairs);
  const n = pairs.length;
  return {
    n,
    percentAgreement: n === 0 ? null : ((confusion.bothMet + confusion.bothNotYet) / n) * 100,
    kappa: cohensKappaFromMatrix(confusion),
    confusion,
  };
}
