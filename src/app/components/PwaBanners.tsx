// Service worker banners: "update available" with a button (never an automatic reload) and a one-time "offline ready" notice.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { signalOfflineReady, usePwaSignals } from '../state/appStore.ts';
import { runLeaveGuards } from '../state/routeStore.ts';

export function PwaBanners() {
  const { t } = useTranslation();
  const { updateAvailable, offlineReady, applyUpdate } = usePwaSignals();
  const [applying, setApplying] = useState(false);

  const update = async () => {
    if (!applyUpdate) return;
    setApplying(true);
    // The open editor flushes its pending autosave first: the reload must not lose a keystroke.
    await runLeaveGuards();
    await applyUpdate();
  };

  return (
    <>
      {updateAvailable && (
        <div className="banner banner-info" role="alert" data-testid="update-banner">
          <span>{t('pwa.updateAvailable')}</span>
          <button type="button" className="btn btn-primary" disabled={applying} onClick={() => void update()} data-testid="update-apply">
            {t('pwa.updateButton')}
          </button>
        </div>
      )}
      {offlineReady && !updateAvailable && (
        <div className="banner banner-success" role="status" data-testid="offline-ready">
          <span>{t('pwa.offlineReady')}</span>
          <button type="button" className="btn btn-ghost" onClick={() => signalOfflineReady(false)}>
            {t('pwa.dismiss')}
          </button>
        </div>
      )}
    </>
  );
}
