import { describe, it, expect, afterAll } from 'vitest';
import { parseConfig } from '../../config/index.js';
import { periodOf, storeWith } from '../funnel/store-fixture.js';
import type { StageContext } from '../stage.js';
import type { Store } from '../../store/index.js';
import { engagementStage } from './stage.js';
import { engagementSummary } from './summary.js';
import { translator } from '../../messages/index.js';

const P1 = '1000000000000000001';
const P2 = '1000000000000000002';
const P3 = '1000000000000000003';

const tables = {
  posts: [
    {
      post_id: P1,
      posted_at: '2026-01-10 10:00:00',
      text: 'Join our webinar on pipeline #B2B https://t.co/AbC123',
      impressions: 1000,
      likes: 100,
      reposts: 10,
      bookmarks: 5,
      replies: 2,
      url_clicks: 5,
      profile_clicks: 3,
      follows: 1,
    },
    {
      post_id: P2,
      posted_at: '2026-01-12 10:00:00',
      text: '導入事例: 営業チームの成果',
      impressions: 500,
      likes: 3,
      reposts: 0,
      bookmarks: 1,
      replies: 4,
      url_clicks: 30,
      profile_clicks: 6,
      follows: 2,
    },
    {
      post_id: P3,
      posted_at: '2026-02-01 10:00:00',
      text: 'Happy holidays',
      impressions: 800,
      likes: 50,
      reposts: 4,
      bookmarks: 0,
      replies: 0,
      url_clicks: 0,
      profile_clicks: 0,
      follows: 0,
    },
  ],
  touchpoints: [
    // UTM content = post id
    { person_id: 'a', occurred_at: '2026-01-10 12:00:00', kind: 'visit', source: 'twitter', content: P1 },
    // UTM content containing the post id: a registration
    { person_id: 'a', occurred_at: '2026-01-10 12:05:00', kind: 'form', source: 'twitter', content: `x-${P1}` },
    // t.co referrer, no post id, 23 h after P2 → P2
    { person_id: 'b', occurred_at: '2026-01-13 09:00:00', kind: 'visit', referrer: 'https://t.co/abc' },
    // t.co referrer 73 h after P2, the nearest earlier post → outside the 48 h window
    { person_id: 'c', occurred_at: '2026-01-15 11:00:00', kind: 'visit', referrer: 't.co' },
    // a DM logged with the post id
    { person_id: 'd', occurred_at: '2026-01-12 18:00:00', kind: 'dm', post_id: P2 },
    // t.co referrer carrying P1's link code, 3 days after P2: the code wins over the window
    { person_id: 'g', occurred_at: '2026-01-15 12:00:00', kind: 'visit', referrer: 'https://t.co/AbC123' },
    // a configured slug
    { person_id: 'e', occurred_at: '2026-01-14 08:00:00', kind: 'visit', content: 'Spring-Webinar' },
    // unrelated touch
    { person_id: 'f', occurred_at: '2026-01-14 08:00:00', kind: 'visit', source: 'google', content: 'brand' },
  ],
  people: [
    { person_id: 'a', created_at: '2026-01-10 12:05:00' },
    { person_id: 'b', created_at: '2026-01-13 09:30:00' },
    { person_id: 'c', created_at: '2026-01-15 11:30:00' },
    { person_id: 'd', created_at: '2025-06-01 00:00:00' },
  ],
  deals: [
    {
      deal_id: 'D1',
      created_at: '2026-02-01 00:00:00',
      stage: 'proposal',
      is_closed: false,
      is_won: false,
      amount: 1_000_000,
    },
    {
      deal_id: 'D2',
      created_at: '2026-01-20 00:00:00',
      closed_at: '2026-03-01 00:00:00',
      stage: 'closedwon',
      is_closed: true,
      is_won: true,
      amount: 500_000,
    },
    {
      deal_id: 'D3',
      created_at: '2026-01-21 00:00:00',
      closed_at: '2026-02-10 00:00:00',
      stage: 'closedlost',
      is_closed: true,
      is_won: false,
      amount: 300_000,
    },
    {
      deal_id: 'D4',
      created_at: '2026-01-20 00:00:00',
      stage: 'proposal',
      is_closed: false,
      is_won: false,
      amount: 700_000,
    },
    // a renewal of an existing customer: no post's doing
    {
      deal_id: 'D5',
      created_at: '2026-02-02 00:00:00',
      stage: 'proposal',
      deal_type: 'Existing Business',
      is_closed: false,
      is_won: false,
      amount: 999,
    },
  ],
  deal_contacts: [
    { deal_id: 'D5', person_id: 'a' },
    { deal_id: 'D1', person_id: 'a' },
    { deal_id: 'D2', person_id: 'b' },
    { deal_id: 'D3', person_id: 'b' },
    { deal_id: 'D4', person_id: 'c' },
  ],
};

const stores: Store[] = [];
afterAll(() => stores.forEach((s) => s.close()));

async function run(overrides: Record<string, unknown> = {}) {
  const store = await storeWith(tables);
  stores.push(store);
  const config = parseConfig({ timeZone: 'UTC', engagement: { slugs: { 'spring-webinar': P2 } }, ...overrides });
  const ctx: StageContext = {
    store,
    config,
    period: periodOf('2026-01-01', '2026-03-31', 'UTC'),
    issues: [],
    missing: [],
  };
  return { section: await engagementStage(ctx), ctx };
}

describe('engagementStage on a hand-built store', () => {
  it('links touches by UTM post id, slug, post id field and t.co window', async () => {
    const { section } = await run();
    expect(section.linking).toEqual({
      utmTouches: 4,
      tcoCodeTouches: 1,
      tcoTouches: 1,
      tcoUnlinked: 1,
      windowHours: 48,
    });
    const byId = new Map(section.posts.map((p) => [p.postId, p]));
    const p1 = byId.get(P1)!;
    expect([p1.sessions, p1.registrations, p1.dms, p1.linkedTouches]).toEqual([2, 1, 0, 3]);
    const p2 = byId.get(P2)!;
    expect([p2.sessions, p2.registrations, p2.dms, p2.linkedTouches]).toEqual([2, 0, 1, 3]);
  });

  it('computes vanity and intent rates per post, with CRM DMs and registrations as intent', async () => {
    const { section } = await run();
    const p1 = section.posts.find((p) => p.postId === P1)!;
    expect(p1.vanityActions).toBe(115);
    expect(p1.vanityRate).toBeCloseTo(0.115, 12);
    // 5 url + 3 profile + 1 follow + 2 replies + 1 registration
    expect(p1.intentActions).toBe(12);
    expect(p1.intentRate).toBeCloseTo(0.012, 12);
  });

  it('follows leads and deals: new leads only, open → pipeline, won → won value, lost → neither', async () => {
    const { section } = await run();
    const byId = new Map(section.posts.map((p) => [p.postId, p]));
    const p1 = byId.get(P1)!;
    expect([p1.leads, p1.opportunities, p1.pipeline, p1.wonValue]).toEqual([1, 1, 1_000_000, 0]);
    // b is a new lead; d was a lead long before the post; e is not a lead
    const p2 = byId.get(P2)!;
    expect([p2.leads, p2.opportunities, p2.pipeline, p2.wonValue, p2.wonDeals]).toEqual([1, 2, 0, 500_000, 1]);
    // pipeline created counts the lost deal too
    expect([p1.pipelineCreated, p2.pipelineCreated]).toEqual([1_000_000, 800_000]);
  });

  it('gives posts no one is linked to zero pipeline, not an error', async () => {
    const { section } = await run();
    const p3 = section.posts.find((p) => p.postId === P3)!;
    expect([p3.leads, p3.opportunities, p3.pipeline, p3.wonValue, p3.sessions]).toEqual([0, 0, 0, 0, 0]);
  });

  it('puts the top posts by pipeline next to the top posts by likes', async () => {
    const { section } = await run();
    expect(section.topByPipeline.map((p) => p.postId)).toEqual([P1, P2]);
    expect(section.topByLikes.map((p) => p.postId)).toEqual([P1, P3, P2]);
  });

  it('sums per month and per theme', async () => {
    const { section } = await run();
    expect(section.months.map((m) => [m.month, m.posts, m.leads, m.pipeline])).toEqual([
      ['2026-01', 2, 2, 1_000_000],
      ['2026-02', 1, 0, 0],
    ]);
    expect(section.themes.map((t) => [t.theme, t.posts])).toEqual([
      ['webinar', 1],
      ['case_study', 1],
      ['other', 1],
    ]);
    expect(section.totals.wonValue).toBe(500_000);
  });

  it('widens the t.co window from config', async () => {
    const { section } = await run({ engagement: { tcoWindowHours: 100, slugs: { 'spring-webinar': P2 } } });
    expect(section.linking.tcoTouches).toBe(2);
    const p2 = section.posts.find((p) => p.postId === P2)!;
    // c's deal D4 (open, 700 000) now belongs to P2
    expect(p2.pipeline).toBe(700_000);
  });

  it('reports correlations with intervals, labelled as correlation', async () => {
    const { section } = await run();
    expect(section.correlationBasis).toBe('correlation');
    expect(section.correlations.map((c) => c.action)).toContain('urlClicks');
    // 3 posts: too few for an interval
    expect(section.correlations.every((c) => c.pearson.low === null)).toBe(true);
  });

  it('says what to import when there are no posts', async () => {
    const store = await storeWith({});
    stores.push(store);
    const ctx: StageContext = {
      store,
      config: parseConfig({}),
      period: periodOf('2026-01-01', '2026-03-31', 'UTC'),
      issues: [],
      missing: [],
    };
    const s = await engagementStage(ctx);
    expect(s.reason).toBe('reason.no_posts');
    expect(ctx.missing[0]?.section).toBe('engagement');
  });

  it('summarises in a few catalog lines, in both languages', async () => {
    const { section } = await run();
    const en = engagementSummary(section, translator('en'), { locale: 'en', currency: 'JPY' });
    expect(en[0]).toBe(translator('en')('engagement.title', { posts: 3 }));
    expect(en).toContain(
      translator('en')('engagement.topPipeline', {
        text: 'Join our webinar on pipeline #B2B',
        value: '¥1,000,000',
      }),
    );
    const ja = engagementSummary(section, translator('ja'));
    expect(ja[0]).toBe(translator('ja')('engagement.title', { posts: 3 }));
    expect(ja.length).toBe(en.length);
  });

  it('shows pipeline created (open + won + lost) to managers, also for posts whose deals have all closed', async () => {
    const { section } = await run();
    const p2 = section.posts.find((p) => p.postId === P2)!;
    // P2's deals are closed (one won 500 000, one lost 300 000): no open pipeline, but 800 000 created
    expect([p2.pipeline, p2.pipelineCreated]).toEqual([0, 800_000]);
    const tr = translator('en');
    const closedTop = { ...section, topByPipeline: [p2] };
    const en = engagementSummary(closedTop, tr, { locale: 'en', currency: 'JPY' });
    expect(en).toContain(
      tr('engagement.topPipeline', { text: p2.text.replace(/https?:\/\/\S+/g, '').trim(), value: '¥800,000' }),
    );
    // the totals line leads with pipeline created and names the open part
    expect(en).toContain(
      tr('engagement.downstream', {
        leads: section.totals.leads,
        opportunities: section.totals.opportunities,
        pipeline: '¥1,800,000',
        open: '¥1,000,000',
        won: '¥500,000',
      }),
    );
    // the monthly chart plots pipeline created
    expect(section.chart.monthly.map((m) => m.pipeline)).toEqual([1_800_000, 0]);
  });
});
