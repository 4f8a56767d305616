// The audit describer: every kind of entry the server writes (found by reading the writers' source) reads as a Japanese and an English sentence with names, Tokyo time and no developer words.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { createInstance, type TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { AUDIT_ACTIONS, type AuditEntryMessage, type AuditNames } from '../../src/protocol/office/index.ts';
import { describeAudit } from '../../src/app/office/audit/describeAudit.ts';
import { phraseText } from '../../src/app/office/shared/phraseText.ts';
import ja from '../../src/app/office/i18n/ja.json';
import en from '../../src/app/office/i18n/en.json';
import peopleJa from '../../src/app/office/i18n/people.ja.json';
import peopleEn from '../../src/app/office/i18n/people.en.json';
import appJa from '../../src/app/i18n/ja.json';
import appEn from '../../src/app/i18n/en.json';

const NAMES: AuditNames = {
  users: { 'u-sup': '監督 太郎（デモ）', 'u-adm': '管理 花子', 'u-as1': '認定 花子（デモ）', 'u-as2': '認定 次郎', 'u-srv': '調査 一郎' },
  devices: { 'dev-1': '本庁PC', 'dev-2': '調査用タブレット3' },
  records: { 'rec-0001-aaaa-bbbb-cccc-0000deadbeef': { title: '見本 一郎', formId: 'care-assessment' } },
};
const REC = 'rec-0001-aaaa-bbbb-cccc-0000deadbeef';

function entry(action: AuditEntryMessage['action'], detail: Record<string, unknown>, extra: Partial<AuditEntryMessage> = {}): AuditEntryMessage {
  return { seq: 7, at: '2026-12-04T23:12:30.000Z', userId: 'u-sup', actor: 'supervisor', action, recordId: null, detail, ip: '10.0.0.8', ...extra };
}

/** One entry per kind and variant, with the detail exactly as its writer builds it (the file named beside each). */
const CASES: { name: string; entry: AuditEntryMessage; ja: string; en: string }[] = [
  { name: 'sign_in (auth/accounts.ts)', entry: entry('sign_in', { deviceId: 'dev-1' }), ja: 'ログインしました', en: 'Logged in' },
  { name: 'sign_in_failed (auth-routes.ts)', entry: entry('sign_in_failed', { code: 'E_AUTH', deviceId: 'dev-x' }, { userId: null, actor: 'supervisr' }), ja: 'ログインできませんでした（ユーザー名またはパスワードの誤り）', en: 'Could not log in (wrong user name or password)' },
  { name: 'sign_out (auth/accounts.ts)', entry: entry('sign_out', { deviceId: 'dev-2' }), ja: 'ログアウトしました', en: 'Logged out' },
  { name: 'record_view (record-detail.ts)', entry: entry('record_view', {}, { recordId: REC }), ja: '記録を閲覧しました', en: 'Viewed the record' },
  {
    name: 'record_change by push (change-audit.ts)',
    entry: entry('record_change', { deviceId: 'dev-2', changeSeq: 41, ops: 3, outcomes: { applied: 3 }, paths: ['name', 'kana', 'birth'] }, { userId: 'u-srv', actor: 'surveyor', recordId: REC }),
    ja: '調査票を送信しました（3 項目を更新）', en: 'Sent the survey (3 fields updated)',
  },
  {
    name: 'record_change submit with a conflict (change-audit.ts)',
    entry: entry('record_change', { deviceId: 'dev-2', changeSeq: 42, ops: 3, outcomes: { applied: 2, conflict: 1 }, paths: ['name', 'kana', '@status'] }, { recordId: REC }),
    ja: '調査票を提出しました（2 項目を更新、競合 1 件）', en: 'Submitted the survey (2 fields updated, 1 in conflict)',
  },
  {
    name: 'record_change create with more paths (change-audit.ts)',
    entry: entry('record_change', { deviceId: 'dev-2', changeSeq: 1, ops: 1, outcomes: { applied: 1 }, paths: ['@create', ...Array.from({ length: 29 }, (_, i) => `f${i}`)], morePaths: 5 }, { recordId: REC }),
    ja: '記録を作成しました（34 項目を入力）', en: 'Created the record (34 fields filled in)',
  },
  {
    name: 'record_change create and submit in one push (change-audit.ts)',
    entry: entry('record_change', { deviceId: 'dev-2', changeSeq: 11, ops: 17, outcomes: { applied: 17 }, paths: ['@create', 'a', 'b', '@ack', 'c', '@status'] }, { recordId: REC }),
    ja: '記録を作成して提出しました（3 項目を入力）', en: 'Created and submitted the record (3 fields filled in)',
  },
  { name: 'record_change delete (change-audit.ts)', entry: entry('record_change', { deviceId: 'dev-2', changeSeq: 50, ops: 1, outcomes: { applied: 1 }, paths: ['@delete'] }, { recordId: REC }), ja: '記録を削除しました', en: 'Deleted the record' },
  { name: 'record_change refused status (change-audit.ts)', entry: entry('record_change', { deviceId: 'dev-2', changeSeq: 51, ops: 1, outcomes: { rejected: 1 }, paths: ['@status'] }, { recordId: REC }), ja: '変更を送信しましたが、受け付けられませんでした（1 件）', en: 'Sent changes that were refused (1)' },
  { name: 'record_change ack only (change-audit.ts)', entry: entry('record_change', { deviceId: 'dev-2', changeSeq: 52, ops: 1, outcomes: { applied: 1 }, paths: ['@ack'] }, { recordId: REC }), ja: '記録を更新しました', en: 'Updated the record' },
  { name: 'record_change care create-case (care/create-case.ts)', entry: entry('record_change', { care: 'create-case', caseNumber: 'DEMO-0001', assigneeId: 'u-as1' }, { recordId: REC }), ja: '申請 DEMO-0001 を登録しました（担当: 認定 花子（デモ））', en: 'Registered application DEMO-0001 (assessor: 認定 花子（デモ）)' },
  { name: 'record_change care assign-case (care/assign-case.ts)', entry: entry('record_change', { care: 'assign-case', from: 'u-as1', to: 'u-as2', assessment: null }, { recordId: REC }), ja: '担当を 認定 花子（デモ） から 認定 次郎 に変更しました', en: 'Changed the assessor from 認定 花子（デモ） to 認定 次郎' },
  { name: 'review return (review-service.ts)', entry: entry('review', { action: 'return', from: 'submitted', to: 'returned', reason: '氏名のふりがなを確認してください', comments: 2, revision: 1 }, { recordId: REC }), ja: '第1版を差し戻しました（コメント 2 件）', en: 'Returned revision 1 for correction (2 comments)' },
  { name: 'review approve (review-service.ts)', entry: entry('review', { action: 'approve', from: 'submitted', to: 'approved', reason: null, comments: 0, revision: 2 }, { recordId: REC }), ja: '第2版を承認しました', en: 'Approved revision 2' },
  { name: 'review reopen (review-service.ts)', entry: entry('review', { action: 'reopen', from: 'approved', to: 'returned', reason: '再調査', comments: 0, revision: null }, { recordId: REC }), ja: '承認を取り消して差し戻しました', en: 'Withdrew the approval and returned it' },
  { name: 'conflict_resolve (conflict-service.ts)', entry: entry('conflict_resolve', { conflictId: 'c1', path: 'name', kind: 'same-field', reason: '電話で確認', value: '"山田"', reopened: false }, { recordId: REC }), ja: '競合を解決しました', en: 'Resolved a conflict' },
  { name: 'conflict_resolve reopening (conflict-service.ts)', entry: entry('conflict_resolve', { conflictId: 'c2', path: 'name', kind: 'locked-record', reason: '訂正', value: '"x"', reopened: true }, { recordId: REC }), ja: '競合を解決しました（承認を取り消して差し戻し）', en: 'Resolved a conflict (approval withdrawn, returned)' },
  { name: 'export (export-rows.ts)', entry: entry('export', { format: 'xlsx', filter: { formId: 'field-check' }, rows: 12 }), ja: 'XLSX ファイルを出力しました（12 件）', en: 'Exported a XLSX file (12 records)' },
  { name: 'export care (care/export-assessments.ts)', entry: entry('export', { care: 'finished-assessments', filter: {}, rows: 3 }), ja: '認定システム向けCSVを出力しました（3 件）', en: 'Exported the certification CSV (3 records)' },
  { name: 'download photo (blob-routes.ts)', entry: entry('download', { hash: 'ab'.repeat(32), mime: 'image/jpeg', size: 2048 }), ja: '写真・署名を表示しました', en: 'Viewed a photo or signature' },
  { name: 'download pdf (care-pdf-routes.ts)', entry: entry('download', { document: 'care-assessment-pdf', formVersion: 1, lang: 'ja' }, { recordId: REC }), ja: '調査票PDFを出力しました', en: 'Downloaded the assessment PDF' },
  { name: 'handoff_read by a token (office-handoff-routes.ts)', entry: entry('handoff_read', { after: 0, next: 5, count: 5 }, { userId: null, actor: 'token:介護保険システム' }), ja: '連携データを取得しました（5 件）', en: 'Read the hand-off feed (5 changes)' },
  { name: 'token_create (api-tokens.ts)', entry: entry('token_create', { tokenId: 't1', name: '介護保険システム', scopes: ['handoff:read'], expiresAt: null }, { userId: 'u-adm', actor: 'admin' }), ja: 'APIトークン「介護保険システム」を発行しました', en: 'Issued the API token “介護保険システム”' },
  { name: 'token_revoke (api-tokens.ts)', entry: entry('token_revoke', { tokenId: 't1', name: '介護保険システム' }, { userId: 'u-adm', actor: 'admin' }), ja: 'APIトークン「介護保険システム」を失効しました', en: 'Revoked the API token “介護保険システム”' },
  { name: 'webhook_change create (webhooks.ts)', entry: entry('webhook_change', { webhookId: 'w1', change: 'create', url: 'https://kaigo.example.jp/hook', cursor: 0 }), ja: 'Webhook（送信先 https://kaigo.example.jp/hook）を登録しました', en: 'Registered a webhook (to https://kaigo.example.jp/hook)' },
  { name: 'webhook_change pause (webhooks.ts)', entry: entry('webhook_change', { webhookId: 'w1', change: 'update', active: false }), ja: 'Webhook を停止しました', en: 'Paused a webhook' },
  { name: 'webhook_change resume (webhooks.ts)', entry: entry('webhook_change', { webhookId: 'w1', change: 'update', active: true }), ja: 'Webhook を再開しました', en: 'Resumed a webhook' },
  { name: 'webhook_change url (webhooks.ts)', entry: entry('webhook_change', { webhookId: 'w1', change: 'update', url: 'https://b.example.jp/' }), ja: 'Webhook の設定を変更しました', en: "Changed a webhook's settings" },
  { name: 'webhook_replay (webhooks.ts)', entry: entry('webhook_replay', { deliveryId: 'w1:3', webhookId: 'w1', ok: true, status: 200 }, { recordId: REC }), ja: 'Webhook の送信をやり直しました（成功）', en: 'Re-sent a webhook event (succeeded)' },
  { name: 'webhook_replay failed (webhooks.ts)', entry: entry('webhook_replay', { deliveryId: 'w1:3', webhookId: 'w1', ok: false, status: null }, { recordId: REC }), ja: 'Webhook の送信をやり直しました（失敗）', en: 'Re-sent a webhook event (failed)' },
  { name: 'device_revoke (auth/accounts.ts)', entry: entry('device_revoke', { deviceId: 'dev-2', ownerId: 'u-srv' }, { userId: 'u-adm', actor: 'admin' }), ja: '調査 一郎 の端末を失効しました', en: 'Revoked a device of 調査 一郎' },
  { name: 'user_create (user-admin.ts)', entry: entry('user_create', { targetId: 'u-as2', username: 'assessor2', role: 'care_assessor' }), ja: 'アカウント「認定 次郎」（認定調査員）を作成しました', en: 'Created the account “認定 次郎” (Care assessor)' },
  { name: 'user_update role (user-admin.ts)', entry: entry('user_update', { targetId: 'u-as2', username: 'assessor2', role: 'supervisor' }), ja: 'アカウント「認定 次郎」の役割を 監督者 に変更しました', en: 'Changed the role of “認定 次郎” to Supervisor' },
  { name: 'user_update name (user-admin.ts)', entry: entry('user_update', { targetId: 'u-gone', username: 'old.login', displayName: '新しい名前' }), ja: 'アカウント「old.login」を変更しました', en: 'Changed the account “old.login”' },
  { name: 'user_disable (user-admin.ts)', entry: entry('user_disable', { targetId: 'u-as2', username: 'assessor2' }), ja: 'アカウント「認定 次郎」を無効にしました', en: 'Disabled the account “認定 次郎”' },
  { name: 'user_enable (user-admin.ts)', entry: entry('user_enable', { targetId: 'u-as2', username: 'assessor2' }), ja: 'アカウント「認定 次郎」を有効にしました', en: 'Enabled the account “認定 次郎”' },
  { name: 'password_reset (user-admin.ts)', entry: entry('password_reset', { targetId: 'u-as2', username: 'assessor2', mustChange: true }), ja: '「認定 次郎」のパスワードを再設定しました', en: 'Reset the password of “認定 次郎”' },
  { name: 'password_change (user-admin.ts)', entry: entry('password_change', { ok: true }), ja: '自分のパスワードを変更しました', en: 'Changed their own password' },
  { name: 'password_change failed (user-admin.ts)', entry: entry('password_change', { ok: false }), ja: 'パスワードを変更できませんでした（現在のパスワードの誤り）', en: 'Could not change the password (current password wrong)' },
];

const DEVELOPER_WORDS = /changeSeq|outcomes|null|undefined|\{\{|office\.|E_[A-Z]|T\d\d:\d\d|\d{4}-\d\d-\d\dT|deviceId|targetId|\[object/;

let tJa: TFunction;
let tEn: TFunction;

beforeAll(async () => {
  const make = async (lng: 'ja' | 'en') => {
    const i18n = createInstance();
    await i18n.init({
      lng, fallbackLng: false, interpolation: { escapeValue: false },
      resources: {
        ja: { translation: { ...appJa, office: { ...ja, ...peopleJa } } },
        en: { translation: { ...appEn, office: { ...en, ...peopleEn } } },
      },
    });
    return i18n.t.bind(i18n) as TFunction;
  };
  tJa = await make('ja');
  tEn = await make('en');
});

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return name.endsWith('.ts') ? [path] : [];
  });
}

describe('audit entries in words', () => {
  it.each(CASES)('$name', ({ entry: e, ja: wantJa, en: wantEn }) => {
    const d = describeAudit(e, NAMES);
    expect(phraseText(tJa, d.what)).toBe(wantJa);
    expect(phraseText(tEn, d.what)).toBe(wantEn);
    for (const t of [tJa, tEn]) {
      const visible = [phraseText(t, d.who), phraseText(t, d.what), d.device ? phraseText(t, d.device) : '', d.when, d.note ?? ''].join(' ');
      expect(visible).not.toMatch(DEVELOPER_WORDS);
    }
  });

  it('covers every action the protocol knows', () => {
    expect(new Set(CASES.map((c) => c.entry.action))).toEqual(new Set(AUDIT_ACTIONS));
  });

  it('covers every action and every care/change variant the server writes', () => {
    const written = new Set<string>();
    for (const file of sources('sync-server/src')) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/auditEntry\([^,]+,\s*(?:disabled \? '(\w+)' : '(\w+)'|'(\w+)')/g)) for (const a of m.slice(1)) if (a) written.add(a);
      for (const m of text.matchAll(/care: '([\w-]+)'/g)) written.add(`care:${m[1]}`);
      for (const m of text.matchAll(/change: '(\w+)'/g)) written.add(`change:${m[1]}`);
    }
    expect(written.size).toBeGreaterThan(15);
    const covered = new Set(CASES.flatMap((c) => [c.entry.action, ...(typeof c.entry.detail.care === 'string' ? [`care:${c.entry.detail.care}`] : []), ...(typeof c.entry.detail.change === 'string' ? [`change:${c.entry.detail.change}`] : [])]));
    expect([...written].filter((kind) => !covered.has(kind))).toEqual([]);
  });

  it('says who by display name, a token by its name, a failed login by what was typed', () => {
    expect(phraseText(tJa, describeAudit(CASES[0]!.entry, NAMES).who)).toBe('監督 太郎（デモ）');
    expect(phraseText(tJa, describeAudit(entry('handoff_read', { count: 1 }, { userId: null, actor: 'token:連携' }), NAMES).who)).toBe('APIトークン「連携」');
    expect(phraseText(tJa, describeAudit(entry('sign_in_failed', { code: 'E_AUTH' }, { userId: null, actor: 'supervisr' }), NAMES).who)).toBe('supervisr');
  });

  it('names the record by title, the device by its label, the time in Tokyo, keeps the reason and folds the raw detail', () => {
    const d = describeAudit(CASES.find((c) => c.entry.action === 'review')!.entry, NAMES);
    expect(d.record).toEqual({ id: REC, title: '見本 一郎' });
    expect(d.when).toBe('2026/12/05 08:12');
    expect(d.note).toBe('氏名のふりがなを確認してください');
    const push = describeAudit(CASES[4]!.entry, NAMES);
    expect(phraseText(tJa, push.device!)).toBe('調査用タブレット3');
    expect(push.technical).toContainEqual(['changeSeq', '41']);
    expect(push.technical).toContainEqual(['outcomes', '{"applied":3}']);
    expect(phraseText(tJa, describeAudit(entry('sign_in_failed', { code: 'E_AUTH', deviceId: 'dev-x' }), NAMES).device!)).toBe('登録されていない端末');
  });
});
