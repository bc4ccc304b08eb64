/**
 * The analysis period: config.period when set; otherwise the 12 months that end on the last day
 * with data (closed deals, touches, posts, costs, ad spend). Days are in config.timeZone.
 */
import type { Config } from '../config/index.js';
import type { Store } from '../store/index.js';
import { addDays, addMonths, dayOf, dayStartMs } from '../time.js';
import type { Period } from './types.js';

export function makePeriod(start: string, end: string, timeZone: string): Period {
  return { start, end, startMs: dayStartMs(start, timeZone), endMs: dayStartMs(addDays(end, 1), timeZone) };
}

/** The last instant with data in the store, or null for an empty store. */
export async function lastDataInstant(store: Store): Promise<number | null> {
  const v = await store.scalar<string>(`
    SELECT max(t) FROM (
      SELECT max(closed_at) AS t FROM deals WHERE is_closed
      UNION ALL SELECT max(created_at) FROM deals
      UNION ALL SELECT max(occurred_at) FROM touchpoints
      UNION ALL SELECT max(posted_at) FROM posts
      UNION ALL SELECT max(date)::TIMESTAMP FROM costs
      UNION ALL SELECT max(date)::TIMESTAMP FROM ad_daily
    )`);
  return v ? Date.parse(v) : null;
}

export async function resolvePeriod(store: Store, config: Config, now: () => number = Date.now): Promise<Period> {
  const tz = config.timeZone;
  let end = config.period.end;
  if (!end) {
    const last = await lastDataInstant(store);
    end = dayOf(last ?? now(), tz);
  }
  const start = config.period.start ?? addDays(addMonths(end, -12), 1);
  return makePeriod(start, end, tz);
}
