/**
 * Calendar days in a time zone ↔ UTC instants, with the platform's Intl (no dependency).
 * Stored times are UTC; days are shown and bucketed in the configured zone (DESIGN §4).
 */

const dtfCache = new Map<string, Intl.DateTimeFormat>();
function dtf(timeZone: string): Intl.DateTimeFormat {
  let f = dtfCache.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    dtfCache.set(timeZone, f);
  }
  return f;
}

/** Offset of `timeZone` from UTC at instant `ms`, in milliseconds (Asia/Tokyo → +9 h). */
export function zoneOffsetMs(ms: number, timeZone: string): number {
  const parts = dtf(timeZone).formatToParts(new Date(ms));
  const get = (t: string) => Number(parts.find((p) => p.type === t)?.value);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return asUtc - Math.floor(ms / 1000) * 1000;
}

/** The UTC instant of local wall-clock time y-m-d h:mi:s in `timeZone`. */
export function zonedToUtc(y: number, m: number, d: number, h = 0, mi = 0, s = 0, timeZone = 'UTC'): number {
  const guess = Date.UTC(y, m - 1, d, h, mi, s);
  let off = zoneOffsetMs(guess, timeZone);
  // second pass settles DST transitions
  off = zoneOffsetMs(guess - off, timeZone);
  return guess - off;
}

/** Midnight at the start of the calendar day `YYYY-MM-DD` in `timeZone`, as epoch ms. */
export function dayStartMs(day: string, timeZone: string): number {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return zonedToUtc(y, m, d, 0, 0, 0, timeZone);
}

/** The calendar day (YYYY-MM-DD) of instant `ms` in `timeZone`. */
export function dayOf(ms: number, timeZone: string): string {
  return new Date(ms + zoneOffsetMs(ms, timeZone)).toISOString().slice(0, 10);
}

/** Add whole months to a YYYY-MM-DD day (clamped to the month's last day). */
export function addMonths(day: string, months: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  const last = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, last));
  return target.toISOString().slice(0, 10);
}

/** Add days to a YYYY-MM-DD day. */
export function addDays(day: string, days: number): string {
  const t = Date.parse(`${day}T00:00:00Z`) + days * 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}
