/** A link to another page of the app: a real link (opens in a new tab too), routed in place. */
import type { MouseEvent, ReactNode } from 'react';
import { navigateTo } from './router.ts';

export function AppLink({
  to,
  className,
  children,
}: {
  to: string;
  className?: string;
  children: ReactNode;
}) {
  function onClick(e: MouseEvent<HTMLAnchorElement>) {
    // Modified clicks (new tab, new window) keep the browser's behaviour.
    if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    navigateTo(to);
  }
  return (
    <a href={to} className={className} onClick={onClick}>
      {children}
    </a>
  );
}
