// The form ids the tablet offers the signed-in user (the server's grant for that user), live: undefined while loading.
import { formGrant, offeredFormIds } from '../../data/index.ts';
import { currentSession } from '../../data/sync/index.ts';
import { appDb } from '../db.ts';
import { useLiveQuery } from './useLiveQuery.ts';

export interface OfferedForms {
  signedIn: boolean;
  /** The granted form ids; null while this user's grant has never reached the device. Empty when signed out. */
  formIds: ReadonlySet<string> | null;
}

export function useOfferedForms(): OfferedForms | undefined {
  return useLiveQuery(async () => {
    const db = appDb();
    const [session, grant] = await Promise.all([currentSession(db), formGrant(db)]);
    return { signedIn: session !== undefined, formIds: offeredFormIds(grant, session?.user.id) };
  }, []);
}
