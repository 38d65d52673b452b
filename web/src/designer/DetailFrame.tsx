/**
 * Frame of an item's detail view: a back button, the item's title as a heading that receives
 * focus when the view opens (so screen readers announce it), and the loaded body. Escape goes
 * back too.
 */
import { useEffect, useId, useRef, type ReactNode } from 'react';

export function DetailFrame({
  title,
  backLabel,
  onBack,
  error,
  loading,
  children,
  focusHeading = true,
}: {
  title: string;
  backLabel: string;
  onBack: () => void;
  error: string | null;
  loading: boolean;
  children: ReactNode;
  /** False when coming back from a nested view, whose opener takes focus instead. */
  focusHeading?: boolean;
}) {
  const heading = useRef<HTMLHeadingElement>(null);
  const headingId = useId();
  useEffect(() => {
    if (focusHeading) heading.current?.focus();
    // Only when the frame opens: a later prop change must not pull focus.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  return (
    <article
      className="detail"
      aria-labelledby={headingId}
      onKeyDown={(e) => {
        if (e.key === 'Escape') onBack();
      }}
    >
      <button type="button" className="secondary back" onClick={onBack}>
        <span aria-hidden="true">← </span>
        {backLabel}
      </button>
      <h2 id={headingId} ref={heading} tabIndex={-1}>
        {title}
      </h2>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {loading && !error && <p aria-busy="true">Loading…</p>}
      {children}
    </article>
  );
}
