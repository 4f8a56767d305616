// Value shapes per field type: good values pass, wrong ones give a coded error on the field's path.
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../src/engine/index.ts';
import type { FieldDefinition } from '../../src/engine/index.ts';
import { f, form, opts } from './helpers.ts';

const HASH = 'ab'.repeat(32);
const choices = [{ value: 'a', label: { ja: 'a' } }, { value: 1, label: { ja: '1' } }];

function errorCode(type: FieldDefinition['type'], value: unknown, extra: Partial<FieldDefinition> = {}): string | null {
  const needsChoices = type === 'select_one' || type === 'select_multiple';
  const fm = form([f('x', type, { ...(needsChoices ? { choices } : {}), ...extra })]);
  return evaluate(fm, { x: value }, opts).errors[0]?.code ?? null;
}

describe('value shapes', () => {
  it.each<[FieldDefinition['type'], unknown]>([
    ['text', 'こんにちは'],
    ['ocr_text', 'ABC-123'],
    ['integer', -5],
    ['decimal', 36.6],
    ['date', '2024-02-29'],
    ['time', '09:05'],
    ['time', '23:59:59'],
    ['datetime', '2025-04-01T10:00'],
    ['datetime', '2025-04-01T10:00:30+09:00'],
    ['timestamp', '2025-04-01T01:02:03.456Z'],
    ['boolean', false],
    ['select_one', 1],
    ['select_multiple', ['a', 1]],
    ['geopoint', { lat: 35.68, lng: 139.76, accuracy: 5, altitude: 40, capturedAt: '2025-04-01T10:00:00+09:00' }],
    ['geoshape', [{ lat: 1, lng: 1 }, { lat: 1, lng: 2 }, { lat: 2, lng: 2 }]],
    ['photo', [{ hash: HASH, mime: 'image/jpeg', width: 800, height: 600, originalHash: HASH }]],
    ['signature', { hash: HASH, mime: 'image/png' }],
  ])('%s accepts %j', (type, value) => {
    expect(errorCode(type, value)).toBe(null);
  });

  it.each<[FieldDefinition['type'], unknown, string]>([
    ['text', 12, 'E_TYPE'],
    ['text', 'x'.repeat(10_001), 'E_TOO_LONG'],
    ['integer', 1.5, 'E_TYPE'],
    ['integer', 2 ** 60, 'E_TYPE'],
    ['integer', '3', 'E_TYPE'],
    ['decimal', Infinity, 'E_TYPE'],
    ['date', '2023-02-29', 'E_TYPE'],
    ['date', '2025-4-1', 'E_TYPE'],
    ['time', '24:00', 'E_TYPE'],
    ['datetime', '2025-04-01 10:00', 'E_TYPE'],
    ['timestamp', '2025-04-01T10:00', 'E_TYPE'],
    ['boolean', 'true', 'E_TYPE'],
    ['select_one', 'b', 'E_CHOICE'],
    ['select_one', ['a'], 'E_TYPE'],
    ['select_multiple', 'a', 'E_TYPE'],
    ['select_multiple', [{ a: 1 }], 'E_TYPE'],
    ['geopoint', { lat: 91, lng: 0 }, 'E_OUT_OF_RANGE'],
    ['geopoint', { lat: '35', lng: 139 }, 'E_TYPE'],
    ['geopoint', { lat: 35, lng: 139, extra: 1 }, 'E_TYPE'],
    ['geoshape', [{ lat: 1, lng: 1 }, { lat: 1, lng: 2 }], 'E_TYPE'],
    ['photo', [{ hash: 'abc', mime: 'image/jpeg' }], 'E_TYPE'],
    ['photo', [{ hash: HASH, mime: 'text/html' }], 'E_TYPE'],
    ['signature', { hash: HASH }, 'E_TYPE'],
    // SVG can carry script: a signature is a PNG from the pad's canvas, nothing else (issue 12).
    ['signature', { hash: HASH, mime: 'image/svg+xml' }, 'E_TYPE'],
    ['photo', [{ hash: HASH, mime: 'image/svg+xml' }], 'E_TYPE'],
    ['signature', { hash: HASH, mime: 'image/jpeg' }, 'E_TYPE'],
  ])('%s rejects %j with %s', (type, value, code) => {
    expect(errorCode(type, value)).toBe(code);
  });

  it('honours maxLength and photo.maxCount', () => {
    expect(errorCode('text', 'abcd', { maxLength: 3 })).toBe('E_TOO_LONG');
    const photos = Array.from({ length: 3 }, () => ({ hash: HASH, mime: 'image/png' }));
    expect(errorCode('photo', photos, { photo: { maxDimension: 1600, keepOriginal: false, maxCount: 2 } })).toBe('E_TOO_MANY');
  });

  it('reports a wrong container shape on the group or repeat path', () => {
    const fm = form([f('g', 'group', { fields: [f('a')] }), f('r', 'repeat', { fields: [f('b')] })]);
    expect(evaluate(fm, { g: 'x', r: {} }, opts).errors.map((e) => `${e.path}:${e.code}`)).toEqual(['g:E_TYPE', 'r:E_TYPE']);
    expect(evaluate(fm, { r: [{ b: 'ok' }, 7] }, opts).errors.map((e) => `${e.path}:${e.code}`)).toEqual(['r[1]:E_TYPE']);
  });
});
