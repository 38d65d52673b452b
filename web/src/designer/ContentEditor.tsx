/**
 * Edit a persona or scenario as YAML: the newest version is loaded into a text area; Validate
 * checks it on the server (field errors listed with their paths), Save stores it as a new
 * version of this organisation (the repo's files never change). The history lists every
 * version with a YAML download and a link that opens the playground on it. The YAML is only
 * ever shown as text in the text area.
 */
import { useCallback, useEffect, useId, useState, type FormEvent } from 'react';
import { ApiError } from '../api/client.ts';
import { AppLink } from '../app/AppLink.tsx';
import {
  fetchVersions,
  fetchVersionText,
  saveYaml,
  validateYaml,
  type ContentSummary,
  type EditableKind,
  type VersionEntry,
} from './content-api.ts';
import { EditIssues, issuesOf, type EditIssue } from './EditIssues.tsx';
import { VersionHistory } from './VersionHistory.tsx';

/** Largest YAML the server accepts (64 KB). */
const MAX_YAML = 64 * 1024;

type Outcome =
  | { kind: 'none' }
  | { kind: 'valid'; nextVersion: string }
  | { kind: 'saved'; version: string }
  | { kind: 'invalid'; message: string; issues: EditIssue[] };

export function ContentEditor({
  kind,
  id,
  summary,
}: {
  kind: EditableKind;
  id: string;
  summary: ContentSummary;
}) {
  const [versions, setVersions] = useState<VersionEntry[] | null>(null);
  const [yaml, setYaml] = useState('');
  const [basedOn, setBasedOn] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const [outcome, setOutcome] = useState<Outcome>({ kind: 'none' });
  const [loadError, setLoadError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const yamlId = useId();
  const noteId = useId();
  const singular = kind === 'personas' ? 'persona' : 'scenario';
  const title =
    kind === 'personas'
      ? summary.personas.find((p) => p.id === id)?.name
      : summary.scenarios.find((s) => s.id === id)?.title;

  const load = useCallback(
    async (version?: string) => {
      try {
        const list = await fetchVersions(kind, id);
        setVersions(list);
        const wanted = version ?? list[0]?.version;
        if (!wanted) return;
        const text = await fetchVersionText(kind, id, wanted);
        setYaml(text.yaml);
        setBasedOn(text.version);
        setLoadError(null);
      } catch (err) {
        setLoadError(err instanceof Error ? err.message : `Could not load this ${singular}.`);
      }
    },
    [kind, id, singular],
  );
  useEffect(() => {
    void load();
  }, [load]);

  async function act(action: 'validate' | 'save') {
    setBusy(true);
    try {
      if (action === 'validate') {
        const check = await validateYaml(kind, id, yaml);
        setOutcome(
          check.nextVersion !== null
            ? { kind: 'valid', nextVersion: check.nextVersion }
            : { kind: 'invalid', message: 'The YAML has problems.', issues: check.issues },
        );
      } else {
        const saved = await saveYaml(kind, id, {
          yaml,
          basedOnVersion: basedOn ?? '0.0.0',
          ...(note.trim() ? { note: note.trim() } : {}),
        });
        setOutcome({ kind: 'saved', version: saved.version });
        setNote('');
        await load(saved.version);
      }
    } catch (err) {
      setOutcome({
        kind: 'invalid',
        message: err instanceof Error ? err.message : 'Could not check the YAML.',
        issues: err instanceof ApiError ? issuesOf(err.details) : [],
      });
    } finally {
      setBusy(false);
    }
  }

  function submit(e: FormEvent) {
    e.preventDefault();
    void act('save');
  }

  const scenarioFor =
    kind === 'scenarios' ? id : summary.scenarios.find((s) => s.persona === id)?.id;
  return (
    <article className="editor" aria-labelledby="editor-heading">
      <AppLink to="/designer" className="back-link">
        <span aria-hidden="true">← </span>Back to content
      </AppLink>
      <h2 id="editor-heading">
        Edit {singular}: {title ?? id}
      </h2>
      <p className="hint">
        Each save is a new version for your organisation; the shipped file in the repository is not
        changed. The version number is set on save.
      </p>
      {loadError && (
        <p role="alert" className="error">
          {loadError}
        </p>
      )}
      <form onSubmit={submit} className="editor-form">
        <label htmlFor={yamlId}>
          YAML {basedOn && <span className="hint">(editing from version {basedOn})</span>}
        </label>
        <textarea
          id={yamlId}
          className="yaml"
          rows={24}
          spellCheck={false}
          maxLength={MAX_YAML}
          value={yaml}
          onChange={(e) => {
            setYaml(e.target.value);
            setOutcome({ kind: 'none' });
          }}
        />
        <label htmlFor={noteId}>Note (optional)</label>
        <input
          id={noteId}
          type="text"
          maxLength={500}
          value={note}
          onChange={(e) => setNote(e.target.value)}
        />
        <div className="actions">
          <button
            type="button"
            className="secondary"
            disabled={busy || !yaml}
            onClick={() => void act('validate')}
          >
            Validate
          </button>
          <button type="submit" disabled={busy || !yaml || !basedOn}>
            Save as new version
          </button>
        </div>
      </form>
      <div aria-live="polite">
        {outcome.kind === 'valid' && (
          <p className="ok">Valid. Saving will create version {outcome.nextVersion}.</p>
        )}
        {outcome.kind === 'saved' && <p className="ok">Saved version {outcome.version}.</p>}
      </div>
      {outcome.kind === 'invalid' && (
        <EditIssues message={outcome.message} issues={outcome.issues} />
      )}
      {versions && (
        <VersionHistory
          kind={kind}
          id={id}
          versions={versions}
          scenarioFor={scenarioFor}
          onLoad={(v) => {
            setOutcome({ kind: 'none' });
            void load(v);
          }}
        />
      )}
    </article>
  );
}
