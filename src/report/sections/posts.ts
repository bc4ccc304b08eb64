/**
 * Top posts by pipeline next to top posts by likes (DESIGN §6.2): the posts managers remember are
 * often not the posts that bring deals. Post text comes from the X export and is escaped when
 * rendered.
 */
import type { PostEngagement } from '../../model/engagement/types.js';
import type { Block, Section, Table } from '../spec.js';
import { type BuildContext, missingBlocks, missingSection } from './context.js';

const TOP = 10;

/**
 * Longest post text in a table, in UTF-16 units. Shorter than the engagement stage's own cut (80
 * units, without a mark), so every text shortened on the way, here or there, ends in "…".
 */
export const POST_TEXT_MAX = 60;

/** A post text shortened to POST_TEXT_MAX with "…" where it was cut (never inside a character). */
export function shortPostText(text: string): string {
  if (text.length <= POST_TEXT_MAX) return text;
  let out = '';
  for (const ch of text) {
    if (out.length + ch.length > POST_TEXT_MAX - 1) break;
    out += ch;
  }
  return `${out.trimEnd()}…`;
}

function postTable(ctx: BuildContext, id: string, title: string, posts: PostEngagement[]): Table {
  return {
    id,
    title,
    columns: [
      { key: 'date', label: ctx.tr('posts.date'), type: 'date' },
      { key: 'post', label: ctx.tr('posts.post'), type: 'text' },
      { key: 'likes', label: ctx.tr('posts.likes'), type: 'integer' },
      { key: 'intentRate', label: ctx.tr('posts.intentRate'), type: 'percent', digits: 2 },
      { key: 'leads', label: ctx.tr('posts.leads'), type: 'integer' },
      { key: 'pipeline', label: ctx.tr('posts.pipeline'), type: 'money' },
      { key: 'won', label: ctx.tr('posts.won'), type: 'money' },
    ],
    rows: posts.slice(0, TOP).map((p) => ({
      date: p.day,
      post: shortPostText(p.text),
      likes: p.likes,
      intentRate: p.intentRate,
      leads: p.leads,
      pipeline: p.pipelineCreated,
      won: p.wonValue,
    })),
  };
}

export function postsSection(ctx: BuildContext): Section {
  const e = ctx.result.engagement;
  if (!e) return missingSection(ctx, 'posts', ['engagement']);
  const byPipeline = postTable(ctx, 'top-posts-by-pipeline', ctx.tr('posts.byPipeline'), e.topByPipeline);
  const byLikes = postTable(ctx, 'top-posts-by-likes', ctx.tr('posts.byLikes'), e.topByLikes);
  const n = Math.min(TOP, e.topByPipeline.length, e.topByLikes.length);
  const pipelineIds = new Set(e.topByPipeline.slice(0, n).map((p) => p.postId));
  const overlap = e.topByLikes.slice(0, n).filter((p) => pipelineIds.has(p.postId)).length;
  const blocks: Block[] = [...missingBlocks(ctx, ['engagement'], false)];
  if (e.reason) blocks.push({ kind: 'text', tone: 'note', text: ctx.message(e.reason) });
  if (n > 0) blocks.push({ kind: 'text', tone: 'note', text: ctx.tr('posts.overlap', { count: overlap, n }) });
  blocks.push(
    {
      kind: 'chart',
      chart: {
        kind: 'bar',
        id: 'chart-posts-pipeline',
        title: ctx.tr('posts.byPipeline'),
        format: 'moneyShort',
        data: e.topByPipeline.slice(0, 5).map((p) => ({ label: p.text, value: p.pipelineCreated, highlight: true })),
      },
    },
    {
      kind: 'chart',
      chart: {
        kind: 'bar',
        id: 'chart-posts-likes',
        title: ctx.tr('posts.byLikes'),
        format: 'count',
        data: e.topByLikes.slice(0, 5).map((p) => ({ label: p.text, value: p.likes })),
      },
    },
  );
  blocks.push({ kind: 'table', table: byPipeline }, { kind: 'table', table: byLikes });
  const corr = e.correlations.filter((c) => c.spearman.r !== null);
  if (corr.length) {
    const label = (a: string) => ctx.message(`action.${a}`);
    blocks.push(
      {
        kind: 'chart',
        chart: {
          kind: 'bar',
          id: 'chart-post-correlations',
          title: ctx.tr('posts.corrTitle'),
          format: 'correlation',
          data: corr.map((c) => ({ label: label(c.action), value: c.spearman.r ?? 0, highlight: c.kind === 'intent' })),
        },
      },
      {
        kind: 'table',
        table: {
          id: 'post-correlations',
          title: ctx.tr('posts.corrTitle'),
          columns: [
            { key: 'action', label: ctx.tr('posts.action'), type: 'text' },
            { key: 'kind', label: ctx.tr('posts.kind'), type: 'text' },
            { key: 'rho', label: ctx.tr('posts.rho'), type: 'number', digits: 2 },
            { key: 'r', label: ctx.tr('posts.r'), type: 'number', digits: 2 },
            { key: 'n', label: ctx.tr('posts.n'), type: 'integer' },
          ],
          rows: e.correlations.map((c) => ({
            action: label(c.action),
            kind: ctx.tr(`posts.kind.${c.kind}`),
            rho: c.spearman.r,
            r: c.pearson.r,
            n: c.spearman.n,
          })),
        },
      },
    );
  }
  return { id: 'posts', title: ctx.tr('section.posts'), blocks };
}
