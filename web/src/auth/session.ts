/** The signed-in person as the web app sees it (from GET /api/me). */
import { api, readJson } from '../api/client.ts';

export type Role = 'learner' | 'coach' | 'assessor' | 'designer' | 'admin';

export interface Me {
  user: { id: string; name: string; email: string };
  organisation: { id: string; name: string };
  roles: Role[];
  mode: 'offline' | 'llm';
}

/** Loads the current session, or null when signed out. */
export async function loadMe(): Promise<Me | null> {
  const body = await readJson<{ me: Me | null }>(await api.session.$get());
  return body.me;
}
