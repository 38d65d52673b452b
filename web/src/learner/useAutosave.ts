/**
 * Autosaves case-notes drafts: a save runs once typing pauses, saves run one after another (so
 * an older draft never lands after a newer one), and `flush()` saves what is unsaved now.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { errorMessage } from './errors.ts';
import { saveCaseNotes, type CaseNotes } from './learner-api.ts';

/** Pause in typing before a draft is saved. */
export const AUTOSAVE_DELAY_MS = 800;

/** Where the draft stands. */
export type SaveStatus =
  | { kind: 'idle' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: string }
  | { kind: 'error'; message: string };

export function useAutosave(attemptId: string, notes: CaseNotes, enabled: boolean) {
  const [status, setStatus] = useState<SaveStatus>({ kind: 'idle' });
  const lastSaved = useRef(JSON.stringify(notes));
  const queue = useRef<Promise<boolean>>(Promise.resolve(true));

  const save = useCallback(
    (draft: CaseNotes): Promise<boolean> => {
      queue.current = queue.current.then(async () => {
        const body = JSON.stringify(draft);
        if (body === lastSaved.current) return true;
        setStatus({ kind: 'saving' });
        try {
          const saved = await saveCaseNotes(attemptId, draft);
          lastSaved.current = body;
          setStatus({ kind: 'saved', at: saved.caseNotesUpdatedAt });
          return true;
        } catch (err) {
          setStatus({
            kind: 'error',
            message: errorMessage(err, 'Your notes could not be saved.'),
          });
          return false;
        }
      });
      return queue.current;
    },
    [attemptId],
  );

  useEffect(() => {
    if (!enabled) return;
    const timer = setTimeout(() => void save(notes), AUTOSAVE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [notes, enabled, save]);

  return { status, flush: () => save(notes) };
}
