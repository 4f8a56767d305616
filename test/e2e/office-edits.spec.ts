// Office edits in the review (issue 12): a supervisor who edited a surveyor's draft through the sync API sees the edit listed on the record screen and cannot approve it (E_REVIEW_SELF).
import { expect, test, type APIRequestContext } from '@playwright/test';
import { format as formatHlc, nodeIdFrom, parse as parseHlc } from '../../src/protocol/hlc.ts';
import { initialAnswers, newRecordId, op, pullBody, pushBody } from '../sync-server/ops.ts';
import { DEMO_PASSWORD, openLoggedInContext } from './helpers.ts';

test.setTimeout(120_000);

/** A device logged in through the API that pushes ops stamped after the server clock it pulled. */
async function apiDevice(request: APIRequestContext, username: string) {
  const deviceId = newRecordId();
  const login = await request.post('/api/auth/login', { data: { username, password: DEMO_PASSWORD, deviceId, deviceLabel: `${username} (e2e API)` } });
  expect(login.status()).toBe(200);
  const headers = { authorization: `Bearer ${((await login.json()) as { token: string }).token}` };
  let seq = 0;
  const push = async (ops: unknown[]) => {
    const res = await request.post('/api/sync/push', { data: pushBody(deviceId, ops), headers });
    expect(res.status(), await res.text()).toBe(200);
  };
  const opAfter = async (recordId: string, path: string, value: unknown) => {
    const pulled = (await (await request.post('/api/sync/pull', { data: pullBody(0, 1000), headers })).json()) as { records: { id: string; fieldVersions: Record<string, number> }[]; serverHlc: string };
    const record = pulled.records.find((r) => r.id === recordId)!;
    const seen = parseHlc(pulled.serverHlc);
    if (!seen.ok) throw new Error(seen.message);
    seq += 1;
    const hlc = formatHlc({ millis: seen.value.millis, counter: seen.value.counter + seq, node: nodeIdFrom(deviceId) });
    return { ...op({ deviceId, seq, recordId, path, value, baseVersion: record.fieldVersions[path] ?? 0 }), hlc };
  };
  const create = async () => {
    const recordId = newRecordId();
    seq += 1;
    await push([op({ deviceId, seq, recordId, path: '@create', value: initialAnswers('現地 花子') })]);
    return recordId;
  };
  return { push, opAfter, create };
}

test('a supervisor\'s edit of a field draft is listed in the review and blocks their own approval', async ({ browser, baseURL, request }) => {
  const surveyor = await apiDevice(request, 'surveyor');
  const office = await apiDevice(request, 'supervisor');
  const recordId = await surveyor.create();
  await office.push([await office.opAfter(recordId, 'inspector_name', '事務所 修正')]);
  await surveyor.push([await surveyor.opAfter(recordId, '@status', 'ready')]);

  const { context, page } = await openLoggedInContext(browser, baseURL, 'supervisor', '事務所PC', { viewport: { width: 1280, height: 800 } });
  await page.goto(`/office/record/${recordId}`);
  const edits = page.getByTestId('office-record-edits');
  await expect(edits).toHaveAttribute('data-count', '1');
  await expect(edits).toContainText('事務所による編集');
  await expect(edits.getByTestId('office-record-edit')).toContainText('担当者名');
  await page.getByTestId('review-approve').click();
  await expect(page.getByTestId('office-error')).toHaveAttribute('data-code', 'E_REVIEW_SELF');
  await expect(page.getByTestId('office-record')).toHaveAttribute('data-status', 'submitted');
  await context.close();
});
