/**
 * The engagement stage (DESIGN §6.2): posts of the period with their vanity and intent actions,
 * linked to sessions, leads, opportunities, pipeline and won value (link.ts), summed per month and
 * per theme, with the top lists and the action–lead correlations.
 *
 * Linking rules: link.ts (UTM post id or slug → t.co link code → t.co time window).
 * Downstream rules (leads, opportunities, pipeline, won value): downstream.ts.
 * Posts no one can be linked to get zeros, not an error.
 */
import { t as translate } from '../../messages/index.js';
import { loadDownstream } from './downstream.js';
import type { StageContext } from '../stage.js';
import { dayOf } from '../../time.js';
import { actionCorrelations, groupPosts, rates, sumPosts, topByLikes, topByPipeline } from './aggregate.js';
import { linkCounts, withLinkTable } from './link.js';
import { compileThemes, OTHER_THEME, themeOf } from './themes.js';
import type { ActionCounts, EngagementSection, PostEngagement } from './types.js';

export const SESSION_KINDS = new Set(['visit', 'session', 'pageview', 'page_view']);
export const REGISTRATION_KINDS = new Set([
  'form',
  'webinar',
  'registration',
  'signup',
  'demo',
  'demo_request',
  'trial',
]);

interface PostRow {
  post_id: string;
  posted_at: string;
  date_only: boolean;
  text: string | null;
  url: string | null;
  impressions: number | null;
  likes: number | null;
  reposts: number | null;
  bookmarks: number | null;
  replies: number | null;
  url_clicks: number | null;
  profile_clicks: number | null;
  follows: number | null;
}

export async function engagementStage(ctx: StageContext): Promise<EngagementSection> {
  ctx.progress?.('engagement');
  const { config, period, store } = ctx;
  const tz = config.timeZone;
  const rows = await store.query<PostRow & Record<string, unknown>>(
    `SELECT post_id, posted_at, date_only, text, url, impressions, likes, reposts, bookmarks, replies,
            url_clicks, profile_clicks, follows
     FROM posts WHERE posted_at >= epoch_ms(?::BIGINT) AND posted_at < epoch_ms(?::BIGINT)
     ORDER BY posted_at, post_id`,
    [period.startMs, period.endMs],
  );
  const undated = (await store.scalar<number>('SELECT count(*) FROM posts WHERE posted_at IS NULL')) ?? 0;
  if (undated > 0) {
    ctx.issues.push({
      code: 'posts_undated',
      severity: 'warning',
      count: undated,
      message: translate(config.locale, 'engagement.undated', { count: undated }),
    });
  }
  const linkOptions = { windowHours: config.engagement.tcoWindowHours, slugs: config.engagement.slugs };
  const [links, downstream] = await withLinkTable(
    store,
    linkOptions,
    async (table) => [await linkCounts(store, table), await loadDownstream(store, config, table)] as const,
  );
  const themes = compileThemes(config.themes);

  const inPeriod = new Set(rows.map((r) => r.post_id));
  // touch counts per post
  const kindCounts = new Map<string, { sessions: number; dms: number; registrations: number; touches: number }>();
  let utmTouches = 0;
  let tcoCodeTouches = 0;
  let tcoTouches = 0;
  for (const c of links.counts) {
    if (c.how === 'utm') utmTouches += c.n;
    else if (c.how === 'tco_code') tcoCodeTouches += c.n;
    else tcoTouches += c.n;
    if (!inPeriod.has(c.post_id)) continue;
    const k = kindCounts.get(c.post_id) ?? { sessions: 0, dms: 0, registrations: 0, touches: 0 };
    k.touches += c.n;
    if (c.kind === null || SESSION_KINDS.has(c.kind)) k.sessions += c.n;
    if (c.kind === 'dm') k.dms += c.n;
    if (c.kind !== null && REGISTRATION_KINDS.has(c.kind)) k.registrations += c.n;
    kindCounts.set(c.post_id, k);
  }

  const posts: PostEngagement[] = rows.map((r) => {
    const k = kindCounts.get(r.post_id) ?? { sessions: 0, dms: 0, registrations: 0, touches: 0 };
    const counts: ActionCounts = {
      impressions: r.impressions ?? 0,
      likes: r.likes ?? 0,
      reposts: r.reposts ?? 0,
      bookmarks: r.bookmarks ?? 0,
      replies: r.replies ?? 0,
      urlClicks: r.url_clicks ?? 0,
      profileClicks: r.profile_clicks ?? 0,
      follows: r.follows ?? 0,
      dms: k.dms,
      registrations: k.registrations,
    };
    const d = downstream.get(r.post_id);
    const ms = Date.parse(r.posted_at);
    const day = dayOf(ms, tz);
    return {
      postId: r.post_id,
      postedAt: r.posted_at,
      day,
      month: day.slice(0, 7),
      dateOnly: !!r.date_only,
      text: (r.text ?? '').replace(/\s+/g, ' ').trim().slice(0, 80),
      url: r.url,
      theme: themeOf(r.text, themes),
      ...counts,
      ...rates(counts),
      sessions: k.sessions,
      linkedTouches: k.touches,
      leads: d?.leads ?? 0,
      opportunities: d?.opportunities ?? 0,
      pipeline: d?.pipeline ?? 0,
      pipelineCreated: d?.created_value ?? 0,
      wonValue: d?.won_value ?? 0,
      wonDeals: d?.won_deals ?? 0,
      creditedValue: d?.credited ?? 0,
    };
  });

  const months = [...groupPosts(posts, (p) => p.month)].map(([month, ps]) => ({ month, ...sumPosts(ps) }));
  const byTheme = groupPosts(posts, (p) => p.theme);
  const themeRows = [...themes, { id: OTHER_THEME, label_ja: 'その他', label_en: 'Other' }]
    .filter((th) => byTheme.has(th.id))
    .map((th) => ({ theme: th.id, label_ja: th.label_ja, label_en: th.label_en, ...sumPosts(byTheme.get(th.id)!) }));
  let reason: string | undefined;
  if (posts.length === 0) {
    reason = 'reason.no_posts';
    ctx.missing.push({ section: 'engagement', need: 'x-posts (X analytics post export)', key: 'missing.engagement' });
  } else if (links.counts.length === 0) {
    ctx.issues.push({
      code: 'posts_unlinked',
      severity: 'info',
      message: translate(config.locale, 'engagement.unlinked'),
    });
  }
  const n = config.engagement.topN;
  return {
    posts,
    months,
    themes: themeRows,
    totals: sumPosts(posts),
    topByPipeline: topByPipeline(posts, n),
    topByLikes: topByLikes(posts, n),
    correlations: actionCorrelations(posts),
    correlationBasis: 'correlation',
    linking: {
      utmTouches,
      tcoCodeTouches,
      tcoTouches,
      tcoUnlinked: links.tcoUnlinked,
      windowHours: config.engagement.tcoWindowHours,
    },
    chart: {
      monthly: months.map((m) => ({
        month: m.month,
        vanityRate: m.vanityRate,
        intentRate: m.intentRate,
        leads: m.leads,
        pipeline: m.pipelineCreated,
      })),
    },
    reason,
  };
}
