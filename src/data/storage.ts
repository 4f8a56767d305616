// Persistent storage: asks the browser not to evict our data, and reads usage/quota for the settings screen.

/** The part of navigator.storage we use (injectable for tests and for browsers without it). */
export interface StorageLike {
  persist?: () => Promise<boolean>;
  persisted?: () => Promise<boolean>;
  estimate?: () => Promise<{ usage?: number; quota?: number }>;
}

function defaultStorage(): StorageLike | undefined {
  return (globalThis as { navigator?: { storage?: StorageLike } }).navigator?.storage;
}

/** True when the browser granted persistence (drafts then survive storage pressure); false when refused or unsupported. */
export async function requestPersistence(storage: StorageLike | undefined = defaultStorage()): Promise<boolean> {
  try {
    if (await storage?.persisted?.()) return true;
    return (await storage?.persist?.()) ?? false;
  } catch {
    return false;
  }
}

/** Bytes used and available to this origin, or null when the browser cannot say. */
export async function storageEstimate(
  storage: StorageLike | undefined = defaultStorage(),
): Promise<{ usage: number; quota: number; persisted: boolean } | null> {
  try {
    if (!storage?.estimate) return null;
    const { usage = 0, quota = 0 } = await storage.estimate();
    const persisted = (await storage.persisted?.()) ?? false;
    return { usage, quota, persisted };
  } catch {
    return null;
  }
}
