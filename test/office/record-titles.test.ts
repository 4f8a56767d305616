// Record titles on the server: a 調査票 and its 申請 are titled with the applicant (not the assessor), the queue's search finds the applicant's name and 申請番号, and rows stored under an older title rule are retitled once at start-up.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recomputeTitles, TITLE_RULES_META_KEY } from '../../sync-server/src/office/recompute-titles.ts';
import { newRecordId } from '../sync-server/ops.ts';
import type { LoggedIn, TestServer } from '../sync-server/test-server.ts';
import { assessmentAnswers, caseBody, deviceOf, NOW, startCareServer, type Device } from '../care/care-server.ts';

let server: TestServer;
let supervisor: LoggedIn;
let assessor: Device;
let caseId = '';
let assessmentId = '';

interface Item { id: string; formId: string; summary: { title: string | null; subtitle?: string | null } | null }

async function search(q: string): Promise<Item[]> {
  const res = await server.app.inject({ method: 'GET', url: `/api/office/records?q=${encodeURIComponent(q)}`, headers: supervisor.headers });
  expect(res.statusCode, res.body).toBe(200);
  return (res.json() as { items: Item[] }).items;
}

beforeAll(async () => {
  server = await startCareServer();
  supervisor = await server.login('supervisor');
  assessor = deviceOf(server, await server.login('assessor'));
  const created = await server.app.inject({
    method: 'POST', url: '/api/office/care/cases', headers: supervisor.headers,
    payload: caseBody(assessor.login.userId, { caseNumber: 'R7-TITLE-9', name: '題名 和子' }),
  });
  expect(created.statusCode, created.body).toBe(201);
  caseId = (created.json() as { case: { id: string } }).case.id;
  // The tablet starts the 調査票 from the case: the assessor's own name is typed first (記入者), the applicant's later.
  const form = server.forms.get('care-assessment')!;
  assessmentId = newRecordId();
  await assessor.pullAll();
  await assessor.push([
    assessor.op(assessmentId, form.id, form.version, '@create', { ...assessmentAnswers(), surveyor_name: '調査員 太郎', subject_name: '題名 和子', case_number: 'R7-TITLE-9' }),
    assessor.op(assessmentId, form.id, form.version, '@status', 'ready'),
  ]);
});
afterAll(async () => {
  await server.close();
});

describe('record titles in the review queue', () => {
  it('titles the 調査票 and the 申請 with the applicant and the 申請番号, never with the assessor', async () => {
    const found = await search('題名 和子');
    expect(found.map((i) => i.id).sort()).toEqual([assessmentId, caseId].sort());
    const assessment = found.find((i) => i.id === assessmentId)!;
    expect(assessment.summary).toMatchObject({ title: '題名 和子', subtitle: '申請番号 R7-TITLE-9 ・ 調査日 2025-03-28' });
    expect(found.find((i) => i.id === caseId)!.summary).toMatchObject({ title: '題名 和子', subtitle: '申請番号 R7-TITLE-9' });
    expect(await search('調査員 太郎')).toEqual([]);
  });

  it('finds both by the 申請番号, folded like every search (full-width, lower case)', async () => {
    expect((await search('R7-TITLE-9')).map((i) => i.id).sort()).toEqual([assessmentId, caseId].sort());
    expect((await search('ｒ７－ｔｉｔｌｅ－９')).map((i) => i.id).sort()).toEqual([assessmentId, caseId].sort());
  });
});

describe('recomputeTitles at start-up', () => {
  it('retitles rows stored under an older rule once, without a new change sequence', async () => {
    // As a server before this change stored it: the first text answer (the assessor) as title, no subtitle.
    await server.store.transaction(async (tx) => {
      const [stored] = await tx.getRecords([assessmentId]);
      await tx.putRecord({ ...stored!, summary: { ...stored!.summary!, title: '調査員 太郎', subtitle: null } });
      await tx.setMeta(TITLE_RULES_META_KEY, null);
    });
    const before = (await server.store.transaction((tx) => tx.getRecords([assessmentId])))[0]!;
    expect((await search('調査員 太郎')).map((i) => i.id)).toEqual([assessmentId]);
    expect(await search('R7-TITLE-9')).not.toContainEqual(expect.objectContaining({ id: assessmentId }));

    const first = await recomputeTitles(server.store, server.forms, NOW);
    expect(first.forms).toEqual(expect.arrayContaining(['care-assessment', 'care-case']));
    expect(first.records).toBeGreaterThan(0);
    const after = (await server.store.transaction((tx) => tx.getRecords([assessmentId])))[0]!;
    expect(after.summary).toMatchObject({ title: '題名 和子', subtitle: '申請番号 R7-TITLE-9 ・ 調査日 2025-03-28' });
    expect(after.changeSeq).toBe(before.changeSeq);
    expect(after.updatedAt).toBe(before.updatedAt);
    expect(await search('調査員 太郎')).toEqual([]);
    expect((await search('R7-TITLE-9')).map((i) => i.id)).toContain(assessmentId);

    // Remembered: the next start does nothing.
    expect(await recomputeTitles(server.store, server.forms, NOW)).toEqual({ forms: [], records: 0 });
  });

  it('runs again for a form whose title rule changed', async () => {
    const care = server.forms.get('care-assessment')!;
    const changed = { ...care, recordTitle: { title: 'concat(${subject_name}, \' 様\')' } };
    const catalog = { get: (id: string) => (id === care.id ? changed : server.forms.get(id)), all: () => server.forms.all().map((f) => (f.id === care.id ? changed : f)) };
    const result = await recomputeTitles(server.store, catalog, NOW);
    expect(result.forms).toEqual(['care-assessment']);
    expect((await search('題名 和子 様')).map((i) => i.id)).toEqual([assessmentId]);
  });
});
