/**
 * Moves keyboard focus to a page's main heading once the page has loaded, so after an in-app
 * navigation screen readers announce where the learner now is and Tab continues from there.
 */
import { useEffect, useRef } from 'react';

/** A ref for a `tabIndex={-1}` heading that is focused once, when `ready` turns true. */
export function useFocusHeading<T extends HTMLElement>(ready: boolean) {
  const ref = useRef<T>(null);
  const done = useRef(false);
  useEffect(() => {
    if (!ready || done.current || !ref.current) return;
    done.current = true;
    ref.current.focus();
  }, [ready]);
  return ref;
}
