// The admin's form for a new account: login name, display name and role; the server generates the first password (shown once, changed at first login).
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ROLES } from '../../../protocol/auth.ts';
import type { AdminUser } from '../../../protocol/office/user-admin.ts';
import { createAdminUser } from '../api/officeApi.ts';
import { asOfficeError, type OfficeError } from '../api/officeError.ts';
import { ErrorNotice } from '../shared/ErrorNotice.tsx';
import type { IssuedPassword } from './UsersScreen.tsx';

export function UserCreateForm({ onCreated }: { onCreated: (issued: IssuedPassword | null) => void }) {
  const { t } = useTranslation();
  const [username, setUsername] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [role, setRole] = useState<AdminUser['role']>('disaster_surveyor');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<OfficeError | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      const answer = await createAdminUser({ username: username.trim(), displayName: displayName.trim() || username.trim(), role });
      setUsername('');
      setDisplayName('');
      onCreated(answer.temporaryPassword ? { username: answer.user.username, password: answer.temporaryPassword } : null);
    } catch (caught) {
      setError(asOfficeError(caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="office-filters" onSubmit={(event) => void submit(event)} data-testid="user-create-form">
      <label className="field-label">
        {t('office.users.username')}
        <input className="input" value={username} onChange={(e) => setUsername(e.target.value)} required pattern="[A-Za-z0-9._\-]{2,64}" autoCapitalize="none" data-testid="user-create-username" />
      </label>
      <label className="field-label">
        {t('office.users.displayName')}
        <input className="input" value={displayName} onChange={(e) => setDisplayName(e.target.value)} maxLength={100} data-testid="user-create-display-name" />
      </label>
      <label className="field-label">
        {t('office.users.role')}
        <select className="input" value={role} onChange={(e) => setRole(e.target.value as AdminUser['role'])} data-testid="user-create-role">
          {ROLES.map((r) => <option key={r} value={r}>{t(`roles.${r}`)}</option>)}
        </select>
      </label>
      <button type="submit" className="btn btn-primary" disabled={busy} data-testid="user-create-submit">{t('office.users.create')}</button>
      {error && <ErrorNotice error={error} />}
    </form>
  );
}
