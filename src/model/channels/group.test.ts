import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { configSchema } from '../../config/index.js';
import { channelGrouper, groupChannel } from './group.js';
import type { RawSource } from './rules.js';

const ch = (raw: RawSource) => groupChannel(raw).channel;

describe('X is recognised everywhere it hides (DESIGN §6.1)', () => {
  it('from utm_source twitter, x, tw, t.co (any case, full-width)', () => {
    for (const source of ['twitter', 'X', 'tw', 't.co', 'TWITTER', 'Ｔｗｉｔｔｅｒ', 'x.com']) {
      expect(ch({ source, medium: 'social' }), source).toBe('x_organic');
    }
  });
  it('from referrers t.co, twitter.com, x.com', () => {
    for (const referrer of [
      'https://t.co/AbC123',
      'https://twitter.com/someone/status/1',
      'https://x.com/home',
      'http://mobile.twitter.com/',
    ]) {
      expect(ch({ referrer }), referrer).toBe('x_organic');
    }
  });
  it('from HubSpot "Social media" / SOCIAL_MEDIA with drill-down Twitter or X', () => {
    expect(ch({ originalSource: 'Social media', originalSourceD1: 'Twitter' })).toBe('x_organic');
    expect(ch({ originalSource: 'SOCIAL_MEDIA', originalSourceD1: 'X' })).toBe('x_organic');
    expect(ch({ originalSource: 'Paid social', originalSourceD1: 'Twitter' })).toBe('x_paid');
    expect(ch({ originalSource: 'Social media', originalSourceD1: 'LinkedIn' })).toBe('linkedin');
  });
  it('from Salesforce lead sources Twitter, X, SNS', () => {
    for (const v of ['Twitter', 'X', 'SNS']) expect(ch({ originalSource: v }), v).toBe('x_organic');
  });
  it('from Japanese labels', () => {
    for (const v of ['X (旧Twitter)', 'X（旧Twitter）', 'ツイッター', 'エックス'])
      expect(ch({ channel: v }), v).toBe('x_organic');
    expect(ch({ customSource: 'X広告' })).toBe('x_paid');
  });
  it('splits paid from organic by medium, ad_click and X Ads', () => {
    for (const medium of ['cpc', 'ppc', 'paid', 'paid_social', 'display', 'ad']) {
      expect(ch({ source: 'twitter', medium }), medium).toBe('x_paid');
    }
    expect(ch({ source: 'twitter', kind: 'ad_click' })).toBe('x_paid');
    expect(ch({ source: 'x', campaign: 'ad_click' })).toBe('x_paid');
    expect(ch({ channel: 'X Ads' })).toBe('x_paid');
    expect(ch({ source: 'twitter', medium: 'organicsocial' })).toBe('x_organic');
  });
  it('does not mistake look-alikes for X (from a real GA4 export)', () => {
    expect(ch({ source: 'tw.search.yahoo.com', medium: 'referral' })).toBe('referral');
    expect(ch({ source: 'x.perkspot.com', medium: 'referral' })).toBe('referral');
    expect(ch({ source: 'stocktwits.com', medium: 'referral' })).toBe('referral');
  });
});

describe('other channels', () => {
  it.each([
    [{ source: '(direct)', medium: '(none)' }, 'direct'],
    [{ source: 'google', medium: 'organic' }, 'organic_search'],
    [{ source: 'google', medium: 'cpc' }, 'paid_search'],
    [{ source: 'newsletter', medium: 'email' }, 'email'],
    [{ source: 'partner-site.example', medium: 'referral' }, 'referral'],
    [{ referrer: 'https://www.linkedin.com/feed' }, 'linkedin'],
    [{ source: 'fbig', medium: 'paid_social' }, 'facebook'],
    [{ kind: 'webinar' }, 'events'],
    [{ channel: 'ウェビナー' }, 'events'],
    [{ originalSource: 'Partner' }, 'partner'],
    [{ originalSource: 'Offline sources' }, 'offline'],
    [{ originalSource: '営業' }, 'offline'],
    [{ originalSource: 'Direct traffic' }, 'direct'],
    [{ source: 'mountain', medium: 'ctv' }, 'other'],
    [{ kind: 'visit' }, 'direct'],
    [{ kind: 'form' }, 'direct'],
    [{ kind: 'dm' }, 'other'],
  ] as [RawSource, string][])('%o → %s', (raw, expected) => {
    expect(ch(raw)).toBe(expected);
  });
});

describe('rules from config', () => {
  it('run before the built-in ones and can override them', () => {
    const config = configSchema.parse({
      channels: {
        rules: [
          { channel: 'x_paid', field: 'campaign', pattern: '^spring-launch' },
          { channel: 'podcast', pattern: 'podcast' },
        ],
      },
    });
    const g = channelGrouper(config);
    expect(g.group({ source: 'twitter', medium: 'social', campaign: 'spring-launch-2026' })).toBe('x_paid');
    expect(g.group({ source: 'my-podcast', medium: 'audio' })).toBe('podcast');
    expect(groupChannel({ source: 'x', medium: 'social' }, config.channels.rules).rule).toBe('x-organic');
  });
  it('a medium condition must also match', () => {
    const rules = configSchema.parse({
      channels: { rules: [{ channel: 'x_paid', field: 'source', pattern: '^x$', medium: '^boost$' }] },
    }).channels.rules;
    expect(groupChannel({ source: 'x', medium: 'boost' }, rules).channel).toBe('x_paid');
    expect(groupChannel({ source: 'x', medium: 'social' }, rules).channel).toBe('x_organic');
  });
});

describe('tally', () => {
  it('counts every mapped and every unmapped value', () => {
    const g = channelGrouper(configSchema.parse({}));
    g.group({ source: 'twitter', medium: 'social' }, 3);
    g.group({ source: 'mountain', medium: 'ctv' });
    g.group({ source: 'mountain', medium: 'ctv' });
    g.group({});
    const t = g.tally();
    expect(t.mapped).toEqual([{ field: 'source/medium', value: 'twitter / social', channel: 'x_organic', count: 3 }]);
    expect(t.unmapped).toEqual([
      { field: 'source/medium', value: 'mountain / ctv', count: 2 },
      { field: '(none)', value: '(empty)', count: 1 },
    ]);
  });
  it('total counted equals the calls (property)', () => {
    const sources = ['twitter', 'google', 'weird', '', 'x', 'mountain'];
    const mediums = ['cpc', 'organic', '', 'ctv', 'referral'];
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom(...sources), fc.constantFrom(...mediums), fc.integer({ min: 1, max: 5 }))),
        (calls) => {
          const g = channelGrouper(configSchema.parse({}));
          for (const [source, medium, n] of calls) g.group({ source, medium }, n);
          const t = g.tally();
          const total = [...t.mapped, ...t.unmapped].reduce((a, e) => a + e.count, 0);
          expect(total).toBe(calls.reduce((a, c) => a + c[2], 0));
        },
      ),
    );
  });
});
