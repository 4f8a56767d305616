// What the sync client needs from its surroundings: timers, network and visibility events (the browser's, or a test's).

export interface SyncEnvironment {
  setTimer(callback: () => void, ms: number): unknown;
  clearTimer(handle: unknown): void;
  /** Subscriptions return their unsubscribe function. */
  onOnline(callback: () => void): () => void;
  onOffline(callback: () => void): () => void;
  /** The app came back to the foreground (tablet unlocked, tab shown). */
  onVisible(callback: () => void): () => void;
  isOnline(): boolean;
  now(): number;
  random(): number;
}

export function browserEnvironment(): SyncEnvironment {
  const listen = (target: EventTarget, type: string, callback: () => void) => {
    target.addEventListener(type, callback);
    return () => target.removeEventListener(type, callback);
  };
  return {
    setTimer: (callback, ms) => globalThis.setTimeout(callback, ms),
    clearTimer: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>),
    onOnline: (callback) => listen(window, 'online', callback),
    onOffline: (callback) => listen(window, 'offline', callback),
    onVisible: (callback) => listen(document, 'visibilitychange', () => {
      if (document.visibilityState === 'visible') callback();
    }),
    isOnline: () => navigator.onLine,
    now: () => Date.now(),
    random: () => Math.random(),
  };
}
