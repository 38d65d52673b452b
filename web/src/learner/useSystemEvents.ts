/**
 * Logs systems-panel use (CRM opened, identity verified, knowledge-base search and article,
 * actions) as attempt events. Each use gets one client event id, kept across automatic re-sends
 * after a network drop, so the server stores it once.
 */
import { useCallback, useState } from 'react';
import { addEvent } from './attempt-state.ts';
import { errorMessage, isNetworkError } from './errors.ts';
import { newClientId } from './ids.ts';
import { postEvent, type SystemEventKind } from './learner-api.ts';
import type { AttemptState } from './useAttempt.ts';

const RESEND_DELAYS_MS = [500, 1_500];

/** A function that logs one event (resolves true when stored) and the last error. */
export function useSystemEvents(attemptId: string, setView: AttemptState['setView']) {
  const [error, setError] = useState<string | null>(null);
  const log = useCallback(
    async (kind: SystemEventKind, target: string, detail?: string): Promise<boolean> => {
      const clientEventId = newClientId('evt');
      setError(null);
      for (let attempt = 0; ; attempt++) {
        try {
          const event = await postEvent(attemptId, { clientEventId, kind, target, detail });
          setView((v) => v && addEvent(v, event));
          return true;
        } catch (err) {
          const delay = RESEND_DELAYS_MS[attempt];
          if (isNetworkError(err) && delay !== undefined) {
            await new Promise((r) => setTimeout(r, delay));
            continue;
          }
          setError(errorMessage(err, 'Could not record that in the event log.'));
          return false;
        }
      }
    },
    [attemptId, setView],
  );
  return { log, error };
}
