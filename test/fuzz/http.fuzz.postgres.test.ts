// Fuzz on PostgreSQL (skipped when it is not reachable): 1,000 random malformed bodies, for what only PostgreSQL refuses (NUL in text, integer ranges); never a 5xx, nothing changed.
import { describe } from 'vitest';
import { postgresTestStore, postgresUnreachable, TEST_PG_URL } from '../postgres-support.ts';
import { startTestServer } from '../sync-server/test-server.ts';
import { postgresStoreDigest } from '../sync-server/store-digest.ts';
import { describeHttpFuzz } from './http-fuzz.suite.ts';

const hasPg = (await postgresUnreachable(TEST_PG_URL)) === null;
if (!hasPg) console.warn(`PostgreSQL not reachable at ${TEST_PG_URL}: the PostgreSQL HTTP fuzz was SKIPPED`);

describe.skipIf(!hasPg)('PostgreSQL', () => {
  const store = postgresTestStore('fuzz');
  describeHttpFuzz('PostgreSQL', 1_000, {
    start: () => startTestServer({}, { store }),
    digest: () => postgresStoreDigest(TEST_PG_URL, store.schema),
  });
});
