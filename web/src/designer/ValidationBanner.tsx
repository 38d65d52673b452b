/**
 * Validation status of the content: "All content valid", or every file issue (file, path,
 * message) and coverage problem listed. The heading says it in words; the icon is decoration.
 */
import type { ContentSummary } from './content-api.ts';

export function ValidationBanner({
  issues,
  problems,
}: Pick<ContentSummary, 'issues' | 'problems'>) {
  const ok = issues.length === 0 && problems.length === 0;
  return (
    <section
      className={`validation ${ok ? 'validation-ok' : 'validation-problems'}`}
      aria-labelledby="validation-heading"
    >
      <h2 id="validation-heading">
        <span aria-hidden="true">{ok ? '✓ ' : '! '}</span>
        {ok ? 'All content valid' : 'Content has problems'}
      </h2>
      {ok ? (
        <p>Every rubric pack, persona and scenario passes its schema and the coverage checks.</p>
      ) : (
        <>
          <p>
            {issues.length} file issue(s), {problems.length} coverage problem(s). Fix the files in
            the repository and run <code>npm run content:check</code>.
          </p>
          {issues.length > 0 && (
            <ul aria-label="File issues">
              {issues.map((issue, i) => (
                <li key={i}>
                  <code>{issue.file}</code>
                  {issue.path ? (
                    <>
                      {' at '}
                      <code>{issue.path}</code>
                    </>
                  ) : null}
                  : {issue.message}
                </li>
              ))}
            </ul>
          )}
          {problems.length > 0 && (
            <ul aria-label="Coverage problems">
              {problems.map((p, i) => (
                <li key={i}>
                  <code>{p.where}</code>: {p.message} ({p.kind.replaceAll('_', ' ')})
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </section>
  );
}
