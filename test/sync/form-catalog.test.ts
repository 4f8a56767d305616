// The server's form catalog and op validation against a real form (field-check): paths, repeats, groups, notes, value types.
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadFormCatalog } from '../../sync-server/src/forms/catalog.ts';
import { checkOp } from '../../sync-server/src/forms/validate-op.ts';
import type { Op } from '../../src/protocol/op.ts';

const catalog = loadFormCatalog();
const form = catalog.get('field-check')!;
const op = (path: string, value: unknown): Op => ({
  opId: 'dev:1', recordId: '0190a8b2-1111-7000-8000-000000000001', formId: 'field-check', formVersion: form.version,
  path, value, hlc: '2026-11-01T09:00:00.000Z-0000-00000000000000aa', baseVersion: 0,
});

describe('form catalog', () => {
  it('loads every form in forms/ with the engine', () => {
    expect(catalog.all().map((f) => f.id)).toContain('field-check');
    expect(catalog.get('nope')).toBeUndefined();
    expect(catalog.get('__proto__')).toBeUndefined();
  });

  it('stops start-up with E_FORM_INVALID when a form does not parse', () => {
    const dir = mkdtempSync(join(tmpdir(), 'genba-forms-'));
    mkdirSync(join(dir, 'broken'));
    writeFileSync(join(dir, 'broken', 'form.json'), JSON.stringify({ id: 'broken', version: 1 }));
    expect(() => loadFormCatalog(dir)).toThrow(/^E_FORM_INVALID: /);
  });
});

describe('checkOp against field-check', () => {
  it.each([
    ['inspector_name', '山田'],
    ['witness.witness_name', '佐藤'],
    ['buildings[0].floors', 3],
    ['buildings[1]', { building_name: 'B棟' }],
    ['buildings', [{ building_name: 'A棟' }]],
    ['defects', ['leak', 'rust']],
    ['location', { lat: 35.6, lng: 139.7 }],
    ['inspector_name', null],
    ['@status', 'ready'],
    ['@ack', { code: 'HIGH_RISK', reason: '上長に報告済み' }],
    ['@create', { inspector_name: '山田', buildings: [] }],
  ])('accepts %s = %j', (path, value) => {
    expect(checkOp(form, op(path, value))).toMatchObject({ ok: true });
  });

  it.each([
    ['nosuch', 1, 'E_UNKNOWN_FIELD'],
    ['intro', 'x', 'E_UNKNOWN_FIELD'],
    ['inspector_name.x', 'x', 'E_UNKNOWN_FIELD'],
    ['buildings[25].floors', 3, 'E_UNKNOWN_FIELD'],
    ['buildings.floors', 3, 'E_UNKNOWN_FIELD'],
    ['buildings[0].floors', '3', 'E_VALUE_INVALID'],
    ['witness', 'text', 'E_VALUE_INVALID'],
    ['buildings', [1, 2], 'E_VALUE_INVALID'],
    ['location', { lat: 200, lng: 0 }, 'E_VALUE_INVALID'],
    ['@status', 'approved', 'E_VALUE_INVALID'],
    ['@create', { nosuch: 1 }, 'E_UNKNOWN_FIELD'],
    ['@migrate', { fromVersion: 1, toVersion: 99 }, 'E_VALUE_INVALID'],
  ])('rejects %s = %j with %s', (path, value, code) => {
    expect(checkOp(form, op(path, value))).toMatchObject({ ok: false, code });
  });

  it('rejects an op for a form version newer than the server has', () => {
    expect(checkOp(form, { ...op('inspector_name', 'x'), formVersion: form.version + 1 })).toMatchObject({ ok: false, code: 'E_FORM_VERSION' });
  });
});
