import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { dayStartMs, dayOf, zoneOffsetMs, addMonths, addDays } from './time.js';

describe('time zones', () => {
  it('Tokyo midnight is 15:00 UTC the day before', () => {
    expect(new Date(dayStartMs('2026-04-01', 'Asia/Tokyo')).toISOString()).toBe('2026-03-31T15:00:00.000Z');
    expect(zoneOffsetMs(Date.UTC(2026, 0, 1), 'Asia/Tokyo')).toBe(9 * 3600_000);
  });
  it('handles a DST zone on both sides of the change', () => {
    expect(new Date(dayStartMs('2026-07-01', 'America/New_York')).toISOString()).toBe('2026-07-01T04:00:00.000Z');
    expect(new Date(dayStartMs('2026-01-15', 'America/New_York')).toISOString()).toBe('2026-01-15T05:00:00.000Z');
  });
  it('property: the day of a day start is that day', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 20000 }),
        fc.constantFrom('Asia/Tokyo', 'UTC', 'Europe/Berlin', 'America/Los_Angeles'),
        (n, tz) => {
          const day = addDays('2000-01-01', n);
          expect(dayOf(dayStartMs(day, tz), tz)).toBe(day);
        },
      ),
    );
  });
  it('adds months with clamping', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2026-04-01', -12)).toBe('2025-04-01');
  });
});
