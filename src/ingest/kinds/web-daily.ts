/**
 * web-daily: GA4 (and other analytics) report exports by day and source / medium. A report
 * without a date column (an aggregate over the report's range) is stored with a NULL date.
 */
import type { KindSpec } from './types.js';

const count = (...aliases: string[]) => ({ type: 'count' as const, aliases });
const text = (...aliases: string[]) => ({ type: 'text' as const, aliases });

export const webDaily: KindSpec = {
  kind: 'web-daily',
  tables: ['web_daily'],
  fields: {
    date: { type: 'date', aliases: ['date', '日付'] },
    source_medium: text(
      'session source / medium',
      'first user source / medium',
      'source / medium',
      'セッションの参照元 / メディア',
      '最初のユーザーの参照元 / メディア',
      '参照元 / メディア',
    ),
    source: text('session source', 'first user source', 'source', 'セッションの参照元', '参照元'),
    medium: text('session medium', 'first user medium', 'medium', 'セッションのメディア', 'メディア'),
    channel_raw: text(
      'session default channel group',
      'first user default channel group',
      'default channel group',
      'session primary channel group',
      'デフォルト チャネル グループ',
    ),
    campaign: text('session campaign', 'first user campaign', 'campaign', 'キャンペーン'),
    landing_page: text('landing page', 'landing page + query string', 'ランディング ページ'),
    sessions: count('sessions', 'セッション', 'セッション数'),
    users: count('total users', 'users', 'active users', '総ユーザー数', 'ユーザー', 'アクティブ ユーザー数'),
    new_users: count('new users', '新規ユーザー数'),
    engaged_sessions: count('engaged sessions', 'エンゲージのあったセッション数'),
    conversions: { type: 'number', aliases: ['key events', 'conversions', 'キーイベント', 'コンバージョン'] },
  },
  presets: [
    {
      id: 'ga4-report',
      kind: 'web-daily',
      signature: [
        [
          'session source / medium',
          'first user source / medium',
          'session source',
          'first user source',
          'session default channel group',
          'first user default channel group',
          'source / medium',
        ],
        ['sessions', 'total users', 'users'],
      ],
      description: 'Google Analytics 4 report export',
    },
    {
      id: 'ga4-report-ja',
      kind: 'web-daily',
      signature: [
        [
          'セッションの参照元 / メディア',
          '最初のユーザーの参照元 / メディア',
          'セッションの参照元',
          '参照元 / メディア',
        ],
        ['セッション', 'セッション数', '総ユーザー数'],
      ],
      description: 'Google Analytics 4 report export (Japanese UI)',
    },
  ],
  map(ctx) {
    const v = ctx.values;
    let source = v.source as string | null;
    let medium = v.medium as string | null;
    const sm = v.source_medium as string | null;
    if (sm && (!source || !medium)) {
      const i = sm.lastIndexOf(' / ');
      if (i >= 0) {
        source ??= sm.slice(0, i).trim();
        medium ??= sm.slice(i + 3).trim();
      } else source ??= sm;
    }
    ctx.emit('web_daily', {
      date: v.date as string | null,
      source,
      medium,
      channel_raw: v.channel_raw as string | null,
      campaign: v.campaign as string | null,
      landing_page: v.landing_page as string | null,
      sessions: v.sessions as number | null,
      users: v.users as number | null,
      new_users: v.new_users as number | null,
      engaged_sessions: v.engaged_sessions as number | null,
      conversions: v.conversions as number | null,
    });
  },
};
