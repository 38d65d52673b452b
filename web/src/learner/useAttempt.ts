/**
 * Loads an attempt and keeps it fresh: `reload()` re-reads it from the server (the source of
 * truth) and never lets an older answer overwrite a newer one; while a grading is queued or
 * running it is re-read every 2 s.
 */
import {
  useCallback,
  useEffect,
  useRef,
  useState,
  type Dispatch,
  type SetStateAction,
} from 'react';
import { gradingInProgress } from './attempt-state.ts';
import { errorMessage } from './errors.ts';
import { fetchAttempt, type AttemptView } from './learner-api.ts';

/** How often gradings are polled while any is unfinished. */
export const GRADING_POLL_MS = 2_000;

/** The loaded attempt, its load error, a local updater and a reload. */
export interface AttemptState {
  view: AttemptView | null;
  error: string | null;
  /** Applies a local change; reads started before it are then ignored. */
  setView: Dispatch<SetStateAction<AttemptView | null>>;
  /** Re-reads the attempt; resolves to null when it failed or a newer change won. */
  reload: () => Promise<AttemptView | null>;
}

export function useAttempt(id: string): AttemptState {
  const [view, setViewState] = useState<AttemptView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const latest = useRef(0);

  // A local update (a sent message, a finished stream) is newer than any read still in flight.
  const setView = useCallback((next: SetStateAction<AttemptView | null>) => {
    latest.current++;
    setViewState(next);
  }, []);

  const reload = useCallback(async () => {
    const ticket = ++latest.current;
    try {
      const next = await fetchAttempt(id);
      if (ticket !== latest.current) return null;
      setViewState(next);
      setError(null);
      return next;
    } catch (err) {
      if (ticket === latest.current) setError(errorMessage(err, 'Could not load this chat.'));
      return null;
    }
  }, [id]);

  useEffect(() => {
    void reload();
  }, [reload]);

  // After the connection comes back, re-read: messages may have finished while offline.
  useEffect(() => {
    const onOnline = () => void reload();
    window.addEventListener('online', onOnline);
    return () => window.removeEventListener('online', onOnline);
  }, [reload]);

  const polling = view ? gradingInProgress(view) : false;
  useEffect(() => {
    if (!polling) return;
    const timer = setInterval(() => void reload(), GRADING_POLL_MS);
    return () => clearInterval(timer);
  }, [polling, reload]);

  return { view, error, setView, reload };
}
