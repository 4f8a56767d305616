// Registers the service worker in "prompt" mode: reports a waiting update and first-install offline readiness, never reloads by itself.
import { registerSW } from 'virtual:pwa-register';

export interface ServiceWorkerHandlers {
  /** A new version is waiting; `apply` activates it and reloads the page — call it only when the user asks. */
  onNeedRefresh(apply: () => Promise<void>): void;
  /** The app shell is precached for the first time: the app now works offline. */
  onOfflineReady(): void;
}

export function startServiceWorker(handlers: ServiceWorkerHandlers): void {
  if (!('serviceWorker' in navigator)) return;
  const updateServiceWorker = registerSW({
    immediate: true,
    onNeedRefresh: () => handlers.onNeedRefresh(() => updateServiceWorker(true)),
    onOfflineReady: () => handlers.onOfflineReady(),
    onRegisteredSW(_url, registration) {
      // Devices stay open for days in the field: look for a new version whenever the network comes back.
      if (registration) window.addEventListener('online', () => void registration.update().catch(() => {}));
    },
    onRegisterError: (error: unknown) => console.error('[genba] E_SW_REGISTER: service worker registration failed', error),
  });
}
