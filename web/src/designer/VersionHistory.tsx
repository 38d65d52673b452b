/**
 * Every version of a persona or scenario, newest first: the shipped file's and the stored ones,
 * each with a YAML download, a button to load it into the editor, and a link that opens the
 * playground on it.
 */
import { AppLink } from '../app/AppLink.tsx';
import { yamlDownloadUrl, type EditableKind, type VersionEntry } from './content-api.ts';
import { formatTime } from './eval-format.ts';

/** The playground URL for one version. */
export function playgroundUrl(
  kind: EditableKind,
  scenarioId: string,
  v: Pick<VersionEntry, 'version' | 'source'>,
): string {
  const query = new URLSearchParams({ scenario: scenarioId });
  if (v.source === 'stored')
    query.set(kind === 'personas' ? 'personaVersion' : 'scenarioVersion', v.version);
  return `/designer/playground?${query.toString()}`;
}

/** The eval runs page, starting runs on one stored version. */
export function evalsUrl(kind: EditableKind, id: string, version: string): string {
  const query = new URLSearchParams({
    kind: kind === 'personas' ? 'persona' : 'scenario',
    id,
    version,
  });
  return `/designer/evals?${query.toString()}`;
}

export function VersionHistory({
  kind,
  id,
  versions,
  scenarioFor,
  onLoad,
}: {
  kind: EditableKind;
  id: string;
  versions: VersionEntry[];
  /** The scenario the playground plays (for a persona: one that uses it); none hides the link. */
  scenarioFor: string | undefined;
  onLoad: (version: string) => void;
}) {
  return (
    <section aria-labelledby="versions-heading">
      <h3 id="versions-heading">Versions</h3>
      <table>
        <caption className="visually-hidden">Versions, newest first</caption>
        <thead>
          <tr>
            <th scope="col">Version</th>
            <th scope="col">Source</th>
            <th scope="col">Note</th>
            <th scope="col">Actions</th>
          </tr>
        </thead>
        <tbody>
          {versions.map((v) => (
            <tr key={v.version}>
              <th scope="row">{v.version}</th>
              <td>
                {v.source === 'file'
                  ? 'Shipped file'
                  : `Saved by ${v.authorName ?? 'a designer'}${v.createdAt ? ` on ${formatTime(v.createdAt)}` : ''}`}
                {v.basedOnVersion && ` (from ${v.basedOnVersion})`}
              </td>
              <td>{v.note ?? '–'}</td>
              <td className="row-actions">
                <button type="button" className="link-button" onClick={() => onLoad(v.version)}>
                  Load {v.version}
                </button>
                <a href={yamlDownloadUrl(kind, id, v.version)} download>
                  Download {v.version} as YAML
                </a>
                {scenarioFor && (
                  <AppLink to={playgroundUrl(kind, scenarioFor, v)}>
                    Play {v.version} in playground
                  </AppLink>
                )}
                {v.source === 'stored' && (
                  <AppLink to={evalsUrl(kind, id, v.version)}>Run evals on {v.version}</AppLink>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
