// The hand-off feed: paged in cursor order, at least once (re-reading from an old cursor repeats, never skips), picks up later approvals, audits reads; bad cursors and limits are coded 400s.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LoggedIn, TestServer } from '../sync-server/test-server.ts';
import { approve, approveNewRecords, getJson, startOfficeServer, TestDevice } from './office-fixture.ts';

let server: TestServer;
let device: TestDevice;
let supervisor: LoggedIn;

interface Change { cursor: number; recordId: string; revision: number; approvedBy: string; answers: Record<string, unknown> }
interface Page { changes: Change[]; next: number; hasMore: boolean }

beforeAll(async () => {
  server = await startOfficeServer();
  device = await TestDevice.signIn(server);
  supervisor = await server.login('supervisor');
});
afterAll(async () => {
  await server.close();
});

async function page(after: number, limit: number): Promise<Page> {
  const res = await getJson(server, `/api/handoff/changes?after=${after}&limit=${limit}`, supervisor.headers);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body as unknown as Page;
}

/** Reads every page from `after` (bounded), the way an office system does. */
async function readAll(after: number, limit: number): Promise<{ changes: Change[]; pages: Page[]; next: number }> {
  const pages: Page[] = [];
  let cursor = after;
  for (let i = 0; i < 100; i++) {
    const p = await page(cursor, limit);
    pages.push(p);
    cursor = p.next;
    if (!p.hasMore) break;
  }
  return { changes: pages.flatMap((p) => p.changes), pages, next: cursor };
}

describe('GET /api/handoff/changes', () => {
  let first: string[];
  let next: number;

  it('an empty feed answers no changes, next = after, hasMore false', async () => {
    expect(await page(0, 10)).toEqual({ changes: [], next: 0, hasMore: false });
  });

  it('pages approvals in cursor order; every approval once; hasMore until the last page', async () => {
    first = await approveNewRecords(device, supervisor, 5);
    const all = await readAll(0, 2);
    expect(all.pages.map((p) => [p.changes.length, p.hasMore])).toEqual([[2, true], [2, true], [1, false]]);
    expect(all.changes.map((c) => c.recordId)).toEqual(first);
    const cursors = all.changes.map((c) => c.cursor);
    expect(cursors.every((c, i) => i === 0 || c > cursors[i - 1]!)).toBe(true);
    expect(all.next).toBe(cursors.at(-1));
    expect(all.changes[0]).toMatchObject({ revision: 1, approvedBy: supervisor.userId });
    expect(all.changes[0]!.answers.inspector_name).toBe('試験 太郎');
    next = all.next;
  });

  it('continues after the stored cursor with only the later approvals (a resubmitted record comes again as its new revision)', async () => {
    expect(await page(next, 100)).toEqual({ changes: [], next, hasMore: false });
    const later = await approveNewRecords(device, supervisor, 2);
    const reopened = await server.app.inject({ method: 'POST', url: `/api/records/${first[0]}/review`, headers: supervisor.headers, payload: { action: 'reopen', reason: '再確認' } });
    expect(reopened.statusCode).toBe(200);
    await device.edit(first[0]!, { building_count: 3 }, { submit: true });
    await approve(server, supervisor, first[0]!);
    const rest = await readAll(next, 2);
    expect(rest.changes.map((c) => [c.recordId, c.revision])).toEqual([[later[0], 1], [later[1], 1], [first[0], 2]]);
    expect(rest.changes[2]!.answers.building_count).toBe(3);
  });

  it('is at least once: reading again from an older cursor repeats those changes in the same order', async () => {
    const all = await readAll(0, 3);
    const again = await readAll(all.changes[1]!.cursor, 3);
    expect(again.changes).toEqual(all.changes.slice(2));
  });

  it('audits reads that return changes (not empty polls)', async () => {
    const before = (await getJson(server, '/api/office/audit?action=handoff_read&limit=500', supervisor.headers)).body.entries as unknown[];
    await page(0, 1);
    const latest = await page(1_000_000, 1);
    expect(latest.changes).toEqual([]);
    const after = (await getJson(server, '/api/office/audit?action=handoff_read&limit=500', supervisor.headers)).body.entries as { actor: string; detail: { count: number } }[];
    expect(after.length).toBe(before.length + 1);
    expect(after[0]).toMatchObject({ actor: 'supervisor', detail: { count: 1, after: 0 } });
  });

  it('refuses bad cursors (400 E_BAD_CURSOR), bad limits and unknown parameters (400 E_BAD_REQUEST), and field roles (403)', async () => {
    for (const after of ['-1', 'abc', '1.5', '1e3', '', '99999999999999999999']) {
      const res = await getJson(server, `/api/handoff/changes?after=${encodeURIComponent(after)}`, supervisor.headers);
      expect(res.status, after).toBe(400);
      expect(res.body.error?.code, after).toBe('E_BAD_CURSOR');
    }
    for (const query of ['limit=0', 'limit=1001', 'limit=abc', 'limit=-5', 'limit=1&limit=2', 'cursor=3', 'after=1&after=2']) {
      const res = await getJson(server, `/api/handoff/changes?${query}`, supervisor.headers);
      expect(res.status, query).toBe(400);
      expect(['E_BAD_REQUEST', 'E_BAD_CURSOR'], query).toContain(res.body.error?.code);
    }
    expect((await getJson(server, '/api/handoff/changes', device.login.headers)).status).toBe(403);
    expect((await getJson(server, '/api/handoff/changes', {})).status).toBe(401);
  });
});
