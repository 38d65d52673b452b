/** The problems the server found in edited YAML, each with the path of the field it is about. */

/** One problem: `path` is like `voice.typos` ('' for the whole document). */
export interface EditIssue {
  path: string;
  message: string;
}

/** The issues in an error's details, if it has any well-formed ones. */
export function issuesOf(details: Record<string, unknown> | undefined): EditIssue[] {
  const issues = details?.issues;
  if (!Array.isArray(issues)) return [];
  return issues.flatMap((i: unknown) =>
    i &&
    typeof i === 'object' &&
    'path' in i &&
    'message' in i &&
    typeof i.path === 'string' &&
    typeof i.message === 'string'
      ? [{ path: i.path, message: i.message }]
      : [],
  );
}

export function EditIssues({ message, issues }: { message: string; issues: EditIssue[] }) {
  return (
    <section role="alert" className="edit-issues" aria-labelledby="edit-issues-heading">
      <h3 id="edit-issues-heading">Not saved: fix these problems</h3>
      {issues.length === 0 ? (
        <p>{message}</p>
      ) : (
        <ul>
          {issues.map((issue, i) => (
            <li key={i}>
              <code>{issue.path || '(whole document)'}</code>: {issue.message}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
