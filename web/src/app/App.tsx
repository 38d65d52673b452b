/** Top level: loads the session, then shows the sign-in page or the signed-in shell. */
import { useCallback, useEffect, useState } from 'react';
import { loadMe, type Me } from '../auth/session.ts';
import { SignInPage } from '../auth/SignInPage.tsx';
import { Shell } from './Shell.tsx';

type State =
  | { kind: 'loading' }
  | { kind: 'signedOut' }
  | { kind: 'signedIn'; me: Me }
  | { kind: 'error'; message: string };

export function App() {
  const [state, setState] = useState<State>({ kind: 'loading' });
  const refresh = useCallback(async () => {
    try {
      const me = await loadMe();
      setState(me ? { kind: 'signedIn', me } : { kind: 'signedOut' });
    } catch (err) {
      setState({
        kind: 'error',
        message: err instanceof Error ? err.message : 'Could not reach Rapport.',
      });
    }
  }, []);
  useEffect(() => {
    void refresh();
  }, [refresh]);

  switch (state.kind) {
    case 'loading':
      return (
        <main className="centre" aria-busy="true">
          <p>Loading Rapport…</p>
        </main>
      );
    case 'error':
      return (
        <main className="centre">
          <h1>Rapport is not reachable</h1>
          <p role="alert">{state.message}</p>
          <button type="button" onClick={() => void refresh()}>
            Try again
          </button>
        </main>
      );
    case 'signedOut':
      return <SignInPage onSignedIn={refresh} />;
    case 'signedIn':
      return <Shell me={state.me} onSignedOut={() => setState({ kind: 'signedOut' })} />;
  }
}
