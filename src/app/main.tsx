// Entry point: reads the saved language, starts the service worker, asks for persistent storage, renders the app.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { requestPersistence, setSetting } from '../data/index.ts';
import { startServiceWorker } from '../pwa/registerServiceWorker.ts';
import { App } from './App.tsx';
import { appDb } from './db.ts';
import { initI18n } from './i18n/index.ts';
import { applyLanguage, loadSavedLanguage } from './language.ts';
import { signalOfflineReady, signalUpdateAvailable } from './state/appStore.ts';
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

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
