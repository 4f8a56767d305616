// First-start seed: one account per role with the demo password, demo records assigned to field users, and nothing on a second start.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS } from '../../sync-server/src/seed/demo-accounts.ts';
import { SEED_DEVICE_ID, seedDemo } from '../../sync-server/src/seed/seed-demo.ts';
import { pullBody } from './ops.ts';
import { startTestServer, TEST_SCRYPT_COST, type TestServer } from './test-server.ts';
import { storeDigest } from './store-digest.ts';

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.close();
});

describe('demo seed', () => {
  it('creates one account per role, each able to log in with the demo password', async () => {
    const roles = new Set(DEMO_ACCOUNTS.map((a) => a.role));
    expect(roles.size).toBe(8);
    for (const account of DEMO_ACCOUNTS) {
      const session = await server.login(account.username);
      const me = await server.app.inject({ method: 'GET', url: '/api/auth/me', headers: session.headers });
      expect(me.json().user.role).toBe(account.role);
    }
  });

  it('assigns demo records to the surveyor and the assessor, visible in their pulls', async () => {
    const surveyor = await server.login('surveyor');
    const assessor = await server.login('assessor');
    const vacant = await server.login('vacant');
    const pull = async (headers: { authorization: string }) =>
      (await server.app.inject({ method: 'POST', url: '/api/sync/pull', headers, payload: pullBody() })).json().records as { formId: string; answers: Record<string, unknown> }[];
    expect((await pull(surveyor.headers)).length).toBe(2);
    expect((await pull(assessor.headers)).filter((r) => r.formId === 'field-check').length).toBe(1);
    expect((await pull(assessor.headers)).filter((r) => r.formId === 'care-case').length).toBe(4);
    expect((await pull(vacant.headers)).length).toBe(0);
    expect((await pull(surveyor.headers))[0]!.formId).toBe('field-check');
  });

  it('leaves the seeding device revoked, so no tablet can take over its op ids', async () => {
    const res = await server.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'supervisor', password: 'genba-demo', deviceId: SEED_DEVICE_ID, deviceLabel: 'x' } });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('E_DEVICE_REVOKED');
  });

  it('does nothing on a later start (users exist)', async () => {
    const before = storeDigest(server.dbFile);
    expect(await seedDemo({ store: server.store, forms: server.forms }, { cost: TEST_SCRYPT_COST })).toBeNull();
    expect(storeDigest(server.dbFile)).toBe(before);
  });
});
