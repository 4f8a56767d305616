// Keeps the app store's online flag in sync with the browser's online/offline events.
import { useEffect } from 'react';
import { setOnline } from '../state/appStore.ts';

export function useOnlineStatusListener(): void {
  useEffect(() => {
    const update = () => setOnline(navigator.onLine);
    window.addEventListener('online', update);
    window.addEventListener('offline', update);
    update();
    return () => {
      window.removeEventListener('online', update);
      window.removeEventListener('offline', update);
    };
  }, []);
}
