// Test helper for the care API: a test server at a fixed time, extra assessor accounts, a device that pulls and pushes like a tablet, and a case body.
import { readFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import { format as formatHlc, nodeIdFrom, parse as parseHlc } from '../../src/protocol/hlc.ts';
import { hashPassword } from '../../sync-server/src/auth/password.ts';
import { DEMO_PASSWORD } from '../../sync-server/src/seed/demo-accounts.ts';
import type { Role } from '../../sync-server/src/storage/sync-store.ts';
import { newRecordId, pullBody, pushBody } from '../sync-server/ops.ts';
import { startTestServer, TEST_SCRYPT_COST, type LoggedIn, type TestServer } from '../sync-server/test-server.ts';

/** 2025-04-02 10:00 JST: every date below is relative to it. */
export const NOW = new Date('2025-04-02T01:00:00Z');

export function startCareServer(): Promise<TestServer> {
  return startTestServer({}, { now: () => NOW });
}

export async function addAccount(server: TestServer, username: string, role: Role): Promise<string> {
  const id = randomUUID();
  const passwordHash = await hashPassword(DEMO_PASSWORD, TEST_SCRYPT_COST);
  await server.store.transaction((tx) => tx.putUser({ id, username, displayName: `${username}（試験）`, role, passwordHash, disabled: false, createdAt: NOW.toISOString() }));
  return id;
}

export interface PulledRecord {
  id: string;
  formId: string;
  status: string;
  answers: Record<string, unknown>;
  fieldVersions: Record<string, number>;
}

export interface Device {
  login: LoggedIn;
  pullAll(): Promise<{ records: PulledRecord[]; serverHlc: string }>;
  push(ops: unknown[]): Promise<void>;
  /** An op stamped after everything this device has pulled, as a tablet makes it. */
  op(recordId: string, formId: string, formVersion: number, path: string, value: unknown, baseVersion?: number): unknown;
}

export function deviceOf(server: TestServer, login: LoggedIn): Device {
  let seq = 0;
  let seen = formatHlc({ millis: NOW.getTime() - 60_000, counter: 0, node: nodeIdFrom(login.deviceId) });
  return {
    login,
    async pullAll() {
      const records: PulledRecord[] = [];
      let checkpoint = 0;
      for (let page = 0; page < 100; page++) {
        const res = await server.app.inject({ method: 'POST', url: '/api/sync/pull', headers: login.headers, payload: pullBody(checkpoint, 1000) });
        expect(res.statusCode, res.body).toBe(200);
        const body = res.json() as { records: PulledRecord[]; checkpoint: number; hasMore: boolean; serverHlc: string };
        records.push(...body.records);
        seen = body.serverHlc;
        checkpoint = body.checkpoint;
        if (!body.hasMore) break;
      }
      return { records, serverHlc: seen };
    },
    async push(ops) {
      const res = await server.app.inject({ method: 'POST', url: '/api/sync/push', headers: login.headers, payload: pushBody(login.deviceId, ops) });
      expect(res.statusCode, res.body).toBe(200);
    },
    op(recordId, formId, formVersion, path, value, baseVersion = 0) {
      const last = parseHlc(seen);
      if (!last.ok) throw new Error(last.message);
      seq += 1;
      const hlc = formatHlc({ millis: last.value.millis, counter: last.value.counter + seq, node: nodeIdFrom(login.deviceId) });
      return { opId: `${login.deviceId}:${seq}`, recordId, formId, formVersion, path, value, hlc, baseVersion };
    },
  };
}

export function caseBody(assigneeId: string, overrides: Record<string, unknown> = {}) {
  return {
    assigneeId,
    caseNumber: `T-${randomUUID().slice(0, 8)}`,
    applicationDate: '2025-03-20',
    applicationType: 'new',
    insuredNumber: '0000000901',
    name: '試験 花子',
    nameKana: 'しけん はなこ',
    birthDate: '1941-01-15',
    sex: 'female',
    address: 'ひがし県みほん町ためし1-1',
    phone: '0123-45-0000',
    location: { lat: 35.001, lng: 135.002 },
    preferredTimes: '午前',
    visitAt: '2025-04-03T10:00+09:00',
    ...overrides,
  };
}

/** A whole 調査票 (CARE's valid fixture), surveyed on 2025-03-28. */
export function assessmentAnswers(): Record<string, unknown> {
  return JSON.parse(readFileSync(new URL('../../forms/care-assessment/fixtures/valid.json', import.meta.url), 'utf8')) as Record<string, unknown>;
}

/**
 * The assessor starts the assessment from the case on the tablet and finishes it: @create of the
 * care-assessment record, the case's assessment_record_id, then submit. Returns the assessment id.
 */
export async function surveyCase(server: TestServer, device: Device, caseId: string, submit = true): Promise<string> {
  const { records } = await device.pullAll();
  const pulled = records.find((r) => r.id === caseId);
  if (!pulled) throw new Error('the assessor did not pull the case');
  const form = server.forms.get('care-assessment');
  if (!form) throw new Error('care-assessment form missing');
  const assessmentId = newRecordId();
  const ops = [
    device.op(assessmentId, form.id, form.version, '@create', assessmentAnswers()),
    device.op(caseId, 'care-case', 1, 'assessment_record_id', assessmentId, pulled.fieldVersions['@create'] ?? 0),
  ];
  if (submit) ops.push(device.op(assessmentId, form.id, form.version, '@status', 'ready'));
  await device.push(ops);
  return assessmentId;
}
