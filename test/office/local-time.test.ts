// Times people read in exports: wall clock in the server's zone (GENBA_TIMEZONE, default Asia/Tokyo), the offset written out for machines.
import { describe, expect, it } from 'vitest';
import { isoWithOffset, localAnswerDateTime, localDateTime } from '../../sync-server/src/office/local-time.ts';
import { loadConfig } from '../../sync-server/src/config.ts';

describe('local time', () => {
  it('shows 23:00 UTC as 08:00 the next morning in Tokyo', () => {
    expect(localDateTime('2026-12-04T23:00:00.000Z', 'Asia/Tokyo')).toBe('2026-12-05 08:00');
    expect(isoWithOffset('2026-12-04T23:00:00.000Z', 'Asia/Tokyo')).toBe('2026-12-05T08:00:00+09:00');
    expect(localDateTime('2026-12-05T08:00:00+09:00', 'Asia/Tokyo')).toBe('2026-12-05 08:00');
  });

  it('follows another zone, daylight saving and negative offsets included', () => {
    expect(localDateTime('2026-12-04T23:00:00Z', 'UTC')).toBe('2026-12-04 23:00');
    expect(isoWithOffset('2026-07-01T12:00:00Z', 'America/New_York')).toBe('2026-07-01T08:00:00-04:00');
    expect(isoWithOffset('2026-01-01T12:00:00Z', 'America/New_York')).toBe('2026-01-01T07:00:00-05:00');
    expect(isoWithOffset('2026-01-01T12:00:00Z', 'Asia/Kolkata')).toBe('2026-01-01T17:30:00+05:30');
  });

  it('leaves a datetime answer without a zone at its wall clock, and anything else as it is', () => {
    expect(localAnswerDateTime('2026-12-05T08:00', 'Asia/Tokyo')).toBe('2026-12-05 08:00');
    expect(localAnswerDateTime('2026-12-05T08:00:30', 'Asia/Tokyo')).toBe('2026-12-05 08:00');
    expect(localAnswerDateTime('2026-12-04T23:00Z', 'Asia/Tokyo')).toBe('2026-12-05 08:00');
    expect(localAnswerDateTime('明日', 'Asia/Tokyo')).toBe('明日');
    expect(localDateTime('2026-12-05T08:00', 'Asia/Tokyo')).toBeNull();
  });

  it('is a server setting: Asia/Tokyo by default, GENBA_TIMEZONE to change it, an unknown zone refused at start-up', () => {
    expect(loadConfig({}).timeZone).toBe('Asia/Tokyo');
    expect(loadConfig({ GENBA_TIMEZONE: 'UTC' }).timeZone).toBe('UTC');
    expect(() => loadConfig({ GENBA_TIMEZONE: 'Mars/Olympus' })).toThrow(/E_CONFIG_TIMEZONE/);
  });
});
