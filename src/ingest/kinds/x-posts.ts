/** x-posts: X analytics post exports — legacy tweet-activity (EN) and current post-level (EN / JA). */
import { isFailure, parseId } from '../values.js';
import type { KindSpec } from './types.js';

const count = (...aliases: string[]) => ({ type: 'count' as const, aliases });

/** The post id in an x.com / twitter.com status URL. */
export function idFromUrl(url: string | undefined): string | null {
  const m = url ? /\/status(?:es)?\/(\d{5,25})(?:\D|$)/.exec(url) : null;
  return m ? m[1]! : null;
}

export const xPosts: KindSpec = {
  kind: 'x-posts',
  tables: ['posts'],
  fields: {
    post_id: { type: 'raw', aliases: ['post id', 'tweet id', 'ポストid', 'ツイートid', 'post_id', 'id'] },
    url: {
      type: 'text',
      aliases: [
        'link',
        'tweet permalink',
        'post permalink',
        'ポストのリンク',
        'ツイートのパーマリンク',
        'permalink',
        'url',
      ],
    },
    text: { type: 'text', aliases: ['post text', 'tweet text', 'ポスト本文', 'ツイート本文', 'text'] },
    posted_at: {
      type: 'instant',
      required: true,
      aliases: ['date', 'time', '日付', '時間', 'posted_at', 'created_at'],
    },
    impressions: { ...count('impressions', 'インプレッション数', 'インプレッション'), required: true },
    engagements: count('engagements', 'エンゲージメント', 'エンゲージメント数'),
    likes: count('likes', 'favorites', 'いいね', 'いいね数'),
    reposts: count('reposts', 'retweets', 'リポスト', 'リツイート'),
    replies: count('replies', '返信'),
    bookmarks: count('bookmarks', 'ブックマーク'),
    shares: count('share', 'shares', '共有された回数'),
    url_clicks: count('url clicks', 'urlのクリック数', 'リンクのクリック数'),
    profile_clicks: count(
      'profile visits',
      'user profile clicks',
      'プロフィールへのアクセス数',
      'ユーザープロフィールのクリック数',
    ),
    follows: count('new follows', 'follows', '新しいフォロー', 'フォロー'),
    detail_expands: count('detail expands', '詳細のクリック数', '詳細表示'),
    hashtag_clicks: count('hashtag clicks', 'ハッシュタグのクリック数'),
    permalink_clicks: count('permalink clicks', 'パーマリンクのクリック数'),
    media_views: count('media views', 'メディアの再生数'),
    media_engagements: count('media engagements', 'メディアのエンゲージメント'),
    promoted_impressions: count('promoted impressions'),
    promoted_engagements: count('promoted engagements'),
    promoted_url_clicks: count('promoted url clicks'),
  },
  requireOneOf: [['post_id', 'url']],
  presets: [
    {
      id: 'x-posts-legacy-en',
      kind: 'x-posts',
      signature: ['tweet id', 'tweet permalink', 'impressions'],
      description: 'X analytics tweet-activity export (legacy, English)',
    },
    {
      id: 'x-posts-current-en',
      kind: 'x-posts',
      signature: ['post id', 'impressions', ['post text', 'link']],
      description: 'X analytics post-level export (current, English)',
    },
    {
      id: 'x-posts-current-ja',
      kind: 'x-posts',
      signature: ['ポストid', 'インプレッション数'],
      description: 'X analytics post-level export (current, Japanese UI)',
    },
  ],
  hasId: (raw) => (raw('post_id') ?? '').trim() !== '' || idFromUrl(raw('url')) !== null,
  map(ctx) {
    const v = ctx.values;
    const rawId = ctx.raw('post_id') ?? '';
    const urlId = idFromUrl(v.url as string | undefined);
    let id: string | null = null;
    const parsed = parseId(rawId);
    if (isFailure(parsed)) {
      if (urlId) id = urlId;
      else return ctx.issue('error', 'excel_id', 'post_id', rawId);
    } else id = parsed ?? urlId;
    if (!id) return ctx.issue('warning', 'row_without_id', 'post_id', rawId);
    const at = v.posted_at as { at: string; dateOnly: boolean } | null;
    if (!at) return ctx.issue('error', 'missing_value', 'posted_at', ctx.raw('posted_at') ?? '');
    ctx.emit('posts', {
      post_id: id,
      posted_at: at.at,
      date_only: at.dateOnly,
      text: v.text as string | null,
      url: v.url as string | null,
      impressions: v.impressions as number | null,
      engagements: v.engagements as number | null,
      likes: v.likes as number | null,
      reposts: v.reposts as number | null,
      replies: v.replies as number | null,
      bookmarks: v.bookmarks as number | null,
      shares: v.shares as number | null,
      url_clicks: v.url_clicks as number | null,
      profile_clicks: v.profile_clicks as number | null,
      follows: v.follows as number | null,
      detail_expands: v.detail_expands as number | null,
      hashtag_clicks: v.hashtag_clicks as number | null,
      permalink_clicks: v.permalink_clicks as number | null,
      media_views: v.media_views as number | null,
      media_engagements: v.media_engagements as number | null,
      promoted_impressions: v.promoted_impressions as number | null,
      promoted_engagements: v.promoted_engagements as number | null,
      promoted_url_clicks: v.promoted_url_clicks as number | null,
    });
  },
};
