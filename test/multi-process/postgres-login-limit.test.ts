// Two server processes on one PostgreSQL share the login limiter: 30 parallel wrong passwords for one account, split over both, give exactly 10 × 401 and 20 × 429.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postJson, spawnServer, type SpawnedServer } from '../sync-server/spawn-server.ts';
import { pgQueryOnce, postgresUnreachable, TEST_PG_URL } from '../postgres-support.ts';

const DATABASE = `genba_login_limit_${process.pid}_${Date.now()}`;
const reachable = (await postgresUnreachable(TEST_PG_URL, 2_000)) === null;
if (!reachable) console.warn(`PostgreSQL not reachable at ${TEST_PG_URL}: the two-server login limit test was SKIPPED`);

describe.skipIf(!reachable)('login limiter shared by two server processes on one PostgreSQL', () => {
  let serverA: SpawnedServer;
  let serverB: SpawnedServer;

  beforeAll(async () => {
    await pgQueryOnce(TEST_PG_URL, `CREATE DATABASE ${DATABASE}`);
    const url = new URL(TEST_PG_URL);
    url.pathname = `/${DATABASE}`;
    // A long hash wait: on a loaded machine the 10 admitted guesses must reach the hash (401), not time out (503).
    const env = { DATABASE_URL: url.toString(), GENBA_WEBHOOKS: 'off', GENBA_HASH_WAIT_MS: '30000' };
    [serverA, serverB] = await Promise.all([spawnServer(env, 60_000), spawnServer(env, 60_000)]);
  }, 120_000);

  afterAll(async () => {
    await Promise.all([serverA?.stop(), serverB?.stop()]);
    await pgQueryOnce(TEST_PG_URL, `DROP DATABASE IF EXISTS ${DATABASE}`).catch((err) => console.warn(`could not drop ${DATABASE}: ${err}`));
  });

  it('30 parallel wrong passwords over both processes: 10 × 401, 20 × 429 (a per-process limit would let 20 through)', async () => {
    const answers = await Promise.all(Array.from({ length: 30 }, (_, i) => postJson((i % 2 ? serverA : serverB).baseUrl, '/api/auth/login', {
      username: 'surveyor', password: `guess-${i}`, deviceId: `pg-guess-${i}`, deviceLabel: 'x',
    })));
    const statuses = answers.map((a) => a.status);
    expect(statuses.filter((s) => s !== 401 && s !== 429), JSON.stringify(answers.map((a) => a.body.error?.code))).toEqual([]);
    expect(statuses.filter((s) => s === 401)).toHaveLength(10);
    expect(statuses.filter((s) => s === 429)).toHaveLength(20);
    // The account stays locked on both processes, even for the right password.
    for (const server of [serverA, serverB]) {
      const res = await postJson(server.baseUrl, '/api/auth/login', { username: 'surveyor', password: 'genba-demo', deviceId: 'pg-right', deviceLabel: 'x' });
      expect(res.status).toBe(429);
    }
  }, 60_000);
});
