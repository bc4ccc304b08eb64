/**
 * A few lines of text for the terminal summary (the lead adds them under the ROI table). Numbers
 * are formatted for the locale; every string comes from the message catalogs. "Pipeline" here is
 * always pipeline created (open + won + lost new-business deals the posts brought in), the figure
 * the report's post tables show; the open part is named as such.
 */
import type { MessageKey } from '../../messages/index.js';
import type { EngagementSection, PostEngagement } from './types.js';

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

export interface SummaryFormat {
  locale?: 'ja' | 'en';
  currency?: string;
}

export function formatPercent(v: number | null, digits = 1): string {
  return v === null ? '–' : `${(v * 100).toFixed(digits)} %`;
}

export function formatMoney(v: number, f: SummaryFormat = {}): string {
  return new Intl.NumberFormat(f.locale === 'en' ? 'en-US' : 'ja-JP', {
    style: 'currency',
    currency: f.currency ?? 'JPY',
    maximumFractionDigits: 0,
  }).format(v);
}

function snippet(p: PostEngagement): string {
  const s = p.text.replace(/https?:\/\/\S+/g, '').trim() || p.postId;
  return s.length > 40 ? `${s.slice(0, 39)}…` : s;
}

/** Terminal lines for the engagement section. */
export function engagementSummary(s: EngagementSection, t: Translate, f: SummaryFormat = {}): string[] {
  if (s.reason) return [t(s.reason as MessageKey)];
  const lines = [
    t('engagement.title', { posts: s.posts.length }),
    t('engagement.rates', {
      vanity: formatPercent(s.totals.vanityRate, 2),
      intent: formatPercent(s.totals.intentRate, 2),
    }),
    t('engagement.downstream', {
      leads: s.totals.leads,
      opportunities: s.totals.opportunities,
      pipeline: formatMoney(s.totals.pipelineCreated, f),
      open: formatMoney(s.totals.pipeline, f),
      won: formatMoney(s.totals.wonValue, f),
    }),
  ];
  const top = s.topByPipeline[0];
  lines.push(
    top
      ? t('engagement.topPipeline', { text: snippet(top), value: formatMoney(top.pipelineCreated, f) })
      : t('engagement.noPipeline'),
  );
  const liked = s.topByLikes[0];
  if (liked) {
    lines.push(
      t('engagement.topLikes', {
        text: snippet(liked),
        likes: liked.likes,
        value: formatMoney(liked.pipelineCreated, f),
      }),
    );
  }
  const best = s.correlations
    .filter((c) => c.pearson.r !== null && c.pearson.low !== null)
    .sort((a, b) => b.pearson.r! - a.pearson.r!)[0];
  if (best) {
    lines.push(
      t('engagement.correlation', {
        action: t(`engagement.action.${best.action}` as MessageKey),
        r: best.pearson.r!.toFixed(2),
        low: best.pearson.low!.toFixed(2),
        high: best.pearson.high!.toFixed(2),
      }),
    );
  }
  const theme = [...s.themes].sort((a, b) => b.pipelineCreated - a.pipelineCreated)[0];
  if (theme && theme.pipelineCreated > 0) {
    lines.push(
      t('engagement.themeTop', {
        theme: f.locale === 'en' ? theme.label_en : theme.label_ja,
        value: formatMoney(theme.pipelineCreated, f),
      }),
    );
  }
  return lines;
}
