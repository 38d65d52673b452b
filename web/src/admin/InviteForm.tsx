/** Invite a person: creates the account and shows its one-time password once. */
import { useState, type FormEvent } from 'react';
import { api, readJson } from '../api/client.ts';
import type { Role } from '../auth/session.ts';
import { ALL_ROLES } from './roles.ts';

export function InviteForm({ onInvited }: { onInvited: () => Promise<void> }) {
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [roles, setRoles] = useState<Role[]>(['learner']);
  const [result, setResult] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    setResult(null);
    try {
      const body = await readJson<{ oneTimePassword: string; user: { email: string } }>(
        await api.admin.users.$post({ json: { name, email, roles } }),
      );
      setResult(
        `Account created for ${body.user.email}. One-time password: ${body.oneTimePassword} — give it to them now; it is not shown again.`,
      );
      setName('');
      setEmail('');
      await onInvited();
    } catch (err) {
      setError(err instanceof Error ? err.message : 'Could not invite.');
    }
  }

  return (
    <form className="invite" onSubmit={(e) => void submit(e)}>
      <h2>Invite a person</h2>
      <label htmlFor="invite-name">Name</label>
      <input id="invite-name" required value={name} onChange={(e) => setName(e.target.value)} />
      <label htmlFor="invite-email">Email</label>
      <input
        id="invite-email"
        type="email"
        required
        value={email}
        onChange={(e) => setEmail(e.target.value)}
      />
      <fieldset className="roles">
        <legend>Roles</legend>
        {ALL_ROLES.map((role) => (
          <label key={role}>
            <input
              type="checkbox"
              checked={roles.includes(role)}
              onChange={(e) =>
                setRoles(
                  ALL_ROLES.filter((r) => (r === role ? e.target.checked : roles.includes(r))),
                )
              }
            />
            {role}
          </label>
        ))}
      </fieldset>
      <button type="submit" disabled={roles.length === 0}>
        Invite
      </button>
      <p role="status">{result}</p>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </form>
  );
}
