// Test wiring for the sync client: a fake-IndexedDB device, the fake server behind HttpSyncTransport, and a hand-driven environment.
import { freshRepo } from '../helpers.ts';
import { HttpSyncTransport } from '../../../src/data/sync/transport.ts';
import { SyncClient } from '../../../src/data/sync/syncClient.ts';
import type { SyncEnvironment } from '../../../src/data/sync/syncEnvironment.ts';
import { login } from '../../../src/data/sync/session.ts';
import type { BlobUploader } from '../../../src/data/sync/uploadBlobs.ts';
import { FakeServer } from './fakeServer.ts';

export interface FakeEnvironment extends SyncEnvironment {
  timers: { callback: () => void; ms: number; handle: number }[];
  fire(event: 'online' | 'offline' | 'visible'): void;
  randomValue: number;
}

export function fakeEnvironment(): FakeEnvironment {
  const listeners: Record<string, Set<() => void>> = { online: new Set(), offline: new Set(), visible: new Set() };
  let next = 0;
  const subscribe = (event: string) => (callback: () => void) => {
    listeners[event]?.add(callback);
    return () => void listeners[event]?.delete(callback);
  };
  const env: FakeEnvironment = {
    timers: [],
    randomValue: 0.5,
    setTimer(callback, ms) {
      next += 1;
      env.timers.push({ callback, ms, handle: next });
      return next;
    },
    clearTimer(handle) {
      env.timers = env.timers.filter((t) => t.handle !== handle);
    },
    onOnline: subscribe('online'),
    onOffline: subscribe('offline'),
    onVisible: subscribe('visible'),
    isOnline: () => true,
    now: () => Date.UTC(2025, 4, 1, 9, 0, 0),
    random: () => env.randomValue,
    fire(event) {
      for (const callback of listeners[event] ?? []) callback();
    },
  };
  return env;
}

export async function syncSetup(options: { uploader?: BlobUploader; loggedIn?: boolean } = {}) {
  const server = new FakeServer();
  const { db, repo, clock } = freshRepo();
  const transport = new HttpSyncTransport('http://fake', server.fetch);
  const environment = fakeEnvironment();
  const client = new SyncClient({ db, transport, environment, uploader: options.uploader, intervalMs: 60_000 });
  if (options.loggedIn !== false) await login(db, transport, { username: 'surveyor', password: 'genba-demo', deviceLabel: 'タブレット1' });
  return { server, db, repo, clock, transport, environment, client };
}
