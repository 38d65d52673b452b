import type { Role } from '../auth/session.ts';

/** Every role, in display order. */
export const ALL_ROLES: Role[] = ['learner', 'coach', 'assessor', 'designer', 'admin'];
