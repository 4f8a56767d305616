// What the API routes need, passed in once by app.ts: the store, the form catalog, the config and a clock.
import type { ServerConfig } from '../config.ts';
import type { FormCatalog } from '../forms/catalog.ts';
import type { SyncStore } from '../storage/sync-store.ts';
import type { AccountDeps } from '../auth/accounts.ts';
import type { SyncDeps } from '../sync/types.ts';

export interface ApiServices {
  store: SyncStore;
  forms: FormCatalog;
  config: ServerConfig;
  now: () => Date;
}

export function accountDeps(services: ApiServices): AccountDeps {
  return { store: services.store, now: services.now, tokenDays: services.config.tokenDays, auth: services.config.auth };
}

export function syncDeps(services: ApiServices): SyncDeps {
  return { store: services.store, forms: services.forms, now: services.now, allowSelfApproval: services.config.allowSelfApproval };
}
