// Production start guard: the enabled accounts that still accept the published demo password (a production server refuses to start while any exist).
import { PUBLISHED_DEMO_PASSWORD } from '../../../src/protocol/password-policy.ts';
import { verifyPassword } from '../auth/password.ts';
import type { SyncStore } from '../storage/sync-store.ts';
import { DEMO_ACCOUNTS } from './demo-accounts.ts';

/**
 * Only the demo usernames are tried: every other way to set a password (admin routes, CLI, own change) refuses the
 * published one (password-policy.ts), and before accounts could be managed only the seed made users. So a few
 * cheap verifications at start instead of one scrypt per account.
 */
export async function accountsWithDemoPassword(store: SyncStore): Promise<string[]> {
  const users = await store.transaction((tx) => tx.listUsers());
  const demoNames = new Set(DEMO_ACCOUNTS.map((account) => account.username));
  const found: string[] = [];
  for (const user of users) {
    if (user.disabled || !demoNames.has(user.username)) continue;
    if (await verifyPassword(PUBLISHED_DEMO_PASSWORD, user.passwordHash)) found.push(user.username);
  }
  return found;
}
