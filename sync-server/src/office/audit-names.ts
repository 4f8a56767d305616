// The names behind the ids an audit page mentions (users, devices, records), read in the caller's transaction so the office can write entries as sentences.
import type { AuditNames } from '../../../src/protocol/office/audit-names.ts';
import type { FormCatalog } from '../forms/catalog.ts';
import type { AuditEntry, SyncTx } from '../storage/sync-store.ts';
import { summaryTitle } from './summary-title.ts';

/** Detail keys that hold a user id (account changes, revoked devices' owners, care case assignees). */
const USER_KEYS = ['targetId', 'ownerId', 'assigneeId', 'from', 'to'] as const;

const text = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);

export async function auditNames(tx: SyncTx, forms: FormCatalog, entries: readonly AuditEntry[]): Promise<AuditNames> {
  const userIds = new Set<string>();
  const deviceIds = new Set<string>();
  const recordIds = new Set<string>();
  for (const entry of entries) {
    if (entry.userId) userIds.add(entry.userId);
    if (entry.recordId) recordIds.add(entry.recordId);
    for (const key of USER_KEYS) {
      const id = text(entry.detail[key]);
      if (id) userIds.add(id);
    }
    const deviceId = text(entry.detail.deviceId);
    if (deviceId) deviceIds.add(deviceId);
  }
  const users = userIds.size > 0 ? (await tx.listUsers()).filter((u) => userIds.has(u.id)) : [];
  const devices = deviceIds.size > 0 ? (await tx.listDevices()).filter((d) => deviceIds.has(d.id)) : [];
  const records = await tx.getRecords([...recordIds]);
  return {
    users: Object.fromEntries(users.map((u) => [u.id, u.displayName])),
    devices: Object.fromEntries(devices.map((d) => [d.id, d.label])),
    records: Object.fromEntries(records.map((r) => [r.id, { title: r.summary?.title ?? summaryTitle(forms.get(r.formId), r.answers, new Date()).title, formId: r.formId }])),
  };
}
