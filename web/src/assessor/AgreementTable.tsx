/**
 * Agreement figures of one rubric version as an accessible table: per criterion n, Cohen's κ,
 * % agreement and the four cells of the 2×2 confusion matrix (rows: rater A, columns: rater B).
 */
import type { CriterionAgreement } from './iqa-api.ts';

/** κ to two decimals, or a dash when undefined (no pairs, or both raters constant). */
export const formatKappa = (k: number | null) => (k === null ? '—' : k.toFixed(2));
/** % agreement to one decimal, or a dash. */
export const formatPercent = (p: number | null) => (p === null ? '—' : `${p.toFixed(1)} %`);

export function AgreementTable({
  caption,
  rows,
  raters,
  titleOf,
}: {
  caption: string;
  rows: CriterionAgreement[];
  raters: { a: string; b: string };
  titleOf: (criterionId: string) => string;
}) {
  return (
    <div className="table-scroll">
      <table className="agreement">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Criterion</th>
            <th scope="col">n</th>
            <th scope="col">κ</th>
            <th scope="col">Agreement</th>
            <th scope="col">Both met</th>
            <th scope="col">
              {raters.a} met, {raters.b} not yet
            </th>
            <th scope="col">
              {raters.a} not yet, {raters.b} met
            </th>
            <th scope="col">Both not yet</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.criterionId}>
              <th scope="row">{titleOf(r.criterionId)}</th>
              <td>{r.n}</td>
              <td>{formatKappa(r.kappa)}</td>
              <td>{formatPercent(r.percentAgreement)}</td>
              <td>{r.confusion.bothMet}</td>
              <td>{r.confusion.aMetBNotYet}</td>
              <td>{r.confusion.aNotYetBMet}</td>
              <td>{r.confusion.bothNotYet}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
