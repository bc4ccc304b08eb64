/**
 * Pure aggregation of post engagement: vanity versus intent rates, downstream value per post, sums
 * per month and per theme, the top lists and the correlation of each action type with leads.
 *
 * Vanity actions: likes, reposts, bookmarks (impressions are the denominator). Intent actions: URL
 * clicks, profile clicks, follows, replies, and the DMs and registrations logged in the CRM for the
 * post. Each rate is actions ÷ impressions, null without impressions.
 */
import { correlation } from '../stats/index.js';
import type {
  ActionCorrelation,
  ActionCounts,
  ActionType,
  Downstream,
  GroupEngagement,
  PostEngagement,
  Rates,
} from './types.js';

export const VANITY: readonly ActionType[] = ['impressions', 'likes', 'reposts', 'bookmarks'];
export const INTENT: readonly ActionType[] = [
  'urlClicks',
  'profileClicks',
  'follows',
  'replies',
  'dms',
  'registrations',
];

export function rates(a: ActionCounts): Rates {
  const vanityActions = a.likes + a.reposts + a.bookmarks;
  const intentActions = a.urlClicks + a.profileClicks + a.follows + a.replies + a.dms + a.registrations;
  return {
    vanityActions,
    intentActions,
    vanityRate: a.impressions > 0 ? vanityActions / a.impressions : null,
    intentRate: a.impressions > 0 ? intentActions / a.impressions : null,
  };
}

const ACTION_KEYS: readonly ActionType[] = [...VANITY, ...INTENT];
const DOWN_KEYS: readonly (keyof Downstream)[] = [
  'sessions',
  'linkedTouches',
  'leads',
  'opportunities',
  'pipeline',
  'pipelineCreated',
  'wonValue',
  'wonDeals',
  'creditedValue',
];

/** Sum a group of posts. Opportunities are summed per post (a deal linked to two posts counts twice). */
export function sumPosts(posts: readonly PostEngagement[]): GroupEngagement {
  const a = Object.fromEntries(ACTION_KEYS.map((k) => [k, 0])) as unknown as ActionCounts;
  const d = Object.fromEntries(DOWN_KEYS.map((k) => [k, 0])) as unknown as Downstream;
  for (const p of posts) {
    for (const k of ACTION_KEYS) a[k] += p[k];
    for (const k of DOWN_KEYS) d[k] += p[k];
  }
  return { posts: posts.length, ...a, ...rates(a), ...d };
}

/** Group posts by a key, keys in sorted order. */
export function groupPosts(
  posts: readonly PostEngagement[],
  key: (p: PostEngagement) => string,
): Map<string, PostEngagement[]> {
  const m = new Map<string, PostEngagement[]>();
  for (const p of posts) {
    const k = key(p);
    const arr = m.get(k);
    if (arr) arr.push(p);
    else m.set(k, [p]);
  }
  return new Map([...m.entries()].sort((x, y) => x[0].localeCompare(y[0])));
}

/**
 * Top posts by pipeline created (every linked new-business deal: open, won or lost), ties by won
 * value, leads, then post id. Posts with none are left out.
 */
export function topByPipeline(posts: readonly PostEngagement[], n: number): PostEngagement[] {
  return posts
    .filter((p) => p.pipelineCreated > 0)
    .sort(
      (a, b) =>
        b.pipelineCreated - a.pipelineCreated ||
        b.wonValue - a.wonValue ||
        b.leads - a.leads ||
        a.postId.localeCompare(b.postId),
    )
    .slice(0, n);
}

/** Top posts by likes, ties by impressions then post id. */
export function topByLikes(posts: readonly PostEngagement[], n: number): PostEngagement[] {
  return [...posts]
    .sort((a, b) => b.likes - a.likes || b.impressions - a.impressions || a.postId.localeCompare(b.postId))
    .slice(0, n);
}

/** Correlation of each action count with linked leads, over posts (Fisher-z intervals). */
export function actionCorrelations(posts: readonly PostEngagement[], level = 0.95): ActionCorrelation[] {
  const leads = posts.map((p) => p.leads);
  return ACTION_KEYS.map((action) => {
    const xs = posts.map((p) => p[action]);
    return {
      action,
      kind: VANITY.includes(action) ? 'vanity' : 'intent',
      pearson: correlation(xs, leads, 'pearson', level),
      spearman: correlation(xs, leads, 'spearman', level),
    };
  });
}
