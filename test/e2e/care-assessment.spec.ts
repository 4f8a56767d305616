// 認定調査票 end to end on a 768×1024 tablet: the assessor's visit schedule, a whole 調査票 filled offline from a case (every item, 特記事項 with a template phrase, a 警告コード acknowledged), finalized, kept over an offline reload, synced, checked on the server, and its PDF downloaded.
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { PDFDocument } from 'pdf-lib';
import { FormSession, parseForm, type Answers, type FieldDefinition, type FieldPath, type FormDefinition } from '../../src/engine/index.ts';
import { answerField, answerFields, apiGet, apiToken, expectSaved, openLoggedInContext, planAnswers, syncNow } from './helpers.ts';

// Two real logins, about a hundred answers typed and picked, a sync and a PDF with an embedded font on a slow machine.
test.setTimeout(180_000);

const FORM_ID = 'care-assessment';
/** The demo cases' visits are JST days (sync-server/src/seed/demo-cases.ts); the tablet is in Japan too. */
const TABLET = { timezoneId: 'Asia/Tokyo' };
const CASE_NUMBER = 'DEMO-0001';
const ACK_REASON = 'デイサービスで洗身を自分で行っていることを職員に確認した';

function careForm(): FormDefinition {
  const parsed = parseForm(JSON.parse(readFileSync(`forms/${FORM_ID}/form.json`, 'utf8')));
  if (!parsed.ok) throw new Error(`forms/${FORM_ID}/form.json: ${JSON.stringify(parsed.errors.slice(0, 3))}`);
  return parsed.form;
}

function jstToday(): string {
  return new Date(Date.now() + 9 * 3_600_000).toISOString().slice(0, 10);
}

/**
 * How 見本 花子 (DEMO-0001, 更新) is found on the visit. Everything not listed here gets the definition's plain answer
 * (planAnswers: the first choice, so 基本調査 mostly 「できる」/「介助されていない」). 1-3 「できない」 with 1-10
 * 「介助されていない」 is 警告コード01; 1-4 and 1-8 are not 1 so that 47 and 48 (1-3 vs 1-4 / 1-8) stay quiet.
 */
const OVERRIDES: Record<string, unknown> = {
  survey_datetime: `${jstToday()}T10:00`,
  survey_place: 'home',
  surveyor_name: '調査 太郎',
  surveyor_org: 'みほん町 介護保険課',
  prior_certification: 'subsequent',
  prior_certification_date: '2024-04-01',
  prior_certification_result: 'care_1',
  subject_name: '見本 花子',
  subject_sex: 'female',
  subject_birth_date: '1940-05-10',
  subject_address: 'ひがし県みほん町さくら1-2-3',
  subject_phone: '0123-45-6701',
  family_name: '見本 一郎',
  family_relation: '夫',
  family_address: '同上',
  family_phone: '0123-45-6701',
  home_services: ['day_service', 'equipment_rental'],
  svc_day_service: 8,
  svc_equipment_rental: 2,
  municipal_special_benefit: 'なし',
  non_insurance_services: '配食サービス（週3回）',
  facility_use: null,
  family_situation: 'couple_only',
  environment_notes: '夫と二人暮らし。寝室は一階。玄関に段差あり。',
  '1-1': [2, 4],
  '1-2': [2],
  '1-3': 3,
  '1-4': 2,
  '1-8': 2,
  '6': [5, 9],
  '7-1': 'A1',
  '7-2': 'Ⅱa',
};

/** The plan without what the engine hides (nested groups kept), i.e. what the server must end up holding. */
function shownPart(plan: Answers, prefix: FieldPath, isRelevant: (path: FieldPath) => boolean): Answers {
  const shown: Answers = {};
  for (const [id, value] of Object.entries(plan)) {
    const path = prefix ? `${prefix}.${id}` : id;
    if (!isRelevant(path)) continue;
    shown[id] = value !== null && typeof value === 'object' && !Array.isArray(value) ? shownPart(value as Answers, path, isRelevant) : value;
  }
  return shown;
}

function tokkiFields(form: FormDefinition): { item: FieldDefinition; text: FieldDefinition } {
  const repeat = form.sections.flatMap((s) => s.fields).find((f) => f.id === 'tokki');
  const item = repeat?.fields?.find((f) => f.id === 'tokki_item');
  const text = repeat?.fields?.find((f) => f.id === 'tokki_text');
  if (!item || !text) throw new Error('care-assessment has no tokki repeat with tokki_item and tokki_text');
  return { item, text };
}

/** Adds a 特記事項 entry for `item` and returns its text box frame. */
async function addTokki(page: Page, form: FormDefinition, index: number, item: string) {
  await page.getByTestId('repeat-add-tokki').click();
  await answerField(page, form, `tokki[${index}].tokki_item`, tokkiFields(form).item, item);
  return page.getByTestId(`field-tokki[${index}].tokki_text`);
}

test('the assessor fills a whole 調査票 offline from a visit, syncs it, and downloads its PDF', async ({ browser, baseURL, request }) => {
  const form = careForm();
  const answerable = form.sections.map((s) => ({ ...s, fields: s.fields.filter((f) => f.type !== 'repeat') }));
  const plan = planAnswers(form, answerable.flatMap((s) => s.fields), OVERRIDES);
  const planned = new FormSession(form, plan);
  const isRelevant = (path: FieldPath) => planned.field(path).relevant;

  const { context, page } = await openLoggedInContext(browser, baseURL, 'assessor', '認定調査タブレット', TABLET);

  // Online: the first sync brought the assigned cases and the 調査票 form; the schedule shows them.
  await page.goto('/');
  await expect(page.getByTestId(`survey-${FORM_ID}`)).toBeVisible();
  await page.getByTestId('care-entry').click();
  const todayCard = page.getByTestId('care-day').getByTestId('care-case-card').filter({ hasText: `申請番号 ${CASE_NUMBER}` });
  await expect(todayCard).toContainText('見本 花子');
  await expect(todayCard).toContainText('10:00');
  await expect(page.getByTestId('care-unscheduled')).toContainText('見本 次子');
  await page.getByRole('button', { name: '次の日' }).click();
  await expect(page.getByTestId('care-day')).toContainText('見本 太郎');
  await page.getByRole('button', { name: '今日', exact: true }).click();

  // Offline from here: the case, 「調査を開始」 and the whole 調査票 live on the device.
  await context.setOffline(true);
  await expect(page.getByTestId('net-status')).toHaveClass(/is-offline/);
  await todayCard.click();
  await expect(page.getByTestId('care-case')).toBeVisible();
  await page.getByTestId('care-start-assessment').click();
  await expect(page.getByTestId('editor')).toBeVisible();
  const recordId = decodeURIComponent(/\/record\/([^/]+)$/.exec(new URL(page.url()).pathname)?.[1] ?? '');
  expect(recordId).not.toBe('');

  const warning01 = page.locator('[data-testid="warning"][data-code="01"]');
  for (const section of answerable) {
    if (section.fields.length === 0) continue;
    await page.getByTestId(`section-${section.id}`).click();
    await expect(page.getByTestId(`section-view-${section.id}`)).toBeVisible();
    // The applicant's data comes prefilled from the case.
    if (section.id === 'overview_2') await expect(page.getByTestId('field-subject_name').locator('input')).toHaveValue('見本 花子');
    if (section.id === 'group_1') await expect(warning01).toHaveCount(0);
    await answerFields(page, form, section.fields, '', plan, isRelevant);
    if (section.id === 'group_1') {
      // 1-3 「できない」 and 1-10 「介助されていない」: the 警告コード appears; the assessor checked and says why.
      await expect(warning01).toContainText('警告コード01');
      await warning01.getByPlaceholder('確認した理由を入力').fill(ACK_REASON);
      await warning01.getByRole('button', { name: '確認済みにする' }).click();
      await expect(warning01).toContainText(`確認済み: ${ACK_REASON}`);
    }
  }

  // 特記事項: one from a template phrase (item number in brackets, the example frequency selected to type over), one typed.
  await page.getByTestId('section-special_notes').click();
  const first = await addTokki(page, form, 0, '1-3');
  await first.getByTestId('tokki-templates-toggle').click();
  await first.getByTestId('tokki-phrase').filter({ hasText: '夜間は体位変換を2、3回' }).click();
  const firstBox = first.locator('textarea');
  await expect(firstBox).toHaveValue('（1-3）夜間は体位変換を2、3回、家族が行っている。');
  await expect(firstBox).toBeFocused();
  await page.keyboard.type('3');
  await expect(firstBox).toHaveValue('（1-3）夜間は体位変換を3回、家族が行っている。');
  const secondText = '（1-10）入浴はデイサービスで週2回。浴槽への出入りは見守りのみで、洗身は自分で行っている。';
  const second = await addTokki(page, form, 1, '1-10');
  await second.locator('textarea').fill(secondText);
  await expect(page.locator('[data-testid="warning"][data-code="TOKKI_VAGUE_WORDS"]')).toHaveCount(0);

  await expectSaved(page);
  await expect(page.getByTestId('error-total')).toHaveAttribute('data-count', '0');
  await page.getByTestId('finalize').click();
  await expect(page.getByTestId('editor-notice')).toHaveAttribute('data-kind', 'ready');
  await expect(page.getByTestId('pending-count')).not.toHaveAttribute('data-count', '0');

  // A reload while still offline: the finalized 調査票 is there, answers and acknowledgement included.
  await page.reload();
  await expect(page.getByTestId('editor')).toBeVisible();
  await expect(page.getByTestId('editor-notice')).toHaveAttribute('data-kind', 'ready');
  await page.getByTestId('section-group_1').click();
  await expect(page.getByTestId('field-1-3').getByTestId('choice-3')).toBeChecked();
  await expect(page.getByTestId('field-1-1').getByTestId('choice-4')).toBeChecked();
  await expect(warning01).toContainText(`確認済み: ${ACK_REASON}`);

  // Online again: one sync hands it to the office.
  await context.setOffline(false);
  await syncNow(page);
  await expect(page.getByTestId('pending-count')).toHaveAttribute('data-count', '0');

  const token = await apiToken(request, 'supervisor', 'e2e-care-supervisor-pc');
  const { record } = await apiGet<{ record: { status: string; formId: string; answers: Answers } }>(request, token, `/api/records/${recordId}`);
  expect(record.formId).toBe(FORM_ID);
  expect(record.status).toBe('submitted');
  expect(record.answers['1-1']).toEqual([2, 4]);
  expect(record.answers['1-3']).toBe(3);
  expect(record.answers['1-10']).toBe(1);
  expect(record.answers['6']).toEqual([5, 9]);
  expect(record.answers['7-2']).toBe('Ⅱa');
  // Every answer typed or picked arrived as planned (what the engine hides stays out).
  expect(record.answers).toMatchObject(shownPart(plan, '', isRelevant));
  expect(record.answers['tokki']).toMatchObject([
    { tokki_item: '1-3', tokki_text: '（1-3）夜間は体位変換を3回、家族が行っている。' },
    { tokki_item: '1-10', tokki_text: secondText },
  ]);
  expect(record.answers['@ack']).toMatchObject({ '01': ACK_REASON });
  const { cases } = await apiGet<{ cases: { caseNumber: string; assessmentId: string | null; status: string }[] }>(request, token, '/api/office/care/cases');
  expect(cases.find((c) => c.caseNumber === CASE_NUMBER)).toMatchObject({ assessmentId: recordId, status: 'surveyed' });

  // The 調査票 PDF from the editor: made on the tablet, downloaded as a file.
  await page.goto(`/record/${encodeURIComponent(recordId)}`);
  await expect(page.getByTestId('editor')).toBeVisible();
  const downloading = page.waitForEvent('download');
  await page.getByTestId('care-pdf').click();
  const download = await downloading;
  const path = await download.path();
  const pdf = readFileSync(path);
  expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  expect(pdf.length).toBeGreaterThan(10 * 1024);
  expect((await PDFDocument.load(pdf)).getPageCount()).toBeGreaterThanOrEqual(2);

  // The office approves: after a sync the case card says 承認済み, not 送信済み (issue 13, honest status).
  const approved = await request.post(`/api/records/${recordId}/review`, { headers: { authorization: `Bearer ${token}` }, data: { action: 'approve' } });
  expect(approved.status()).toBe(200);
  await syncNow(page);
  await page.goto('/');
  await page.getByTestId('care-entry').click();
  const card = page.getByTestId('care-case-card').filter({ hasText: `申請番号 ${CASE_NUMBER}` }).first();
  await expect(card.getByTestId('status-badge')).toHaveAttribute('data-status', 'approved');
  await expect(card.getByTestId('status-badge')).toHaveText('承認済み');
  await card.scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/screenshots/c-care-card-approved.png' });
  await context.close();
});
