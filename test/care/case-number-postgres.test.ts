// Concurrent office creates of one 申請番号 on PostgreSQL (skipped when it is not reachable): exactly one case is made, the others are 409 E_CARE_CASE_NUMBER_TAKEN.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../sync-server/src/config.ts';
import { readCase } from '../../forms/care-case/case-fields.ts';
import { recordsOfForm } from '../../sync-server/src/care/form-records.ts';
import { startTestServer, type LoggedIn, type TestServer } from '../sync-server/test-server.ts';
import { caseBody, NOW } from './care-server.ts';
import { postgresTestStore, postgresUnreachable, TEST_PG_URL } from '../postgres-support.ts';

const hasPg = (await postgresUnreachable(TEST_PG_URL)) === null;
if (!hasPg) console.warn(`PostgreSQL not reachable at ${TEST_PG_URL}: the case-number race test was SKIPPED`);

describe.skipIf(!hasPg)('case numbers on PostgreSQL', () => {
  let server: TestServer;
  let supervisor: LoggedIn;
  let assessorId: string;

  beforeAll(async () => {
    server = await startTestServer({ webhooks: { ...loadConfig({ PORT: '0' }).webhooks, enabled: false } }, { now: () => NOW, store: postgresTestStore('casenum') });
    supervisor = await server.login('supervisor');
    assessorId = (await server.login('assessor')).userId;
  });
  afterAll(async () => {
    await server?.close();
  });

  it('eight concurrent creates of the same number make one case', async () => {
    for (let round = 0; round < 3; round++) {
      const caseNumber = `RACE-${round}`;
      const answers = await Promise.all(Array.from({ length: 8 }, () =>
        server.app.inject({ method: 'POST', url: '/api/office/care/cases', headers: supervisor.headers, payload: caseBody(assessorId, { caseNumber }) })));
      expect(answers.map((a) => a.statusCode).sort()).toEqual([201, 409, 409, 409, 409, 409, 409, 409]);
      const { records } = await server.store.transaction((tx) => recordsOfForm(tx, 'care-case', 10_000));
      expect(records.filter((r) => readCase(r.answers).caseNumber === caseNumber)).toHaveLength(1);
    }
  });
});
