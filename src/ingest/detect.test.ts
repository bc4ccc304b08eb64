import { describe, it, expect } from 'vitest';
import { parseConfig } from '../config/index.js';
import { detectKind, isDetection, normalizeHeader, resolveMapping } from './detect.js';

const config = parseConfig({});

describe('detectKind', () => {
  it('reads the Japanese X header with its stray backslash', () => {
    const h =
      'ポストID,日付,ポスト本文,ポストのリンク,インプレッション数,いいね,エンゲージメント,ブックマーク,共有された回数\\,新しいフォロー'.split(
        ',',
      );
    const d = detectKind(h);
    expect(isDetection(d) && d.preset).toBe('x-posts-current-ja');
    expect(normalizeHeader('共有された回数\\')).toBe('共有された回数');
    const m = resolveMapping('x-posts', 'x-posts-current-ja', h, config);
    expect(m.fields.shares).toBe(8);
    expect(m.missing).toEqual([]);
  });
  it.each([
    ['Date,Impressions,Likes,Engagements,Bookmarks,Shares,New follows,Unfollows', 'x-daily'],
    ['Date,Clicks,Impressions,CTR,Position', 'search-daily'],
    ['Date,Query,Clicks,Impressions,CTR,Position', 'search-daily'],
    ['customer_id,time,interaction,conversion,conversion_value,channel', 'touchpoints'],
    ['date,category,amount,hours,role,description', 'costs'],
    ['cohort,period,active', 'retention'],
    ['Record ID,First Name,Last Name,Email,Lifecycle Stage,Create Date', 'crm-contacts'],
    ['Opportunity Name,Account Name,Stage,Amount,Close Date,Created Date', 'crm-deals'],
    ['Time period,Campaign name,Spend,Impressions,Results,Currency', 'x-ads'],
    ['Date,Session source / medium,Sessions,Total users,New users,Engaged sessions,Key events', 'web-daily'],
  ])('%s → %s', (header, kind) => {
    const d = detectKind(header.split(','));
    expect(isDetection(d) && d.kind).toBe(kind);
  });
  it('says when it cannot tell, and recognises path data', () => {
    expect(detectKind(['foo', 'bar'])).toMatchObject({ reason: 'unknown' });
    expect(detectKind(['path', 'total_conversions', 'total_conversion_value', 'total_null'])).toMatchObject({
      reason: 'paths',
    });
  });
});

describe('resolveMapping', () => {
  it('takes hand mappings and crm.sourceField', () => {
    const h = ['Deal ID', 'Deal value', 'Stage', 'Lead Type'];
    const m = resolveMapping('crm-deals', 'generic-deals', h, parseConfig({ crm: { sourceField: 'Lead Type' } }), {
      flags: { amount: 'deal value', bogus: 'x', stage: 'Nope' },
    });
    expect(m.fields.amount).toBe(1);
    expect(m.fields.custom_source).toBe(3);
    expect(m.unknownFields).toEqual(['bogus']);
    expect(m.unknownHeaders).toEqual([{ field: 'stage', header: 'Nope' }]);
  });
});
