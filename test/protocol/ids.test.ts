// Op ids: `${deviceId}:${counter}` round-trips, and anything else is refused rather than misread.
import { describe, expect, it } from 'vitest';
import { formatOpId, parseOpId } from '../../src/protocol/ids.ts';

describe('op ids', () => {
  it('formats and parses device id and counter', () => {
    const id = formatOpId('0190b6f2-4a1c-7d3e-9f86-d081884c7d65', 12);
    expect(id).toBe('0190b6f2-4a1c-7d3e-9f86-d081884c7d65:12');
    expect(parseOpId(id)).toEqual({ deviceId: '0190b6f2-4a1c-7d3e-9f86-d081884c7d65', counter: 12 });
  });

  it('returns null for text that is not an op id', () => {
    for (const bad of ['', 'device', 'device:', ':3', 'device:-1', 'device:1.5', 'a:b:3']) expect(parseOpId(bad)).toBeNull();
  });
});
