/** A horizontally scrollable, keyboard-focusable region for wide tables on narrow screens. */
import type { ReactNode } from 'react';

export function ScrollRegion({ label, children }: { label: string; children: ReactNode }) {
  return (
    // Focusable so keyboard users can scroll it (WCAG 2.1.1); named so the stop is announced.
    <div className="table-scroll" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
