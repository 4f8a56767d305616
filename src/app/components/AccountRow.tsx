// Settings row for the account: who is logged in with which role, and login / logout (logout keeps unsent changes; the sync status then says 未ログイン).
import { useTranslation } from 'react-i18next';
import { logout } from '../../data/sync/index.ts';
import { appDb } from '../db.ts';
import { navigate } from '../state/routeStore.ts';
import { syncClient, useSession, syncTransport } from '../sync.ts';

export function AccountRow() {
  const { t } = useTranslation();
  const session = useSession();
  return (
    <div className="settings-row">
      <dt>{t('settings.account')}</dt>
      <dd data-testid="account">
        {session ? (
          <>
            <span data-testid="account-user">
              {t('sync.loggedInAs', { name: session.user.displayName, role: t(`roles.${session.user.role}`, { defaultValue: session.user.role }) })}
            </span>
            <p className="hint">{t('login.logoutNote')}</p>
            <button type="button" className="btn" onClick={() => void logout(appDb(), syncTransport()).then(() => syncClient().syncNow())} data-testid="logout">
              {t('login.logout')}
            </button>
          </>
        ) : (
          <>
            <span>{t('settings.notLoggedIn')} </span>
            <button type="button" className="btn btn-primary" onClick={() => void navigate({ name: 'login' })} data-testid="account-login">
              {t('login.submit')}
            </button>
          </>
        )}
      </dd>
    </div>
  );
}
