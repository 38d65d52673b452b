/**
 * The signed-in layout: a header with the organisation, the engine mode and sign-out, the
 * navigation for the person's roles, and the page for the current path.
 */
import { useEffect, useRef } from 'react';
import { authPost } from '../api/client.ts';
import type { Me } from '../auth/session.ts';
import { navFor } from './nav.ts';
import { Page } from './Page.tsx';
import { useRoute } from './router.ts';

export function Shell({ me, onSignedOut }: { me: Me; onSignedOut: () => void }) {
  const [path, navigate] = useRoute();
  const items = navFor(me.roles);
  const current = items.find((i) => path === i.path || path.startsWith(`${i.path}/`)) ?? items[0];
  const mainRef = useRef<HTMLElement>(null);

  useEffect(() => {
    if (current && path !== current.path && !path.startsWith(`${current.path}/`))
      navigate(current.path);
  }, [current, path, navigate]);

  async function signOut() {
    try {
      await authPost('sign-out', {});
    } finally {
      window.history.replaceState(null, '', '/');
      onSignedOut();
    }
  }

  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="topbar">
        <span className="brand">Rapport</span>
        <span className="org">{me.organisation.name}</span>
        <span
          className={`mode mode-${me.mode}`}
          title={
            me.mode === 'offline'
              ? 'No LLM is configured: the offline persona engine and grader are used.'
              : 'Connected to an LLM provider.'
          }
        >
          {me.mode === 'offline' ? 'Offline mode' : 'LLM mode'}
        </span>
        <span className="user">{me.user.name}</span>
        <button type="button" className="secondary" onClick={() => void signOut()}>
          Sign out
        </button>
      </header>
      <nav aria-label="Main">
        <ul>
          {items.map((item) => (
            <li key={item.path}>
              <a
                href={item.path}
                aria-current={item === current ? 'page' : undefined}
                onClick={(e) => {
                  e.preventDefault();
                  navigate(item.path);
                  mainRef.current?.focus();
                }}
              >
                {item.label}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <main id="main" ref={mainRef} tabIndex={-1}>
        {current ? <Page item={current} me={me} path={path} navigate={navigate} /> : <NoRole />}
      </main>
    </div>
  );
}

function NoRole() {
  return (
    <section>
      <h1>No role yet</h1>
      <p>Your account has no role in this organisation. Ask an admin to give you one.</p>
    </section>
  );
}
