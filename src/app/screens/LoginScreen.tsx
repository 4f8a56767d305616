// Login: user name, password and a name for this tablet; the token is kept for 30 days so work continues offline.
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { getSetting } from '../../data/index.ts';
import { login, syncErrorText, isSyncError, type SyncErrorCode } from '../../data/sync/index.ts';
import { ErrorDetails } from '../components/ErrorDetails.tsx';
import { appDb } from '../db.ts';
import { syncFormCatalog } from '../formCatalog.ts';
import { useLiveQuery } from '../hooks/useLiveQuery.ts';
import { useLanguage } from '../state/appStore.ts';
import { goBack, navigate } from '../state/routeStore.ts';
import { syncClient, syncTransport } from '../sync.ts';

export function LoginScreen() {
  const { t } = useTranslation();
  const language = useLanguage();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [deviceLabel, setDeviceLabel] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ code: SyncErrorCode; detail: string } | null>(null);
  // Why the last login ended (expired, blocked) and whose tablet this is, said before the person types anything.
  const ended = useLiveQuery(async () => (await getSetting(appDb(), 'sessionEnded')) ?? null, []);
  const deviceUser = useLiveQuery(async () => (await getSetting(appDb(), 'deviceUser')) ?? null, []);

  useEffect(() => {
    void getSetting(appDb(), 'deviceLabel').then((label) => label && setDeviceLabel(label));
  }, []);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      const session = await login(appDb(), syncTransport(), { username, password, deviceLabel });
      setPassword('');
      // After an admin's reset the server refuses everything but the password change: ask for it first.
      if (session.mustChangePassword) {
        await navigate({ name: 'settings' }, { replace: true });
        return;
      }
      void syncClient().syncNow();
      // The forms of this user's role, before any screen offers one.
      void syncFormCatalog();
      // Back to where the user was when they chose to log in (the sync screen, a record, the office); the sync runs meanwhile.
      await goBack({ name: 'sync' });
    } catch (caught) {
      setError(isSyncError(caught) ? { code: caught.code, detail: caught.detail } : { code: 'E_BAD_RESPONSE', detail: String(caught) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="screen" data-testid="login-screen">
      <div className="screen-head">
        <button type="button" className="btn btn-ghost" onClick={() => void goBack({ name: 'home' })}>
          ← {t('app.back')}
        </button>
        <h1 className="screen-title">{t('login.title')}</h1>
      </div>
      <form className="login-form" onSubmit={(event) => void submit(event)}>
        <label className="field-label">
          {t('login.username')}
          <input className="input" name="username" autoComplete="username" autoCapitalize="none" value={username} onChange={(e) => setUsername(e.target.value)} required data-testid="login-username" />
        </label>
        <label className="field-label">
          {t('login.password')}
          <input className="input" name="password" type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} required data-testid="login-password" />
        </label>
        <label className="field-label">
          {t('login.deviceLabel')}
          <input className="input" name="deviceLabel" placeholder={t('login.deviceLabelHint')} value={deviceLabel} onChange={(e) => setDeviceLabel(e.target.value)} data-testid="login-device-label" />
        </label>
        {!error && ended && (
          <p className="notice" role="status" data-testid="login-ended" data-reason={ended.reason}>
            {syncErrorText(ended.reason === 'revoked' ? 'E_DEVICE_REVOKED' : 'E_UNAUTHENTICATED', language)}
          </p>
        )}
        {error && (
          <div className="notice notice-error" role="alert" data-testid="login-error" data-code={error.code}>
            <p>{syncErrorText(error.code, language)}</p>
            {error.code === 'E_DEVICE_OWNED' && deviceUser && <p data-testid="login-device-user">{t('login.deviceUser', { name: deviceUser.displayName })}</p>}
            <ErrorDetails detail={error.detail} />
          </div>
        )}
        <p className="hint">{t('login.offlineNote')}</p>
        <button type="submit" className="btn btn-primary btn-large" disabled={busy} data-testid="login-submit">
          {busy ? t('login.busy') : t('login.submit')}
        </button>
      </form>
    </section>
  );
}
