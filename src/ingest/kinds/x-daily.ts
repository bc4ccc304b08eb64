/** x-daily: X analytics account overview by day. */
import { pick } from './pick.js';
import type { KindSpec } from './types.js';

const count = (...aliases: string[]) => ({ type: 'count' as const, aliases });
const COUNTS = [
  'impressions',
  'engagements',
  'likes',
  'bookmarks',
  'shares',
  'replies',
  'reposts',
  'new_follows',
  'unfollows',
  'profile_visits',
  'posts_created',
  'video_views',
  'media_views',
  'followers',
] as const;

export const xDaily: KindSpec = {
  kind: 'x-daily',
  tables: ['x_daily'],
  fields: {
    date: { type: 'date', required: true, aliases: ['date', '日付'] },
    impressions: count('impressions', 'インプレッション数', 'インプレッション'),
    engagements: count('engagements', 'エンゲージメント', 'エンゲージメント数'),
    likes: count('likes', 'いいね'),
    bookmarks: count('bookmarks', 'ブックマーク'),
    shares: count('shares', 'share', '共有された回数'),
    replies: count('replies', '返信'),
    reposts: count('reposts', 'リポスト'),
    new_follows: count('new follows', '新しいフォロー', 'フォロー'),
    unfollows: count('unfollows', 'フォロー解除'),
    profile_visits: count('profile visits', 'プロフィールへのアクセス数'),
    posts_created: count('create post', 'posts created', 'ポストを作成'),
    video_views: count('video views', '動画再生数'),
    media_views: count('media views', 'メディアの再生数'),
    followers: count('followers', 'フォロワー', 'フォロワー数'),
  },
  presets: [
    {
      id: 'x-account-daily-en',
      kind: 'x-daily',
      signature: ['date', 'impressions', ['unfollows', 'create post', 'new follows']],
      description: 'X analytics account overview by day (English)',
    },
    {
      id: 'x-account-daily-ja',
      kind: 'x-daily',
      signature: ['日付', 'インプレッション数', ['フォロー解除', 'ポストを作成']],
      description: 'X analytics account overview by day (Japanese UI)',
    },
  ],
  map(ctx) {
    ctx.emit('x_daily', { date: ctx.values.date as string, ...pick(ctx.values, COUNTS) });
  },
};
