// Fuzz on the embedded SQLite store: ≥ 5,000 random malformed bodies; never a 5xx, the server stays up, and the stored data is unchanged.
import { startTestServer } from '../sync-server/test-server.ts';
import { storeDigest } from '../sync-server/store-digest.ts';
import { describeHttpFuzz } from './http-fuzz.suite.ts';

describeHttpFuzz('SQLite', 5_000, {
  start: () => startTestServer(),
  digest: async (server) => storeDigest(server.dbFile),
});
