// The office's shared Tokyo time formatter, the unique short record id, and the dashboard's explicit days and queue links.
import { describe, expect, it } from 'vitest';
import { tokyoDate, tokyoDateTime, tokyoDayEndIso, tokyoDayStartIso } from '../../src/app/office/shared/tokyoTime.ts';
import { shortId, shortIds } from '../../src/app/office/shared/shortId.ts';
import { dashboardApiQuery, dashboardDays } from '../../src/app/office/dashboard/dashboardFilters.ts';
import { queueQueryFor } from '../../src/app/office/dashboard/queueLink.ts';
import { filtersFromQuery, filtersToApiQuery } from '../../src/app/office/queue/queueFilters.ts';

describe('tokyoDateTime', () => {
  it('shows an instant as Tokyo wall-clock time, whatever the zone it was written in', () => {
    expect(tokyoDateTime('2026-12-04T23:12:30.000Z')).toBe('2026/12/05 08:12');
    expect(tokyoDateTime('2026-12-05T08:12:00+09:00')).toBe('2026/12/05 08:12');
    expect(tokyoDateTime('2026-01-01T00:00:00Z')).toBe('2026/01/01 09:00');
    expect(tokyoDate('2026-12-04T15:00:00Z')).toBe('2026/12/05');
    expect(tokyoDate('2026-12-04T14:59:59Z')).toBe('2026/12/04');
  });

  it('turns a chosen day into the bounds of that day in Tokyo', () => {
    expect(tokyoDayStartIso('2026-12-05')).toBe('2026-12-04T15:00:00.000Z');
    expect(tokyoDayEndIso('2026-12-05')).toBe('2026-12-05T14:59:59.999Z');
  });

  it('says — for no time and keeps an unreadable value visible', () => {
    expect(tokyoDateTime(null)).toBe('—');
    expect(tokyoDateTime(undefined)).toBe('—');
    expect(tokyoDateTime('someday')).toBe('someday');
  });
});

describe('short record ids', () => {
  // Four 申請 registered within a minute: UUIDv7 ids that share their first 8 characters (their time).
  const cases = ['01a24674-1a2b-7c3d-8e4f-5a6b7c8d9e01', '01a24674-1a2b-7c3d-9e4f-1b2c3d4e5f60', '01a24674-1a2c-7000-a111-222233334444', '01a24674-1a2c-7000-b555-666677778888'];

  it('uses the random end of the id, so records created together still differ', () => {
    expect(new Set(cases.map((id) => id.slice(0, 8))).size).toBe(1); // what the office showed before
    expect(cases.map(shortId)).toEqual(['7c8d9e01', '3d4e5f60', '33334444', '77778888']);
    expect(new Set(cases.map(shortId)).size).toBe(cases.length);
  });

  it('lengthens only ids whose last 8 characters collide among those shown, and stays stable for the others', () => {
    const clash = ['aaaa-1111-0000-12345678', 'bbbb-2222-0000-12345678', 'cccc-3333-0000-87654321'];
    const shorts = shortIds(clash);
    expect(shorts.get('cccc-3333-0000-87654321')).toBe('87654321');
    expect(shorts.get('aaaa-1111-0000-12345678')).not.toBe(shorts.get('bbbb-2222-0000-12345678'));
    expect(clash[0]!.endsWith(shorts.get(clash[0]!)!)).toBe(true);
  });

  it('is part of the id, so the queue search (a substring of the id) finds it', () => {
    for (const id of cases) expect(id.includes(shortId(id))).toBe(true);
  });
});

describe('dashboard days and queue links', () => {
  const today = new Date('2026-12-04T18:00:00Z'); // 2026-12-05 03:00 in Tokyo

  it('counts the last 30 Tokyo days when none are chosen, or the chosen ones', () => {
    expect(dashboardDays({ formId: '', from: '', to: '' }, today)).toEqual({ from: '2026-11-06', to: '2026-12-05' });
    expect(dashboardDays({ formId: '', from: '2026-12-01', to: '2026-12-03' }, today)).toEqual({ from: '2026-12-01', to: '2026-12-03' });
  });

  it('opens the queue on exactly the window and filters the dashboard asked the server for', () => {
    const filters = { formId: 'field-check', from: '', to: '' };
    const api = dashboardApiQuery(filters, today);
    const queue = filtersToApiQuery(filtersFromQuery(queueQueryFor(dashboardDays(filters, today), 'field-check', 'approved')));
    expect(queue.get('from')).toBe(api.get('from'));
    expect(queue.get('to')).toBe(api.get('to'));
    expect(queue.get('formId')).toBe('field-check');
    expect(queue.get('status')).toBe('approved');
    // The total of a form: every status (the queue's default would be 審査待ち only).
    expect(filtersFromQuery(queueQueryFor(dashboardDays(filters, today), 'care-case', null)).statuses).toEqual([]);
  });
});
