/**
 * Which item of a list is open in its detail view. Closing the detail puts keyboard focus back
 * on the button that opened it, so a keyboard user does not lose their place in the list.
 */
import { useCallback, useRef, useState } from 'react';

/** Open/close state of a list's detail view, with focus return. */
export function useOpenItem() {
  const [openId, setOpenId] = useState<string | null>(null);
  const returnTo = useRef<string | null>(null);
  const close = useCallback(() => {
    returnTo.current = openId;
    setOpenId(null);
  }, [openId]);
  /** Ref for the button that opens `id`: focuses it once when the list comes back. */
  const returnFocus = useCallback(
    (id: string) => (el: HTMLElement | null) => {
      if (el && returnTo.current === id) {
        returnTo.current = null;
        el.focus();
      }
    },
    [],
  );
  return { openId, open: setOpenId, close, returnFocus };
}
