/**
 * x-ads: X Ads spend by day. Presets: the X Ads Manager campaign export (columns as documented by
 * X: Time period / Campaign name / Spend / Impressions / Results …) and the connector layout of
 * promoted-post daily performance (date, campaign_id, url, spend, …).
 */
import { pick } from './pick.js';
import { idFromUrl } from './x-posts.js';
import type { KindSpec } from './types.js';

const count = (...aliases: string[]) => ({ type: 'count' as const, aliases });

export const xAds: KindSpec = {
  kind: 'x-ads',
  tables: ['ad_daily'],
  fields: {
    date: { type: 'date', required: true, aliases: ['date', 'day', 'time period', 'period', '日付', '期間'] },
    campaign_id: { type: 'id', aliases: ['campaign_id', 'campaign id', 'キャンペーンid'] },
    campaign_name: { type: 'text', aliases: ['campaign name', 'campaign', 'キャンペーン名', 'キャンペーン'] },
    ad_group: { type: 'text', aliases: ['ad group name', 'ad group', 'line item', '広告グループ名', '広告グループ'] },
    post_id: { type: 'id', aliases: ['post id', 'tweet id', 'promoted tweet id', 'ポストid'] },
    url: { type: 'text', aliases: ['url', 'tweet permalink', 'post link', 'link'] },
    spend: {
      type: 'money',
      required: true,
      aliases: ['spend', 'amount spent', 'billed charge', 'cost', '費用', '支出', 'ご請求額'],
    },
    currency: { type: 'text', aliases: ['currency', '通貨'] },
    impressions: count('impressions', 'インプレッション数', 'インプレッション'),
    clicks: count('clicks', 'クリック数', 'クリック'),
    url_clicks: count('url_clicks', 'link clicks', 'url clicks', 'リンクのクリック数'),
    engagements: count('engagements', 'エンゲージメント', 'エンゲージメント数'),
    follows: count('follows', 'new followers', 'フォロー'),
    conversions: { type: 'number', aliases: ['conversions', 'results', 'コンバージョン', '成果'] },
    conversion_value: { type: 'money', aliases: ['conversion value', 'conversion_value', 'コンバージョン値'] },
  },
  presets: [
    {
      id: 'x-ads-connector',
      kind: 'x-ads',
      signature: ['campaign_id', 'date', 'spend', ['url', 'impressions']],
      description: 'promoted-post daily performance from an ads connector',
    },
    {
      id: 'x-ads-manager',
      kind: 'x-ads',
      signature: [
        ['campaign name', 'キャンペーン名'],
        ['spend', 'amount spent', 'billed charge', '費用', '支出'],
        ['time period', 'date', 'day', '日付', '期間'],
      ],
      description: 'X Ads Manager campaign export',
    },
  ],
  map(ctx) {
    const v = ctx.values;
    ctx.emit('ad_daily', {
      ...pick(v, [
        'date',
        'campaign_id',
        'campaign_name',
        'ad_group',
        'spend',
        'impressions',
        'clicks',
        'url_clicks',
        'engagements',
        'follows',
        'conversions',
        'conversion_value',
      ]),
      post_id: (v.post_id as string | null) ?? idFromUrl(v.url as string | undefined),
      currency: (v.currency as string | null) ?? ctx.config.currency,
      spend: (v.spend as number | null) ?? 0,
    });
  },
};
