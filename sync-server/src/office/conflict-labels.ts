// Who and which device made each conflict candidate, in words: device labels and user display names for the conflict queue.
import type { ConflictItem, SyncTx } from '../storage/sync-store.ts';

export interface ConflictLabels {
  /** deviceId → the label given at login (e.g. 「本庁タブレット2」); unknown devices are left out. */
  devices: Record<string, string>;
  /** userId → display name; unknown users are left out. */
  users: Record<string, string>;
}

/** Reads only the devices and users the listed candidates name (the list itself is bounded by the conflict service). */
export async function conflictLabels(tx: SyncTx, conflicts: readonly ConflictItem[]): Promise<ConflictLabels> {
  const deviceIds = new Set<string>();
  const userIds = new Set<string>();
  for (const conflict of conflicts) {
    for (const candidate of conflict.candidates) {
      deviceIds.add(candidate.deviceId);
      userIds.add(candidate.userId);
    }
  }
  const devices: Record<string, string> = {};
  for (const id of deviceIds) {
    const device = await tx.getDevice(id);
    if (device) devices[id] = device.label;
  }
  const users: Record<string, string> = {};
  for (const id of userIds) {
    const user = await tx.getUser(id);
    if (user) users[id] = user.displayName;
  }
  return { devices, users };
}
