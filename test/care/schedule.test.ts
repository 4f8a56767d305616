// Schedule grouping as pure functions: a visit's written day and time, the day view, the Monday-first week, unscheduled cases, datetime answers from inputs; and the directions maths.
import { describe, expect, it } from 'vitest';
import { readCase } from '../../forms/care-case/case-fields.ts';
import { bearingDegrees, compassPoint, distanceMetres, distanceText, geoUri, geoUriForAddress } from '../../src/app/care/geo.ts';
import {
  addDays, casesOnDay, datetimeAnswer, localInputValue, nowAnswer, offsetText, unscheduled, visitSlot, weekOf, weekSchedule, type ScheduleCase,
} from '../../src/app/care/schedule.ts';

const item = (id: string, answers: Record<string, unknown>): ScheduleCase => ({ id, view: readCase(answers) });
const cases = [
  item('late', { case_number: 'C-3', visit_at: '2025-04-03T15:30+09:00', application_date: '2025-03-01' }),
  item('early', { case_number: 'C-2', visit_at: '2025-04-03T09:00+09:00' }),
  item('monday', { visit_at: '2025-03-31T10:00+09:00' }),
  item('sunday', { visit_at: '2025-04-06T23:30+09:00' }),
  item('next-week', { visit_at: '2025-04-07T00:30+09:00' }),
  item('none-new', { application_date: '2025-03-25' }),
  item('none-old', { application_date: '2025-03-10', visit_at: 'soon' }),
];

describe('visitSlot', () => {
  it('takes the day and time as written, whatever the offset', () => {
    expect(visitSlot('2025-04-03T10:00+09:00')).toEqual({ day: '2025-04-03', time: '10:00' });
    expect(visitSlot('2025-04-03T23:30Z')).toEqual({ day: '2025-04-03', time: '23:30' });
    expect(visitSlot(null)).toBeNull();
    expect(visitSlot('2025-04-03')).toBeNull();
    expect(visitSlot('next Tuesday')).toBeNull();
  });
});

describe('day view', () => {
  it('lists the day\'s visits by time, nothing of other days', () => {
    expect(casesOnDay(cases, '2025-04-03').map((c) => c.id)).toEqual(['early', 'late']);
    expect(casesOnDay(cases, '2025-04-04')).toEqual([]);
  });
});

describe('week view', () => {
  it('runs Monday to Sunday around any day, across a month end', () => {
    expect(weekOf('2025-04-03')).toEqual(['2025-03-31', '2025-04-01', '2025-04-02', '2025-04-03', '2025-04-04', '2025-04-05', '2025-04-06']);
    expect(weekOf('2025-04-06')[0]).toBe('2025-03-31');
    expect(weekOf('2025-03-31')[6]).toBe('2025-04-06');
  });

  it('puts each visit on its day; late Sunday stays in the week, early next Monday does not', () => {
    const week = weekSchedule(cases, '2025-04-02');
    expect(week.map((d) => d.cases.map((c) => c.id))).toEqual([['monday'], [], [], ['early', 'late'], [], [], ['sunday']]);
  });

  it('steps by days across months and years', () => {
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
    expect(addDays('2025-04-03', 7)).toBe('2025-04-10');
  });
});

describe('unscheduled', () => {
  it('keeps cases without a usable visit apart, oldest application first', () => {
    expect(unscheduled(cases).map((c) => c.id)).toEqual(['none-old', 'none-new']);
  });
});

describe('datetime answers', () => {
  it('turns an input value into an answer in the device zone, and back', () => {
    expect(datetimeAnswer('2025-04-03T10:00', 540)).toBe('2025-04-03T10:00+09:00');
    expect(datetimeAnswer('2025-04-03T10:00', -330)).toBe('2025-04-03T10:00-05:30');
    expect(datetimeAnswer('', 540)).toBeNull();
    expect(datetimeAnswer('2025-04-03', 540)).toBeNull();
    expect(localInputValue('2025-04-03T10:00+09:00')).toBe('2025-04-03T10:00');
    expect(localInputValue(null)).toBe('');
    expect(offsetText(0)).toBe('+00:00');
  });

  it('stamps a call with the device clock as a datetime answer', () => {
    const now = new Date(2025, 3, 3, 9, 5);
    const answer = nowAnswer(now);
    expect(answer.slice(0, 16)).toBe('2025-04-03T09:05');
    expect(Date.parse(answer)).toBe(now.getTime());
  });
});

describe('directions', () => {
  const station = { lat: 35.0, lng: 135.0 };
  it('measures straight-line distance and bearing', () => {
    // One minute of latitude is about 1,853 m.
    expect(distanceMetres(station, { lat: 35 + 1 / 60, lng: 135 })).toBeCloseTo(1853, -1);
    expect(distanceMetres(station, station)).toBe(0);
    expect(bearingDegrees(station, { lat: 35.01, lng: 135 })).toBeCloseTo(0, 5);
    expect(bearingDegrees(station, { lat: 35, lng: 135.01 })).toBeCloseTo(90, 1);
    expect(bearingDegrees(station, { lat: 34.99, lng: 134.99 })).toBeGreaterThan(180);
  });

  it('names the compass point and the distance', () => {
    expect(compassPoint(0)).toBe('N');
    expect(compassPoint(44)).toBe('NE');
    expect(compassPoint(200)).toBe('S');
    expect(compassPoint(350)).toBe('N');
    expect(distanceText(850.4)).toBe('850 m');
    expect(distanceText(3240)).toBe('3.2 km');
  });

  it('hands off coordinates or an address to the map app, never a name', () => {
    expect(geoUri({ lat: 35.0012, lng: 135.0034 })).toBe('geo:35.001200,135.003400?q=35.001200,135.003400');
    expect(geoUriForAddress('みほん町1-2')).toBe(`geo:0,0?q=${encodeURIComponent('みほん町1-2')}`);
  });
});
