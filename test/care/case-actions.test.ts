// The tablet's case writes on a fake IndexedDB: reschedule and call log go through the outbox (so they sync), 「調査を開始」 creates and links the 調査票 in one transaction, and refuses without the form.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { assessmentPrefill } from '../../forms/care-case/assessment-prefill.ts';
import { readCase } from '../../forms/care-case/case-fields.ts';
import { entriesOf, saveForm, type RecordRow } from '../../src/data/index.ts';
import { appDb, recordRepository } from '../../src/app/db.ts';
import { logCall, rescheduleVisit, startAssessment, unlinkDeletedAssessment } from '../../src/app/care/caseActions.ts';
import { loadFormCatalog } from '../../sync-server/src/forms/catalog.ts';

const catalog = loadFormCatalog();
let caseCounter = 0;

/** A case as a pull stores it: written without outbox entries, status draft, with server field versions. */
async function pulledCase(answers: Record<string, unknown> = {}): Promise<string> {
  caseCounter += 1;
  const id = `0195d2a0-0000-7000-8000-${String(caseCounter).padStart(12, '0')}`;
  const row: RecordRow = {
    id, formId: 'care-case', formVersion: 1, fieldClocks: {}, status: 'draft', errorCount: 0, acknowledgedWarnings: {}, deviceId: '',
    createdAt: '2025-04-01T00:00:00Z', updatedAt: '2025-04-01T00:00:00Z', fieldVersions: { '@create': 7, visit_at: 7 }, serverVersion: 7,
    answers: { case_number: `C-${caseCounter}`, application_date: '2025-03-20', application_type: 'new', insured_number: '0000000001', name: '見本 花子', sex: 'female', visit_at: '2025-04-03T10:00+09:00', ...answers },
  };
  await recordRepository().putMany([row]);
  return id;
}

describe('case writes on the tablet', () => {
  it('reschedules through the outbox with the pulled version as the base', async () => {
    await saveForm(appDb(), catalog.get('care-case')!);
    const id = await pulledCase();
    await rescheduleVisit(id, '2025-04-04T13:30+09:00');
    const row = await recordRepository().get(id);
    expect(row?.answers.visit_at).toBe('2025-04-04T13:30+09:00');
    expect(row?.title).toBe('見本 花子');
    const outbox = await entriesOf(appDb(), id);
    expect(outbox.map((e) => [e.path, e.value, e.baseVersion])).toEqual([['visit_at', '2025-04-04T13:30+09:00', 7]]);
  });

  it('appends calls to the log as the whole repeat, keeping the earlier ones', async () => {
    const id = await pulledCase({ calls: [{ call_at: '2025-04-01T09:00+09:00', call_result: 'no_answer' }] });
    await logCall(id, { at: '2025-04-02T10:15+09:00', result: 'scheduled', memo: '  長女が対応  ' });
    const row = await recordRepository().get(id);
    expect(readCase(row!.answers).calls).toEqual([
      { at: '2025-04-01T09:00+09:00', result: 'no_answer', memo: '' },
      { at: '2025-04-02T10:15+09:00', result: 'scheduled', memo: '長女が対応' },
    ]);
    expect(row?.errorCount).toBe(0);
    const outbox = await entriesOf(appDb(), id);
    expect(outbox.at(-1)?.path).toBe('calls');
  });

  it('says so instead of starting when the 調査票 form is not on the device', async () => {
    const id = await pulledCase();
    expect(await startAssessment(id)).toEqual({ ok: false, code: 'E_ASSESSMENT_FORM_MISSING' });
    expect(readCase((await recordRepository().get(id))!.answers).assessmentRecordId).toBeNull();
  });

  it('creates the prefilled 調査票 and links it in the case, once', async () => {
    const form = catalog.get('care-assessment')!;
    await saveForm(appDb(), form);
    const id = await pulledCase();
    const started = await startAssessment(id, '調査 太郎');
    if (!started.ok) throw new Error(started.code);
    expect(started.created).toBe(true);
    const assessment = await recordRepository().get(started.assessmentId);
    expect(assessment?.formId).toBe('care-assessment');
    expect(assessment?.answers).toEqual(assessmentPrefill(readCase((await recordRepository().get(id))!.answers), form, '調査 太郎'));
    expect(assessment?.answers.surveyor_name).toBe('調査 太郎');
    expect(readCase((await recordRepository().get(id))!.answers).assessmentRecordId).toBe(started.assessmentId);
    // Both writes are queued for the server: the 調査票's @create and the case's link.
    expect((await entriesOf(appDb(), started.assessmentId)).map((e) => e.path)).toEqual(['@create']);
    expect((await entriesOf(appDb(), id)).map((e) => [e.path, e.value])).toEqual([['assessment_record_id', started.assessmentId]]);

    const again = await startAssessment(id);
    expect(again).toEqual({ ok: true, assessmentId: started.assessmentId, created: false });
    expect(await recordRepository().listByForm('care-assessment')).toHaveLength(1);
  });

  it('a deleted 調査票 draft lets go of its case, so 調査を開始 works again (and the server counts the case 未調査 too)', async () => {
    await saveForm(appDb(), catalog.get('care-assessment')!);
    const id = await pulledCase();
    const started = await startAssessment(id);
    if (!started.ok) throw new Error(started.code);
    await recordRepository().remove(started.assessmentId);
    await unlinkDeletedAssessment(started.assessmentId);
    expect(readCase((await recordRepository().get(id))!.answers).assessmentRecordId).toBeNull();
    expect((await entriesOf(appDb(), id)).at(-1)).toMatchObject({ path: 'assessment_record_id', value: null });
    const restarted = await startAssessment(id);
    expect(restarted).toMatchObject({ ok: true, created: true });
  });
});
