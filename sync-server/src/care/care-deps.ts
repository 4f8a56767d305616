// What the care services need: the store, the form catalog (care-case and care-assessment definitions) and a clock.
import type { FormCatalog } from '../forms/catalog.ts';
import type { SyncStore } from '../storage/sync-store.ts';

export interface CareDeps {
  store: SyncStore;
  forms: FormCatalog;
  now: () => Date;
}
