// Shared fixtures for the sync tests: a small form with every merge kind, actors, op builders and stores to run against.
import { parseForm, type FormDefinition } from '../../src/engine/index.ts';
import { format } from '../../src/protocol/hlc.ts';
import type { Op } from '../../src/protocol/op.ts';
import { PROTOCOL_VERSION } from '../../src/protocol/version.ts';
import type { PushRequest } from '../../src/protocol/push.ts';
import { formCatalogOf, type FormCatalog } from '../../sync-server/src/forms/catalog.ts';
import type { SyncStore } from '../../sync-server/src/storage/sync-store.ts';
import type { Actor } from '../../sync-server/src/sync/types.ts';
import { openMemoryStore } from './memory-store.ts';

export const SYNC_FORM_JSON = {
  id: 'sync-test',
  version: 1,
  title: { ja: '同期テスト', en: 'Sync test' },
  sections: [{
    id: 's', title: { ja: '項目' },
    fields: [
      { id: 'name', type: 'text', label: { ja: '氏名' }, maxLength: 200 },
      { id: 'city', type: 'text', label: { ja: '市' } },
      { id: 'count', type: 'integer', label: { ja: '数' }, constraints: [{ expr: '. <= 100', code: 'E_COUNT_MAX', message: { ja: '100以下' } }] },
      { id: 'tags', type: 'select_multiple', label: { ja: 'タグ' }, choices: [
        { value: 'a', label: { ja: 'A' } }, { value: 'b', label: { ja: 'B' } }, { value: 'c', label: { ja: 'C' } },
        { value: 'none', label: { ja: 'なし' }, exclusive: true },
      ] },
      { id: 'notes', type: 'text', label: { ja: '備考' }, multiline: true, merge: 'append' },
      { id: 'fix', type: 'geopoint', label: { ja: '位置' }, merge: 'lww' },
      { id: 'photos', type: 'photo', label: { ja: '写真' } },
      { id: 'info', type: 'note', label: { ja: '説明' } },
      { id: 'rooms', type: 'repeat', label: { ja: '部屋' }, maxCount: 10, fields: [{ id: 'room_name', type: 'text', label: { ja: '部屋名' } }] },
      { id: 'kind', type: 'select_one', label: { ja: '種別' }, choices: [{ value: 'house', label: { ja: '住宅' } }, { value: 'shop', label: { ja: '店舗' } }] },
      { id: 'area', type: 'select_one', label: { ja: '区画' }, choiceFilter: 'choice.kind == ${kind}', choices: [
        { value: 'h1', label: { ja: '住宅1' }, data: { kind: 'house' } }, { value: 's1', label: { ja: '店舗1' }, data: { kind: 'shop' } },
      ] },
      { id: 'count_double', type: 'integer', label: { ja: '数の2倍' }, relevant: '${count} > 0', calculate: '${count} * 2' },
      { id: 'code', type: 'text', label: { ja: '整理番号' }, readonly: 'not empty(.)' },
      { id: 'place', type: 'group', label: { ja: '場所' }, fields: [
        { id: 'street', type: 'text', label: { ja: '町名' } },
        { id: 'street_label', type: 'text', label: { ja: '表示名' }, relevant: 'not empty(${street})', calculate: "concat(${street}, '町')" },
      ] },
    ],
  }],
};

export function syncForm(): FormDefinition {
  const parsed = parseForm(SYNC_FORM_JSON);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.form;
}

export function testCatalog(): FormCatalog {
  return formCatalogOf([syncForm()]);
}

export function actor(userId: string, deviceId: string, role: Actor['role'] = 'disaster_surveyor', own = true): Actor {
  return { userId, role, deviceId, scope: { formIds: ['sync-test'], userId: own ? userId : null } };
}

export const supervisor = (deviceId = 'dev-super'): Actor => ({ userId: 'u-super', role: 'supervisor', deviceId, scope: { formIds: ['sync-test'], userId: null } });

/** A fixed-format HLC at `millis` for a device node (16 hex digits). */
export function hlcAt(millis: number, node = '00000000000000aa', counter = 0): string {
  return format({ millis, counter, node });
}

export const T0 = Date.UTC(2026, 10, 1, 9, 0, 0);
export const RECORD = '0190a8b2-1111-7000-8000-000000000001';
export const RECORD_2 = '0190a8b2-1111-7000-8000-000000000002';

export function op(deviceId: string, counter: number, path: string, value: unknown, extra: Partial<Op> = {}): Op {
  return {
    opId: `${deviceId}:${counter}`, recordId: RECORD, formId: 'sync-test', formVersion: 1, path, value,
    hlc: hlcAt(T0 + counter * 1000), baseVersion: 0, ...extra,
  };
}

export function push(deviceId: string, ops: Op[]): PushRequest {
  return { protocolVersion: PROTOCOL_VERSION, deviceId, ops };
}

/** The stores the service tests run against: the in-memory one always, SQLite when its adapter is present. */
export async function storeFactories(): Promise<{ name: string; open: () => Promise<SyncStore> }[]> {
  const factories: { name: string; open: () => Promise<SyncStore> }[] = [{ name: 'memory', open: async () => openMemoryStore() }];
  try {
    const { openSqliteStore } = await import('../../sync-server/src/storage/sqlite/open-sqlite-store.ts');
    factories.push({
      name: 'sqlite', open: async () => {
        const store = await openSqliteStore(':memory:');
        await store.migrate();
        return store;
      },
    });
  } catch (error) {
    console.warn(`[sync tests] SQLite adapter not loadable, running on the memory store only: ${(error as Error).message}`);
  }
  return factories;
}
