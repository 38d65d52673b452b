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
}: {
  title: string;
  backLabel: string;
  onBack: () => void;
  error: string | null;
  loading: boolean;
  children: ReactNode;
}) {
  const heading = useRef<HTMLHeadingElement>(null);
  const headingId = useId();
  useEffect(() => heading.current?.focus(), []);
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
