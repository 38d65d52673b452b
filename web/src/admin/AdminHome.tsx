/**
 * Admin home: the organisation's people and their roles; invite a person; change roles; the IQA
 * sample setting.
 */
import { useCallback, useEffect, useState } from 'react';
import { api, readJson } from '../api/client.ts';
import type { Me, Role } from '../auth/session.ts';
import { AiBudget } from './AiBudget.tsx';
import { FeedbackSettings } from './FeedbackSettings.tsx';
import { InviteForm } from './InviteForm.tsx';
import { IqaSettings } from './IqaSettings.tsx';
import { RolesEditor } from './RolesEditor.tsx';

export interface OrgUser {
  id: string;
  name: string;
  email: string;
  roles: Role[];
}

export function AdminHome({ me }: { me: Me }) {
  const [users, setUsers] = useState<OrgUser[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      const body = await readJson<{ users: OrgUser[] }>(await api.admin.users.$get());
      setUsers(body.users);
      setError(null);
    } catch (err) {
      setError(err instanceof Error ? err.message : 'Could not load people.');
    }
  }, []);
  useEffect(() => {
    void load();
  }, [load]);

  return (
    <section>
      <h1>People</h1>
      <p>
        Everyone in {me.organisation.name}, with the roles they hold. A person may hold several
        roles.
      </p>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {users === null && !error && <p aria-busy="true">Loading people…</p>}
      {users && (
        <table>
          <caption className="visually-hidden">People and roles</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Email</th>
              <th scope="col">Roles</th>
            </tr>
          </thead>
          <tbody>
            {users.map((u) => (
              <tr key={u.id}>
                <td>{u.name}</td>
                <td>{u.email}</td>
                <td>
                  <RolesEditor user={u} isSelf={u.id === me.user.id} onSaved={load} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <InviteForm onInvited={load} />
      <FeedbackSettings />
      <IqaSettings />
      <AiBudget />
    </section>
  );
}
