/** A minimal history router: the SPA has a handful of top-level pages, no nested routing. */
import { useCallback, useEffect, useState } from 'react';

/** The current path and a function to move to another one. */
export function useRoute(): [string, (path: string) => void] {
  const [path, setPath] = useState(() => window.location.pathname);
  useEffect(() => {
    const onPop = () => setPath(window.location.pathname);
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);
  const navigate = useCallback((to: string) => {
    if (to !== window.location.pathname) window.history.pushState(null, '', to);
    setPath(to);
  }, []);
  return [path, navigate];
}

/**
 * Moves to another page of the app from anywhere (no navigate prop needed): pushes the URL and
 * tells `useRoute` through the popstate event it already listens to.
 */
export function navigateTo(to: string): void {
  window.history.pushState(null, '', to);
  window.dispatchEvent(new PopStateEvent('popstate'));
}
