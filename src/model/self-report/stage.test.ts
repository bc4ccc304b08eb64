import { describe, it, expect } from 'vitest';
import { parseConfig } from '../../config/index.js';
import { storeWith } from '../funnel/store-fixture.js';
import type { StageContext } from '../stage.js';
import type { Store } from '../../store/index.js';
import { dayStartMs } from '../../time.js';
import { selfReportStage, safeExample } from './stage.js';

function ctxFor(store: Store): StageContext {
  const config = parseConfig({ timeZone: 'UTC' });
  return {
    store,
    config,
    period: {
      start: '2025-04-01',
      end: '2026-03-31',
      startMs: dayStartMs('2025-04-01', 'UTC'),
      endMs: dayStartMs('2026-04-01', 'UTC'),
    },
    issues: [],
    missing: [],
  };
}

describe('selfReportStage', () => {
  it('counts answers by channel beside the tracked channel of the same people', async () => {
    const at = '2025-06-01 09:00:00';
    const people = [
      { person_id: 'a', created_at: at, self_reported_source: 'Twitter', original_source: 'DIRECT_TRAFFIC' },
      {
        person_id: 'b',
        created_at: at,
        self_reported_source: 'Xの投稿',
        original_source: 'SOCIAL_MEDIA',
        original_source_d1: 'Twitter',
      },
      { person_id: 'c', created_at: at, self_reported_source: '@sato さんのポスト', original_source: 'ORGANIC_SEARCH' },
      { person_id: 'd', created_at: at, self_reported_source: '検索', original_source: 'ORGANIC_SEARCH' },
      { person_id: 'e', created_at: at, self_reported_source: '展示会', original_source: 'OFFLINE' },
      {
        person_id: 'f',
        created_at: at,
        self_reported_source: 'mail me at taro@example.com',
        original_source: 'DIRECT_TRAFFIC',
      },
      { person_id: 'g', created_at: at, self_reported_source: 'なし', original_source: 'DIRECT_TRAFFIC' },
      { person_id: 'h', created_at: at, self_reported_source: null, original_source: 'DIRECT_TRAFFIC' },
      // outside the period: not counted
      { person_id: 'i', created_at: '2024-01-01 00:00:00', self_reported_source: 'Twitter' },
    ];
    const store = await storeWith({ people });
    const s = await selfReportStage(ctxFor(store));
    store.close();
    expect(s.people).toBe(8);
    expect(s.answered).toBe(6);
    const row = (c: string) => s.rows.find((r) => r.channel === c);
    expect(row('x')).toEqual({ channel: 'x', selfReported: 3, share: 0.5, tracked: 1 });
    expect(row('search')).toMatchObject({ selfReported: 1, tracked: 2 });
    expect(row('event')).toMatchObject({ selfReported: 1 });
    expect(s.xTracked).toBe(1);
    expect(s.xNotTracked).toBe(2);
    expect(s.unclassified).toEqual({ count: 1, top: [{ text: 'mail me at ***@***', count: 1 }] });
    expect(JSON.stringify(s)).not.toContain('example.com');
    expect(s.rows.reduce((a, r) => a + r.selfReported, 0)).toBe(s.answered);
    expect(s.rows.reduce((a, r) => a + r.tracked, 0)).toBe(s.answered);
    expect(s.missing).toBeNull();
  });

  it('says what to import when nobody answered', async () => {
    const store = await storeWith({ people: [{ person_id: 'a', created_at: '2025-06-01 00:00:00' }] });
    const ctx = ctxFor(store);
    const s = await selfReportStage(ctx);
    store.close();
    expect(s.missing).toEqual({ code: 'selfReport.need' });
    expect(ctx.missing[0]?.section).toBe('selfReport');
  });

  it('shortens long answers', () => {
    expect(safeExample('a'.repeat(100))).toHaveLength(60);
  });
});
