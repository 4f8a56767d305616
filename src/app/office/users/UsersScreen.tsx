// ユーザー (admin only): the accounts with role and state; create one, change name or role, disable/enable, reset a password (shown once, changed at next login).
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ROLES } from '../../../protocol/auth.ts';
import type { AdminUser } from '../../../protocol/office/user-admin.ts';
import { listAdminUsers, resetAdminUserPassword, setAdminUserDisabled, updateAdminUser } from '../api/officeApi.ts';
import { asOfficeError, type OfficeError } from '../api/officeError.ts';
import { ErrorNotice } from '../shared/ErrorNotice.tsx';
import { useOfficeData } from '../shared/useOfficeData.ts';
import { UserCreateForm } from './UserCreateForm.tsx';

/** A password the server generated: shown once, to hand over to the user. */
export interface IssuedPassword {
  username: string;
  password: string;
}

export function UsersScreen() {
  const { t } = useTranslation();
  const users = useOfficeData(() => listAdminUsers(), []);
  const [issued, setIssued] = useState<IssuedPassword | null>(null);
  const [actionError, setActionError] = useState<OfficeError | null>(null);

  const act = async (action: () => Promise<unknown>) => {
    setActionError(null);
    try {
      await action();
      users.reload();
    } catch (error) {
      setActionError(asOfficeError(error));
    }
  };
  const reset = (user: AdminUser) => act(async () => {
    const answer = await resetAdminUserPassword(user.id);
    if (answer.temporaryPassword) setIssued({ username: user.username, password: answer.temporaryPassword });
  });

  return (
    <section className="screen office-screen" data-testid="office-users">
      <h2 className="screen-title">{t('office.users.title')}</h2>
      <p className="hint">{t('office.users.hint')}</p>
      {issued && (
        <div className="notice notice-warning" role="status" data-testid="issued-password">
          <p>{t('office.users.issued', { username: issued.username })}</p>
          <p><code className="issued-password">{issued.password}</code></p>
          <button type="button" className="btn" onClick={() => setIssued(null)}>{t('office.users.issuedDone')}</button>
        </div>
      )}
      {actionError && <ErrorNotice error={actionError} />}
      <UserCreateForm onCreated={(created) => {
        if (created) setIssued(created);
        users.reload();
      }} />
      {users.error && <ErrorNotice error={users.error} onRetry={users.reload} />}
      {users.data && (
        <table className="office-table" data-testid="users-table">
          <thead>
            <tr>
              <th>{t('office.users.username')}</th>
              <th>{t('office.users.displayName')}</th>
              <th>{t('office.users.role')}</th>
              <th>{t('office.users.state')}</th>
              <th>{t('office.users.devices')}</th>
              <th>{t('office.users.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {users.data.users.map((user) => (
              <UserRow key={user.id} user={user} onAct={act} onReset={() => void reset(user)} />
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function UserRow({ user, onAct, onReset }: { user: AdminUser; onAct: (action: () => Promise<unknown>) => Promise<void>; onReset: () => void }) {
  const { t } = useTranslation();
  const [name, setName] = useState(user.displayName);
  return (
    <tr data-testid={`user-row-${user.username}`} className={user.disabled ? 'is-disabled' : ''}>
      <td>{user.username}</td>
      <td>
        <input className="input" aria-label={t('office.users.displayName')} value={name} onChange={(e) => setName(e.target.value)}
          onBlur={() => name.trim() && name !== user.displayName && void onAct(() => updateAdminUser(user.id, { displayName: name.trim() }))} />
      </td>
      <td>
        <select className="input" aria-label={t('office.users.role')} value={user.role} data-testid={`user-role-${user.username}`}
          onChange={(e) => void onAct(() => updateAdminUser(user.id, { role: e.target.value as AdminUser['role'] }))}>
          {ROLES.map((role) => <option key={role} value={role}>{t(`roles.${role}`)}</option>)}
        </select>
      </td>
      <td>
        {user.disabled ? t('office.users.disabled') : t('office.users.enabled')}
        {user.mustChangePassword && <span className="badge">{t('office.users.mustChange')}</span>}
      </td>
      <td>{user.activeDevices}</td>
      <td className="row">
        <button type="button" className="btn" data-testid={`user-toggle-${user.username}`}
          onClick={() => (user.disabled || window.confirm(t('office.users.confirmDisable', { username: user.username }))) && void onAct(() => setAdminUserDisabled(user.id, !user.disabled))}>
          {user.disabled ? t('office.users.enable') : t('office.users.disable')}
        </button>
        <button type="button" className="btn" data-testid={`user-reset-${user.username}`}
          onClick={() => window.confirm(t('office.users.confirmReset', { username: user.username })) && onReset()}>
          {t('office.users.reset')}
        </button>
      </td>
    </tr>
  );
}
