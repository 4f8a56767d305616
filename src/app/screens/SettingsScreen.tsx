// Settings: account (user, role, login/logout, own password change), language, storage use and persistence, device id, app version.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { version as appVersion } from '../../../package.json';
import { getDeviceId, storageEstimate } from '../../data/index.ts';
import { appDb } from '../db.ts';
import { formatBytes } from '../formatBytes.ts';
import { changeLanguage } from '../language.ts';
import { LANGUAGES } from '../localize.ts';
import { useLanguage } from '../state/appStore.ts';
import { navigate } from '../state/routeStore.ts';
import { AccountRow } from '../components/AccountRow.tsx';
import { ChangePasswordForm } from '../account/ChangePasswordForm.tsx';
import { syncClient, useSession } from '../sync.ts';

const LANGUAGE_NAMES = { ja: '日本語', en: 'English' } as const;

type Estimate = Awaited<ReturnType<typeof storageEstimate>>;

export function SettingsScreen() {
  const { t } = useTranslation();
  const language = useLanguage();
  const [estimate, setEstimate] = useState<Estimate | undefined>(undefined);
  const [deviceId, setDeviceId] = useState<string>('');
  const session = useSession();

  useEffect(() => {
    void storageEstimate().then(setEstimate, () => setEstimate(null));
    void getDeviceId(appDb()).then(setDeviceId, () => setDeviceId('—'));
  }, []);

  return (
    <section className="screen" data-testid="settings-screen">
      <div className="screen-head">
        <button type="button" className="btn btn-ghost" onClick={() => void navigate({ name: 'home' })}>
          ← {t('app.back')}
        </button>
        <h1 className="screen-title">{t('settings.title')}</h1>
      </div>
      <dl className="settings">
        <AccountRow />
        <div className="settings-row">
          <dt id="language-label">{t('settings.language')}</dt>
          <dd>
            <div className="segmented" role="radiogroup" aria-labelledby="language-label">
              {LANGUAGES.map((lang) => (
                <button
                  key={lang}
                  type="button"
                  role="radio"
                  aria-checked={language === lang}
                  className={`segment ${language === lang ? 'is-selected' : ''}`}
                  onClick={() => void changeLanguage(lang)}
                  data-testid={`language-${lang}`}
                >
                  {LANGUAGE_NAMES[lang]}
                </button>
              ))}
            </div>
          </dd>
        </div>
        <div className="settings-row">
          <dt>{t('settings.storage')}</dt>
          <dd data-testid="storage-estimate">
            {estimate === undefined
              ? t('app.loading')
              : estimate === null
                ? t('settings.storageUnknown')
                : t('settings.storageUse', { usage: formatBytes(estimate.usage), quota: formatBytes(estimate.quota) })}
          </dd>
        </div>
        <div className="settings-row">
          <dt>{t('settings.persisted')}</dt>
          <dd data-testid="storage-persisted">{estimate ? (estimate.persisted ? t('settings.persistedYes') : t('settings.persistedNo')) : '—'}</dd>
        </div>
        <div className="settings-row">
          <dt>{t('settings.deviceId')}</dt>
          <dd className="mono" data-testid="device-id">
            {deviceId}
          </dd>
        </div>
        <div className="settings-row">
          <dt>{t('settings.version')}</dt>
          <dd className="mono" data-testid="app-version">
            {appVersion}
          </dd>
        </div>
      </dl>
      {session && <ChangePasswordForm username={session.user.username} forced={session.mustChangePassword === true} onChanged={() => void syncClient().syncNow()} />}
    </section>
  );
}
