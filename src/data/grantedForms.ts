// Which forms the tablet offers to fill: only those the server granted the signed-in user (GET /api/forms), never another user's.
import type { GenbaDb } from './db.ts';
import { getSetting, setSetting, type SettingValues } from './settings.ts';

export type FormGrant = SettingValues['grantedForms'];

/**
 * The form ids to offer `userId`: the grant's ids when the grant is that user's, otherwise none (logged out, or the
 * forms cached for a previous user of the tablet). null = this user has no grant on the device yet (never fetched).
 */
export function offeredFormIds(grant: FormGrant | undefined, userId: string | undefined): ReadonlySet<string> | null {
  if (!userId) return new Set();
  if (!grant || grant.userId !== userId) return null;
  return new Set(grant.formIds);
}

export function formGrant(db: GenbaDb): Promise<FormGrant | undefined> {
  return getSetting(db, 'grantedForms');
}

export async function saveFormGrant(db: GenbaDb, userId: string, formIds: readonly string[], at: Date = new Date()): Promise<void> {
  await setSetting(db, 'grantedForms', { userId, formIds: [...new Set(formIds)].sort(), at: at.toISOString() });
}
