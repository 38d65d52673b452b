/** An in-app link within the coach's pages: a real href, followed without a page load. */
import type { ReactNode } from 'react';

export function CoachLink({
  to,
  navigate,
  children,
}: {
  to: string;
  navigate: (path: string) => void;
  children: ReactNode;
}) {
  return (
    <a
      href={to}
      onClick={(e) => {
        e.preventDefault();
        navigate(to);
      }}
    >
      {children}
    </a>
  );
}
