/** Which home each role gets; the shell shows only the entries a person's roles allow. */
import type { Role } from '../auth/session.ts';

export interface NavItem {
  role: Role;
  path: string;
  label: string;
}

export const NAV: NavItem[] = [
  { role: 'learner', path: '/learner', label: 'Practice' },
  { role: 'coach', path: '/coach', label: 'Coaching' },
  { role: 'assessor', path: '/assessor', label: 'Assessment' },
  { role: 'designer', path: '/designer', label: 'Content' },
  { role: 'admin', path: '/admin', label: 'People' },
];

/** The navigation entries for a set of roles, in a fixed order. */
export function navFor(roles: Role[]): NavItem[] {
  return NAV.filter((n) => roles.includes(n.role));
}
