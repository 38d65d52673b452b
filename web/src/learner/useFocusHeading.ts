/**
 * Moves keyboard focus to a page's main heading once the page has loaded, so after an in-app
 * navigation screen readers announce where the learner now is and Tab continues from there.
 */
import { useEffect, useRef } from 'react';

/**
 * A ref for a `tabIndex={-1}` heading that is focused once, when `ready` turns true — only when
 * `enabled` (after an in-app move; on a fresh page load focus stays at the top of the document).
 */
export function useFocusHeading<T extends HTMLElement>(ready: boolean, enabled = true) {
  const ref = useRef<T>(null);
  const done = useRef(false);
  useEffect(() => {
    if (!ready || !enabled || done.current || !ref.current) return;
    done.current = true;
    ref.current.focus();
  }, [ready, enabled]);
  return ref;
}
