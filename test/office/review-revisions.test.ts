// The review state machine through the API with revisions: every forbidden transition refused without a change, approval blocked by open conflicts, a revision per submit with diffs, and an edit after approval needing approval again.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LoggedIn, TestServer } from '../sync-server/test-server.ts';
import { storeDigest } from '../sync-server/store-digest.ts';
import { approve, getJson, review, startOfficeServer, TestDevice } from './office-fixture.ts';

let server: TestServer;
let device: TestDevice;
let supervisor: LoggedIn;

interface Revision { revision: number; status: string; answers: Record<string, unknown>; approvedSeq: number | null; decidedBy: string | null; reason: string | null }
interface Detail { record: { status: string; summary: { revision: number } | null }; revisions: Revision[]; diffs: { from: number; to: number; changes: { path: string; before: unknown; after: unknown }[] }[] }

beforeAll(async () => {
  server = await startOfficeServer();
  device = await TestDevice.signIn(server);
  supervisor = await server.login('supervisor');
});
afterAll(async () => {
  await server.close();
});

async function detail(recordId: string): Promise<Detail> {
  const { status, body } = await getJson(server, `/api/office/records/${recordId}`, supervisor.headers);
  expect(status, JSON.stringify(body)).toBe(200);
  return body as unknown as Detail;
}

/** A record brought to `status` through the real API. */
async function recordIn(status: 'draft' | 'submitted' | 'returned' | 'approved'): Promise<string> {
  const id = await device.create();
  if (status === 'draft') return id;
  await device.submit(id);
  if (status === 'returned') expect((await review(server, supervisor, id, { action: 'return', reason: '要修正' })).statusCode).toBe(200);
  if (status === 'approved') await approve(server, supervisor, id);
  return id;
}

const ACTIONS = [
  { action: 'return', reason: '理由' },
  { action: 'approve' },
  { action: 'reopen', reason: '理由' },
] as const;
/** REVIEW_TRANSITIONS, as the API must enforce it. */
const ALLOWED: Record<string, string[]> = { draft: [], submitted: ['return', 'approve'], returned: [], approved: ['reopen'] };

describe('review state machine through the API', () => {
  for (const status of ['draft', 'submitted', 'returned', 'approved'] as const) {
    for (const body of ACTIONS) {
      const allowed = ALLOWED[status]!.includes(body.action);
      it(`${body.action} of a ${status} record is ${allowed ? 'allowed' : 'refused with 409 E_REVIEW_TRANSITION and changes nothing'}`, async () => {
        const id = await recordIn(status);
        const before = storeDigest(server.dbFile);
        const res = await review(server, supervisor, id, body);
        if (allowed) {
          expect(res.statusCode, res.body).toBe(200);
        } else {
          expect(res.statusCode, res.body).toBe(409);
          expect(res.json().error.code).toBe('E_REVIEW_TRANSITION');
          expect(storeDigest(server.dbFile)).toBe(before);
        }
      });
    }
  }

  it('refuses a field role every review action (403) without a change', async () => {
    const id = await recordIn('submitted');
    const before = storeDigest(server.dbFile);
    for (const body of ACTIONS) {
      const res = await review(server, device.login, id, body);
      expect(res.statusCode).toBe(403);
      expect(res.json().error.code).toBe('E_FORBIDDEN');
    }
    expect(storeDigest(server.dbFile)).toBe(before);
  });

  it('refuses to approve a record with an open conflict (409 E_REVIEW_CONFLICTS) until it is resolved', async () => {
    const id = await recordIn('submitted');
    // An edit of a submitted record is held as a locked-record conflict.
    const pushed = await device.edit(id, { inspector_name: '提出後の修正' });
    expect(pushed.results[0]!.outcome).toBe('conflict');
    const conflictId = pushed.results[0]!.conflictId!;
    const before = storeDigest(server.dbFile);
    const refused = await review(server, supervisor, id, { action: 'approve' });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('E_REVIEW_CONFLICTS');
    expect(storeDigest(server.dbFile)).toBe(before);
    // A return is still possible; approval after the conflict is resolved (keeping the submitted value).
    const resolved = await server.app.inject({ method: 'POST', url: `/api/conflicts/${conflictId}/resolve`, headers: supervisor.headers, payload: { value: '試験 太郎', reason: '提出時の値を採用' } });
    expect(resolved.statusCode, resolved.body).toBe(200);
    await approve(server, supervisor, id);
    expect((await detail(id)).record.status).toBe('approved');
  });
});

describe('revisions', () => {
  let id: string;

  it('a first submit creates revision 1 with the answers (no @ keys)', async () => {
    id = await device.create();
    expect((await detail(id)).revisions).toEqual([]);
    await device.submit(id);
    const view = await detail(id);
    expect(view.revisions.map((r) => [r.revision, r.status])).toEqual([[1, 'submitted']]);
    expect(view.revisions[0]!.answers.inspector_name).toBe('試験 太郎');
    expect(Object.keys(view.revisions[0]!.answers).some((k) => k.startsWith('@'))).toBe(false);
    expect(view.record.summary?.revision).toBe(1);
  });

  it('a return marks it returned with the reason; the resubmit supersedes it with revision 2 and a diff', async () => {
    const res = await review(server, supervisor, id, { action: 'return', reason: '氏名を確認', comments: [{ path: 'inspector_name', comment: 'フルネームで' }] });
    expect(res.statusCode).toBe(200);
    let view = await detail(id);
    expect(view.revisions[0]).toMatchObject({ status: 'returned', reason: '氏名を確認', decidedBy: supervisor.userId });
    await device.edit(id, { inspector_name: '試験 太郎 修正', building_count: 2 }, { submit: true });
    view = await detail(id);
    expect(view.revisions.map((r) => [r.revision, r.status])).toEqual([[1, 'superseded'], [2, 'submitted']]);
    expect(view.diffs).toEqual([{
      from: 1, to: 2,
      changes: [
        { path: 'building_count', before: 1, after: 2 },
        { path: 'inspector_name', before: '試験 太郎', after: '試験 太郎 修正' },
      ],
    }]);
  });

  it('approval marks the latest revision approved with the approval change sequence as its cursor', async () => {
    await approve(server, supervisor, id);
    const view = await detail(id);
    const latest = view.revisions.at(-1)!;
    expect(latest).toMatchObject({ revision: 2, status: 'approved', decidedBy: supervisor.userId });
    expect(latest.approvedSeq).toBeGreaterThan(0);
  });

  it('an edit after approval, resolved by taking the new value, reopens the record; the next submit is revision 3 needing approval', async () => {
    const pushed = await device.edit(id, { building_count: 5 });
    expect(pushed.results[0]!.outcome).toBe('conflict');
    const resolved = await server.app.inject({
      method: 'POST', url: `/api/conflicts/${pushed.results[0]!.conflictId}/resolve`, headers: supervisor.headers,
      payload: { value: 5, reason: '承認後の棟数訂正を採用' },
    });
    expect(resolved.statusCode, resolved.body).toBe(200);
    let view = await detail(id);
    expect(view.record.status).toBe('returned');
    // The approved revision stays as it was handed off.
    expect(view.revisions.map((r) => r.status)).toEqual(['superseded', 'approved']);
    await device.submit(id);
    view = await detail(id);
    expect(view.revisions.map((r) => [r.revision, r.status])).toEqual([[1, 'superseded'], [2, 'approved'], [3, 'submitted']]);
    expect(view.diffs[1]!.changes).toEqual([{ path: 'building_count', before: 2, after: 5 }]);
    await approve(server, supervisor, id);
    const feed = await getJson(server, '/api/handoff/changes?after=0&limit=1000', supervisor.headers);
    const mine = (feed.body.changes as { recordId: string; revision: number }[]).filter((c) => c.recordId === id).map((c) => c.revision);
    expect(mine).toEqual([2, 3]);
  });

  it('a supervisor reopen keeps the approved revision; the resubmit is a new revision', async () => {
    const res = await review(server, supervisor, id, { action: 'reopen', reason: '再調査' });
    expect(res.statusCode).toBe(200);
    await device.submit(id);
    const view = await detail(id);
    expect(view.revisions.map((r) => [r.revision, r.status])).toEqual([[1, 'superseded'], [2, 'approved'], [3, 'approved'], [4, 'submitted']]);
    expect(view.diffs[2]).toEqual({ from: 3, to: 4, changes: [] });
  });
});
