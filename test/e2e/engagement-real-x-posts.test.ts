/**
 * Engagement on the real x-posts exports (../shared/data/real): every file gives intent and vanity
 * rates per post and per month; with no CRM data every post has zero pipeline (not an error); a
 * touch carrying a real post id in utm_content links that post, and only that post, to its deal.
 */
import { describe, it, expect, afterAll } from 'vitest';
import { fileURLToPath } from 'node:url';
import { parseConfig } from '../../src/config/index.js';
import { importFiles } from '../../src/ingest/index.js';
import { engagementStage } from '../../src/model/engagement/index.js';
import { periodOf } from '../../src/model/funnel/store-fixture.js';
import type { StageContext } from '../../src/model/stage.js';
import { Store } from '../../src/store/index.js';

const dir = fileURLToPath(new URL('../../../shared/data/real/', import.meta.url));
const config = parseConfig({ privacy: { salt: 'test-salt' }, locale: 'en' });
const period = periodOf('2010-01-01', '2026-12-31', config.timeZone);
const stores: Store[] = [];
afterAll(() => stores.forEach((s) => s.close()));

async function load(file: string) {
  const store = await Store.memory();
  stores.push(store);
  await importFiles(store, [`${dir}${file}`], config);
  const ctx: StageContext = { store, config, period, issues: [], missing: [] };
  return { store, ctx };
}

interface Row {
  post_id: string;
  impressions: number | null;
  likes: number | null;
  reposts: number | null;
  bookmarks: number | null;
  url_clicks: number | null;
  profile_clicks: number | null;
  follows: number | null;
  replies: number | null;
}

for (const file of ['x-posts-en.csv', 'x-posts-ja.csv', 'x-posts-ja-excel-sjis.csv', 'x-posts-legacy-en.csv']) {
  describe(`engagement on ${file}`, () => {
    it('gives intent and vanity rates per post and per month, and zero pipeline without CRM data', async () => {
      const { store, ctx } = await load(file);
      const s = await engagementStage(ctx);
      const rows = await store.query<Row & Record<string, unknown>>('SELECT * FROM posts');
      expect(s.posts.length).toBe(rows.length);
      expect(s.posts.length).toBeGreaterThan(40);
      const byId = new Map(rows.map((r) => [r.post_id, r]));
      let withImpressions = 0;
      for (const p of s.posts) {
        const r = byId.get(p.postId)!;
        const imp = r.impressions ?? 0;
        if (imp > 0) {
          withImpressions++;
          const intent = (r.url_clicks ?? 0) + (r.profile_clicks ?? 0) + (r.follows ?? 0) + (r.replies ?? 0);
          const vanity = (r.likes ?? 0) + (r.reposts ?? 0) + (r.bookmarks ?? 0);
          expect(p.intentRate).toBeCloseTo(intent / imp, 12);
          expect(p.vanityRate).toBeCloseTo(vanity / imp, 12);
        } else {
          expect(p.intentRate).toBeNull();
        }
        expect([p.leads, p.opportunities, p.pipeline, p.wonValue]).toEqual([0, 0, 0, 0]);
      }
      expect(withImpressions).toBeGreaterThan(0);
      expect(s.months.length).toBeGreaterThan(0);
      expect(s.months.reduce((n, m) => n + m.posts, 0)).toBe(s.posts.length);
      for (const m of s.months) {
        expect(m.month).toMatch(/^\d{4}-\d{2}$/);
        if (m.impressions > 0) {
          expect(m.intentRate).toBeCloseTo(m.intentActions / m.impressions, 12);
          expect(m.vanityRate! >= 0 && m.vanityRate! <= 1).toBe(true);
        }
      }
      expect(s.topByPipeline).toEqual([]);
      expect(s.topByLikes[0]!.likes).toBe(Math.max(...s.posts.map((p) => p.likes)));
      expect(ctx.issues.map((i) => i.code)).toContain('posts_unlinked');
      expect(JSON.stringify(s)).not.toMatch(/NaN|Infinity/);
    });
  });
}

describe('a touch with a real post id in utm_content', () => {
  it('links that post, and only that post, to the lead and the open deal', async () => {
    const { store, ctx } = await load('x-posts-ja.csv');
    const [post] = await store.query<{ post_id: string; posted_at: string }>(
      'SELECT post_id, posted_at FROM posts ORDER BY impressions DESC, post_id LIMIT 1',
    );
    const after = (h: number) =>
      new Date(Date.parse(post!.posted_at) + h * 3_600_000).toISOString().replace('T', ' ').slice(0, 19);
    await store.run(
      `INSERT INTO touchpoints (person_id, occurred_at, kind, source, medium, content, import_id) VALUES ('p1', ?::TIMESTAMP, 'visit', 'x', 'social', ?, 99)`,
      [after(2), post!.post_id],
    );
    await store.run(`INSERT INTO people (person_id, created_at, import_id) VALUES ('p1', ?::TIMESTAMP, 99)`, [
      after(3),
    ]);
    await store.run(
      `INSERT INTO deals (deal_id, created_at, stage, is_closed, is_won, amount, import_id) VALUES ('D1', ?::TIMESTAMP, 'proposal', false, false, 1200000, 99)`,
      [after(240)],
    );
    await store.run(`INSERT INTO deal_contacts (deal_id, person_id, import_id) VALUES ('D1', 'p1', 99)`);
    const s = await engagementStage(ctx);
    expect(s.topByPipeline.map((p) => [p.postId, p.leads, p.opportunities, p.pipeline])).toEqual([
      [post!.post_id, 1, 1, 1_200_000],
    ]);
    expect(s.posts.filter((p) => p.pipeline > 0)).toHaveLength(1);
    expect(s.totals.pipeline).toBe(1_200_000);
  });
});
