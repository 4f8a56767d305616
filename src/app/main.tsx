// Entry point: reads the saved language, starts the service worker and the sync client, asks for persistent storage, renders the app.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { requestPersistence, setSetting } from '../data/index.ts';
import { startServiceWorker } from '../pwa/registerServiceWorker.ts';
import { App } from './App.tsx';
import { appDb } from './db.ts';
import { initI18n } from './i18n/index.ts';
import { applyLanguage, loadSavedLanguage } from './language.ts';
import { signalOfflineReady, signalUpdateAvailable } from './state/appStore.ts';
import { syncClient } from './sync.ts';
import { syncFormCatalog } from './formCatalog.ts';
import './styles.css';

const language = await loadSavedLanguage();
await initI18n(language);
applyLanguage(language);

startServiceWorker({
  onNeedRefresh: (apply) => signalUpdateAvailable(apply),
  onOfflineReady: () => signalOfflineReady(true),
});
// Asked once at start: without it the browser may evict unsent surveys when the tablet runs low on space.
void requestPersistence()
  .then((granted) => setSetting(appDb(), 'persistenceGranted', granted))
  .catch((error: unknown) => console.warn('[genba] persistence request not recorded', error));

// Every survey definition on the device before any screen needs one (a deep link may skip the home screen).
void syncFormCatalog();

// Syncs now, on reconnect, when the app comes to the foreground and every minute; without a login it only waits.
syncClient().start();

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
