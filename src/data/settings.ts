// Typed device settings (language, device id, op counter, clock state, session, sync checkpoint, saved 特記事項 phrases) stored as key/value rows, validated on read and write.
import { z } from 'zod';
import { v4 as uuidv4 } from 'uuid';
import type { GenbaDb } from './db.ts';
import { DataError } from './errors.ts';
import { SavedPhrasesSchema } from './savedPhrasesSchema.ts';

export interface SettingRow {
  key: string;
  value: unknown;
}

const settingSchemas = {
  language: z.enum(['ja', 'en']),
  /** Made once per installation (a UUID); names the device in op ids and its clock. */
  deviceId: z.string().min(1),
  /** Last op counter used in an outbox opId; only ever goes up. */
  opCounter: z.number().int().nonnegative(),
  /** The device's hybrid logical clock: its last timestamp (src/protocol/hlc.ts format). */
  hlc: z.string(),
  /** Whether the browser granted persistent storage last time we asked. */
  persistenceGranted: z.boolean(),
  /** The signed-in user and their bearer token (30 days, so the tablet keeps working offline). Logout removes it; the outbox stays. */
  session: z.object({
    token: z.string().min(1),
    expiresAt: z.string(),
    user: z.object({ id: z.string(), username: z.string(), displayName: z.string(), role: z.string() }),
    /** An admin reset the password: the app asks for a new one before it syncs (the server refuses everything else). */
    mustChangePassword: z.boolean().optional(),
  }),
  /**
   * Why the last session ended without a logout (its token expired, or an administrator revoked this device), so the
   * app can say so instead of a plain "please log in". Login and logout remove it.
   */
  sessionEnded: z.object({ reason: z.enum(['expired', 'revoked']), at: z.string(), displayName: z.string() }),
  /** The user this tablet was last logged in with (the server binds a device to one user); named when someone else tries. */
  deviceUser: z.object({ id: z.string(), displayName: z.string() }),
  /**
   * The form ids the server granted the signed-in user's role (GET /api/forms) and whose grant it is. Cached forms of
   * another user are never offered: only the ids granted to the CURRENT user are.
   */
  grantedForms: z.object({ userId: z.string(), formIds: z.array(z.string()), at: z.string() }),
  /** Name the user gave this tablet at login (shown to the admin next to the device id). */
  deviceLabel: z.string(),
  /** Last server changeSeq fully stored on the device (pull resumes after it); written in the page's transaction. */
  syncCheckpoint: z.number().int().nonnegative(),
  /** ISO time of the last sync that completed without error. */
  lastSyncAt: z.string(),
  /** The assessor's own 特記事項 phrases, for reuse offline (savedPhrases.ts). */
  tokkiPhrases: SavedPhrasesSchema,
} as const;

export type SettingKey = keyof typeof settingSchemas;
export type SettingValues = { [K in SettingKey]: z.infer<(typeof settingSchemas)[K]> };

/** The stored value, or undefined when absent — or unreadable (the row is left as it is). */
export async function getSetting<K extends SettingKey>(db: GenbaDb, key: K): Promise<SettingValues[K] | undefined> {
  const row = await db.settings.get(key);
  if (!row) return undefined;
  const parsed = settingSchemas[key].safeParse(row.value);
  return parsed.success ? (parsed.data as SettingValues[K]) : undefined;
}

export async function setSetting<K extends SettingKey>(db: GenbaDb, key: K, value: SettingValues[K]): Promise<void> {
  const parsed = settingSchemas[key].safeParse(value);
  if (!parsed.success) throw new DataError('E_SETTING_INVALID', `invalid value for setting "${key}": ${parsed.error.issues[0]?.message ?? ''}`);
  await db.settings.put({ key, value: parsed.data });
}

/** This installation's id, created on first use (inside the caller's transaction when there is one). */
export async function getDeviceId(db: GenbaDb): Promise<string> {
  return db.transaction('rw', db.settings, async () => {
    const existing = await getSetting(db, 'deviceId');
    if (existing) return existing;
    const id = uuidv4();
    await db.settings.put({ key: 'deviceId', value: id });
    return id;
  });
}

/** Removes a setting (logout removes the session; nothing else is touched). */
export async function removeSetting(db: GenbaDb, key: SettingKey): Promise<void> {
  await db.settings.delete(key);
}
