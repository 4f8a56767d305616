// First start: creates the demo accounts and a few demo records (through the real push service, so they are consistent); does nothing once any user exists.
import { randomUUID } from 'node:crypto';
import { format as formatHlc, nodeIdFrom } from '../../../src/protocol/hlc.ts';
import { PROTOCOL_VERSION } from '../../../src/protocol/index.ts';
import type { Op } from '../../../src/protocol/index.ts';
import { LEGACY_SCRYPT_COST, hashPassword, type ScryptCost } from '../auth/password.ts';
import { scopeFor } from '../auth/scope.ts';
import type { UserRow } from '../storage/sync-store.ts';
import { applyPush } from '../sync/push-service.ts';
import type { SyncDeps } from '../sync/types.ts';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, type DemoAccount } from './demo-accounts.ts';
import { demoRecords } from './demo-records.ts';
import { demoCases } from './demo-cases.ts';
import { createCase } from '../care/create-case.ts';
import { CARE_CASE_FORM_ID } from '../../../forms/care-case/case-fields.ts';

/** The office's seeding "device": its ops are in the ops log like any device's. */
export const SEED_DEVICE_ID = 'demo-seed';
const DEMO_FORM_ID = 'field-check';

export interface SeedOptions {
  password?: string;
  /** Tests pass a cheap cost; real starts use the default slow one. */
  cost?: ScryptCost;
}

export interface SeedResult {
  accounts: DemoAccount[];
  password: string;
  records: number;
}

/** null when the database already has users (not a first start). */
export async function seedDemo(deps: SyncDeps, options: SeedOptions = {}): Promise<SeedResult | null> {
  const now = deps.now?.() ?? new Date();
  const password = options.password ?? DEMO_PASSWORD;
  // The demo password is published, so its hash protects nothing: the old cheaper cost keeps a first start fast
  // (8 hashes at 2^17 would hold 1 GiB at once); a login upgrades the hash (rehash on login).
  const hashes = await Promise.all(DEMO_ACCOUNTS.map(() => hashPassword(password, options.cost ?? LEGACY_SCRYPT_COST)));
  const users: UserRow[] = DEMO_ACCOUNTS.map((account, i) => ({
    id: randomUUID(),
    username: account.username,
    displayName: account.displayName,
    role: account.role,
    passwordHash: hashes[i] as string,
    disabled: false,
    createdAt: now.toISOString(),
  }));
  // Checking for users and creating them in one transaction: two processes starting at once seed once.
  const created = await deps.store.transaction(async (tx) => {
    if ((await tx.listUsers()).length > 0) return false;
    for (const user of users) await tx.putUser(user);
    await tx.putDevice({ id: SEED_DEVICE_ID, userId: userByName(users, 'supervisor').id, label: 'demo seed', registeredAt: now.toISOString(), lastSeenAt: null, revokedAt: null });
    return true;
  });
  if (!created) return null;
  const records = (await seedRecords(deps, users, now)) + (await seedCases(deps, users, now));
  return { accounts: [...DEMO_ACCOUNTS], password, records };
}

function userByName(users: UserRow[], username: string): UserRow {
  const user = users.find((u) => u.username === username);
  if (!user) throw new Error(`E_SEED: no demo user ${username}`);
  return user;
}

async function seedRecords(deps: SyncDeps, users: UserRow[], now: Date): Promise<number> {
  const form = deps.forms.get(DEMO_FORM_ID);
  if (!form) return 0;
  const office = userByName(users, 'supervisor');
  const node = nodeIdFrom(SEED_DEVICE_ID);
  const planned = demoRecords(now).map((record) => ({ ...record, id: randomUUID() }));
  const ops: Op[] = planned.map((record, i) => ({
    opId: `${SEED_DEVICE_ID}:${i + 1}`,
    recordId: record.id,
    formId: form.id,
    formVersion: form.version,
    path: '@create',
    value: record.answers,
    hlc: formatHlc({ millis: now.getTime(), counter: i, node }),
    baseVersion: 0,
  }));
  const actor = { userId: office.id, role: office.role, deviceId: SEED_DEVICE_ID, scope: scopeFor(office, deps.forms.all().map((f) => f.id)) };
  const outcome = await applyPush(deps, actor, { protocolVersion: PROTOCOL_VERSION, deviceId: SEED_DEVICE_ID, ops });
  if (!outcome.ok) throw new Error(`E_SEED: demo records rejected: ${JSON.stringify(outcome.error).slice(0, 500)}`);
  await deps.store.transaction(async (tx) => {
    for (const record of planned) {
      const [stored] = await tx.getRecords([record.id]);
      if (!stored) continue;
      const assignee = userByName(users, record.assignee);
      await tx.putRecord({ ...stored, assigneeId: assignee.id, changeSeq: await tx.nextChangeSeq(), updatedAt: now.toISOString() });
    }
    // Nobody may log in as the seeding device and continue its op counter.
    const device = await tx.getDevice(SEED_DEVICE_ID);
    if (device) await tx.putDevice({ ...device, revokedAt: now.toISOString() });
  });
  return planned.length;
}

/** Cases (申請) the office made and assigned, written by the care service like the back office's own create. */
async function seedCases(deps: SyncDeps, users: UserRow[], now: Date): Promise<number> {
  if (!deps.forms.get(CARE_CASE_FORM_ID)) return 0;
  const office = userByName(users, 'supervisor');
  const planned = demoCases(now);
  for (const demo of planned) {
    await createCase({ store: deps.store, forms: deps.forms, now: () => now }, office.id, { ...demo.request, assigneeId: userByName(users, demo.assignee).id });
  }
  return planned.length;
}
