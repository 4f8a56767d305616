// The always-visible header: app name (home), online/offline indicator, unsent-changes count, sync state, language switch and settings.
import { useTranslation } from 'react-i18next';
import { pendingRecordCount } from '../../data/index.ts';
import { appDb } from '../db.ts';
import { useLiveQuery } from '../hooks/useLiveQuery.ts';
import { changeLanguage } from '../language.ts';
import { useLanguage, useOnline } from '../state/appStore.ts';
import { navigate } from '../state/routeStore.ts';
import { SyncIndicator } from './SyncIndicator.tsx';

export function Header() {
  const { t } = useTranslation();
  const online = useOnline();
  const language = useLanguage();
  // Records, not field changes: one finished survey waiting is "1", however many answers it holds.
  const pending = useLiveQuery(() => pendingRecordCount(appDb()), []) ?? 0;
  return (
    <header className="app-header">
      <button type="button" className="app-title" onClick={() => void navigate({ name: 'home' })} aria-label={t('header.home')}>
        <img src="/icons/icon-192.png" alt="" width={32} height={32} />
        <span>{t('app.name')}</span>
      </button>
      <div className="header-status">
        <span className={`net-status ${online ? 'is-online' : 'is-offline'}`} data-testid="net-status" role="status">
          <span className="dot" aria-hidden="true" />
          {online ? t('header.online') : t('header.offline')}
        </span>
        <span className={`pending-count ${pending > 0 ? 'has-pending' : ''}`} data-testid="pending-count" data-count={pending}>
          {t('header.pending', { count: pending })}
        </span>
        <SyncIndicator />
        <button
          type="button"
          className="btn btn-ghost header-lang"
          data-testid="language-toggle"
          onClick={() => void changeLanguage(language === 'ja' ? 'en' : 'ja')}
          lang={language === 'ja' ? 'en' : 'ja'}
        >
          {language === 'ja' ? 'English' : '日本語'}
        </button>
        <button type="button" className="btn btn-ghost header-settings" data-testid="nav-settings" aria-label={t('header.settings')} onClick={() => void navigate({ name: 'settings' })}>
          <span aria-hidden="true">⚙</span> <span className="header-settings-label">{t('header.settings')}</span>
        </button>
      </div>
    </header>
  );
}
