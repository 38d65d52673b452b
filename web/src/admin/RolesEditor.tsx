/** Role checkboxes for one person, saved with PUT /api/admin/users/:id/roles. */
import { useState } from 'react';
import { api, readJson } from '../api/client.ts';
import type { Role } from '../auth/session.ts';
import type { OrgUser } from './AdminHome.tsx';
import { ALL_ROLES } from './roles.ts';

export function RolesEditor({
  user,
  isSelf,
  onSaved,
}: {
  user: OrgUser;
  isSelf: boolean;
  onSaved: () => Promise<void>;
}) {
  const [roles, setRoles] = useState<Role[]>(user.roles);
  const [message, setMessage] = useState<string | null>(null);
  const changed = roles.join() !== user.roles.join();

  async function save() {
    try {
      await readJson(
        await api.admin.users[':id'].roles.$put({ param: { id: user.id }, json: { roles } }),
      );
      setMessage('Saved.');
      await onSaved();
    } catch (err) {
      setMessage(err instanceof Error ? err.message : 'Could not save.');
    }
  }

  return (
    <fieldset className="roles">
      <legend className="visually-hidden">Roles of {user.name}</legend>
      {ALL_ROLES.map((role) => (
        <label key={role}>
          <input
            type="checkbox"
            checked={roles.includes(role)}
            disabled={isSelf && role === 'admin'}
            onChange={(e) =>
              setRoles(ALL_ROLES.filter((r) => (r === role ? e.target.checked : roles.includes(r))))
            }
          />
          {role}
        </label>
      ))}
      <button
        type="button"
        className="secondary"
        disabled={!changed || roles.length === 0}
        onClick={() => void save()}
      >
        Save roles
      </button>
      <span role="status">{message}</span>
    </fieldset>
  );
}
