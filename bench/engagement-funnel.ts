/**
 * Engagement and funnel stages on a synthetic store: 2,000 posts, 50,000 people, 5,000 deals and
 * 10^5 or 10^6 touchpoints (a third with a post id in utm_content, a third with t.co referrers,
 * half of those carrying a post's link code). Baseline: one scan-and-group of the touchpoints by
 * person (what any per-person model must do at least once). Prints wall time, the ratio to the
 * baseline and the process RSS after each step.
 *
 *   npm run bench -- engagement-funnel
 *   BENCH_SIZES=100000 npm run bench -- engagement-funnel
 */
import { parseConfig } from '../src/config/index.js';
import { engagementStage } from '../src/model/engagement/index.js';
import { funnelStage } from '../src/model/funnel/index.js';
import { periodOf } from '../src/model/funnel/store-fixture.js';
import type { StageContext } from '../src/model/stage.js';
import { Store } from '../src/store/index.js';

async function fill(store: Store, touches: number): Promise<void> {
  await store.run(`INSERT INTO posts (post_id, posted_at, text, impressions, likes, reposts, bookmarks, replies, url_clicks, profile_clicks, follows, import_id)
    SELECT (1000000000000000000 + i)::VARCHAR, TIMESTAMP '2025-04-01' + to_hours(i * 4),
           'post ' || i || ' webinar https://t.co/c' || i, 1000 + i % 5000, i % 90, i % 7, i % 5, i % 4, i % 40, i % 11, i % 3, 1
    FROM range(2000) t(i)`);
  await store.run(`INSERT INTO people (person_id, created_at, import_id)
    SELECT 'p' || i, TIMESTAMP '2025-04-01' + to_hours(i % 8000) + to_minutes(30), 1 FROM range(50000) t(i)`);
  await store.run(`INSERT INTO lifecycle (person_id, stage, entered_at, import_id)
    SELECT 'p' || i, 'mql', TIMESTAMP '2025-04-01' + to_hours(i % 8000 + 48), 1 FROM range(0, 50000, 3) t(i)`);
  await store.run(`INSERT INTO deals (deal_id, created_at, closed_at, stage, is_closed, is_won, amount, import_id)
    SELECT 'd' || i, TIMESTAMP '2025-04-01' + to_hours((i * 10) % 8000 + 200),
           CASE WHEN i % 3 = 0 THEN TIMESTAMP '2025-04-01' + to_hours((i * 10) % 8000 + 1200) END,
           CASE WHEN i % 3 = 0 THEN 'closedwon' ELSE 'proposal' END, i % 3 = 0, i % 3 = 0, 100000 + i, 1
    FROM range(5000) t(i)`);
  await store.run(
    `INSERT INTO deal_contacts (deal_id, person_id, import_id) SELECT 'd' || i, 'p' || (i * 10), 1 FROM range(5000) t(i)`,
  );
  await store.run(`INSERT INTO touchpoints (person_id, occurred_at, kind, source, medium, content, referrer, import_id)
    SELECT 'p' || (i % 50000), TIMESTAMP '2025-04-01' + to_hours(i % 8000) + to_minutes(i % 60),
           CASE WHEN i % 20 = 0 THEN 'form' WHEN i % 97 = 0 THEN 'dm' ELSE 'visit' END,
           CASE i % 3 WHEN 0 THEN 'x' WHEN 1 THEN 'google' END, CASE i % 3 WHEN 0 THEN 'social' WHEN 1 THEN 'organic' END,
           CASE WHEN i % 3 = 0 THEN (1000000000000000000 + (i % 2000))::VARCHAR END,
           CASE WHEN i % 3 = 2 THEN 'https://t.co/' || CASE WHEN i % 2 = 0 THEN 'c' || (i % 2000) ELSE 'zz' END END, 1
    FROM range(${touches}) t(i)`);
}

async function time<T>(fn: () => Promise<T>): Promise<[number, T]> {
  const t0 = performance.now();
  const v = await fn();
  return [(performance.now() - t0) / 1000, v];
}

export default async function main(): Promise<void> {
  const sizes = (process.env.BENCH_SIZES ?? '100000,1000000').split(',').map(Number);
  const config = parseConfig({ timeZone: 'UTC' });
  for (const n of sizes) {
    const store = await Store.memory();
    await fill(store, n);
    const ctx: StageContext = {
      store,
      config,
      period: periodOf('2025-04-01', '2026-03-31', 'UTC'),
      issues: [],
      missing: [],
    };
    const [base] = await time(() =>
      store.query('SELECT person_id, count(*) AS n, min(occurred_at) AS t FROM touchpoints GROUP BY person_id'),
    );
    const [eng, e] = await time(() => engagementStage(ctx));
    const rssE = process.memoryUsage().rss / 2 ** 20;
    const [fun, f] = await time(() => funnelStage(ctx));
    const rssF = process.memoryUsage().rss / 2 ** 20;
    console.log(
      `touchpoints ${n}: baseline ${base.toFixed(3)} s | engagement ${eng.toFixed(3)} s (×${(eng / base).toFixed(1)}), ` +
        `rss ${rssE.toFixed(0)} MB, linked utm ${e.linking.utmTouches} code ${e.linking.tcoCodeTouches} window ${e.linking.tcoTouches} | ` +
        `funnel ${fun.toFixed(3)} s (×${(fun / base).toFixed(1)}), rss ${rssF.toFixed(0)} MB, leads ${f.funnel.counts[0]!.count}`,
    );
    store.close();
  }
}
