/** search-daily: Google Search Console performance exports (by date, or date + query). */
import { pick } from './pick.js';
import type { KindSpec } from './types.js';

const text = (...aliases: string[]) => ({ type: 'text' as const, aliases });

export const searchDaily: KindSpec = {
  kind: 'search-daily',
  tables: ['search_daily'],
  fields: {
    date: { type: 'date', required: true, aliases: ['date', '日付'] },
    query: text('query', 'top queries', 'クエリ', '上位のクエリ'),
    page: text('page', 'top pages', 'ページ', '上位のページ'),
    country: text('country', '国'),
    device: text('device', 'デバイス'),
    clicks: { type: 'count', required: true, aliases: ['clicks', 'クリック数'] },
    impressions: { type: 'count', required: true, aliases: ['impressions', '表示回数'] },
    ctr: { type: 'ratio', aliases: ['ctr'] },
    position: { type: 'number', aliases: ['position', '掲載順位', 'average position'] },
  },
  presets: [
    {
      id: 'search-console',
      kind: 'search-daily',
      signature: [
        ['date', '日付'],
        ['clicks', 'クリック数'],
        ['impressions', '表示回数'],
        ['position', '掲載順位', 'ctr'],
      ],
      description: 'Google Search Console performance export',
    },
  ],
  map(ctx) {
    ctx.emit(
      'search_daily',
      pick(ctx.values, ['date', 'query', 'page', 'country', 'device', 'clicks', 'impressions', 'ctr', 'position']),
    );
  },
};
