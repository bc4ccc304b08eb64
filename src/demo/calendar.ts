/**
 * Calendar helpers for the demo company. Instants are epoch milliseconds (UTC); calendar days are
 * days in Japan (UTC+9, no daylight saving), written `YYYY-MM-DD`. Nothing here reads the clock or
 * the machine's time zone, so output is the same everywhere.
 */

export const DAY_MS = 86_400_000;
export const HOUR_MS = 3_600_000;
const JST_OFFSET_MS = 9 * HOUR_MS;

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] as const;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** Epoch ms of 00:00 in Japan on the given day. */
export function dayStartMs(day: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!m) throw new RangeError(`not a YYYY-MM-DD day: ${day}`);
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) - JST_OFFSET_MS;
}

interface Parts {
  y: number;
  m: number;
  d: number;
  hh: number;
  mm: number;
  ss: number;
  /** 0 = Sunday */
  dow: number;
}

export function jstParts(ms: number): Parts {
  const t = new Date(ms + JST_OFFSET_MS);
  return {
    y: t.getUTCFullYear(),
    m: t.getUTCMonth() + 1,
    d: t.getUTCDate(),
    hh: t.getUTCHours(),
    mm: t.getUTCMinutes(),
    ss: t.getUTCSeconds(),
    dow: t.getUTCDay(),
  };
}

/** `YYYY-MM-DD` (day in Japan). */
export function ymd(ms: number): string {
  const p = jstParts(ms);
  return `${p.y}-${pad(p.m)}-${pad(p.d)}`;
}

/** `YYYY-MM-DD HH:mm` in Japan time, as HubSpot exports show it. */
export function hubspotTime(ms: number): string {
  const p = jstParts(ms);
  return `${p.y}-${pad(p.m)}-${pad(p.d)} ${pad(p.hh)}:${pad(p.mm)}`;
}

/** ISO 8601 with the +09:00 offset. */
export function isoJst(ms: number): string {
  const p = jstParts(ms);
  return `${p.y}-${pad(p.m)}-${pad(p.d)}T${pad(p.hh)}:${pad(p.mm)}:${pad(p.ss)}+09:00`;
}

/** `Mon Feb 17 2025`, the date form of X's current post export. */
export function xPostDate(ms: number): string {
  const p = jstParts(ms);
  return `${WEEKDAYS[p.dow]} ${MONTHS[p.m - 1]} ${pad(p.d)} ${p.y}`;
}

/** `Tue, Feb 18, 2025`, the date form of X's account overview export. */
export function xDailyDate(day: string): string {
  const p = jstParts(dayStartMs(day));
  return `${WEEKDAYS[p.dow]}, ${MONTHS[p.m - 1]} ${p.d}, ${p.y}`;
}

/** `20250401`, GA4's Date dimension. */
export function ga4Date(day: string): string {
  return day.replaceAll('-', '');
}

/** `2025/4/1`, as Excel in Japan writes dates into CSV. */
export function excelJaDate(day: string): string {
  const [y, m, d] = day.split('-');
  return `${y}/${Number(m)}/${Number(d)}`;
}

/** The day `n` days after `day`. */
export function addDays(day: string, n: number): string {
  return ymd(dayStartMs(day) + n * DAY_MS + HOUR_MS);
}

/** The first day of the month `n` months after the month of `day`. */
export function addMonths(day: string, n: number): string {
  const [y, m] = day.split('-').map(Number) as [number, number];
  const total = y * 12 + (m - 1) + n;
  return `${Math.floor(total / 12)}-${pad((total % 12) + 1)}-01`;
}

/** Every day from `start` to `end` inclusive. */
export function daysBetween(start: string, end: string): string[] {
  const out: string[] = [];
  for (let t = dayStartMs(start); t <= dayStartMs(end); t += DAY_MS) out.push(ymd(t + HOUR_MS));
  return out;
}

/** Day of week in Japan, 0 = Sunday. */
export function dayOfWeek(day: string): number {
  return jstParts(dayStartMs(day)).dow;
}

/**
 * Business activity on a day relative to a normal weekday: weekends, the New Year holidays,
 * Golden Week and Obon are quiet in Japanese B2B.
 */
export function activityFactor(day: string): number {
  const dow = dayOfWeek(day);
  const md = day.slice(5);
  if (md >= '12-29' || md <= '01-03') return 0.15;
  if (md >= '04-29' && md <= '05-05') return 0.45;
  if (md >= '08-13' && md <= '08-16') return 0.4;
  return dow === 0 || dow === 6 ? 0.25 : 1;
}
