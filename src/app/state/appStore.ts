// App-wide state: language, network status and the service worker's update/offline-ready signals.
import { create } from 'zustand';
import type { Language } from '../localize.ts';

interface AppState {
  language: Language;
  online: boolean;
  updateAvailable: boolean;
  offlineReady: boolean;
  /** Applies the waiting service worker (reloads the page); set by the PWA registration. */
  applyUpdate: (() => Promise<void>) | null;
}

export const useAppStore = create<AppState>(() => ({
  language: 'ja',
  online: typeof navigator === 'undefined' ? true : navigator.onLine,
  updateAvailable: false,
  offlineReady: false,
  applyUpdate: null,
}));

export const useLanguage = (): Language => useAppStore((s) => s.language);
export const useOnline = (): boolean => useAppStore((s) => s.online);

export function setLanguageState(language: Language): void {
  useAppStore.setState({ language });
}

export function setOnline(online: boolean): void {
  useAppStore.setState({ online });
}

export function signalUpdateAvailable(applyUpdate: () => Promise<void>): void {
  useAppStore.setState({ updateAvailable: true, applyUpdate });
}

export function signalOfflineReady(ready: boolean): void {
  useAppStore.setState({ offlineReady: ready });
}

export function usePwaSignals() {
  const updateAvailable = useAppStore((s) => s.updateAvailable);
  const offlineReady = useAppStore((s) => s.offlineReady);
  const applyUpdate = useAppStore((s) => s.applyUpdate);
  return { updateAvailable, offlineReady, applyUpdate };
}
