/**
 * The self-report stage: reads `people.self_reported_source` and the tracked source fields with
 * SQL, classifies the answers (classify.ts) and the tracked fields (model/channels), and counts both
 * for the same people. Never throws for missing data.
 */
import { groupChannel } from '../channels/index.js';
import type { StageContext } from '../stage.js';
import { SELF_REPORT_CHANNELS, selfReportClassifier } from './classify.js';
import type { SelfReportRow, SelfReportSection } from './types.js';

/** Tracked channel ids (model/channels) folded into the self-report buckets. */
const TRACKED_BUCKET: Record<string, string> = {
  x_organic: 'x',
  x_paid: 'x',
  organic_search: 'search',
  paid_search: 'ads',
  events: 'event',
  referral: 'referral',
  partner: 'partner',
  linkedin: 'social_other',
  facebook: 'social_other',
};

type PersonRow = {
  answer: string | null;
  original_source: string | null;
  original_source_d1: string | null;
  original_source_d2: string | null;
  custom_source: string | null;
  utm_source: string | null;
  utm_medium: string | null;
  utm_campaign: string | null;
};

/** Mask e-mail addresses and shorten free text before it reaches a report. */
export function safeExample(text: string): string {
  const t = text
    .replace(/[^\s@]+@[^\s@]+\.[^\s@]+/g, '***@***')
    .replace(/\s+/g, ' ')
    .trim();
  return t.length > 60 ? `${t.slice(0, 59)}…` : t;
}

/** Count self-reported sources beside the tracked ones. */
export async function selfReportStage(ctx: StageContext): Promise<SelfReportSection> {
  ctx.progress?.('self-report');
  const ts = (ms: number) => new Date(ms).toISOString().replace('T', ' ').replace('Z', '');
  const rows = await ctx.store.query<PersonRow>(
    `SELECT self_reported_source AS answer, original_source, original_source_d1, original_source_d2, custom_source,
            utm_source, utm_medium, utm_campaign
       FROM people
      WHERE created_at IS NULL OR (created_at >= CAST(? AS TIMESTAMP) AND created_at < CAST(? AS TIMESTAMP))
      ORDER BY person_id`,
    [ts(ctx.period.startMs), ts(ctx.period.endMs)],
  );
  const classifier = selfReportClassifier(ctx.config.lift.selfReportRules);
  const self = new Map<string, number>();
  const tracked = new Map<string, number>();
  const unclassified = new Map<string, number>();
  let answered = 0;
  let xNotTracked = 0;
  let xTracked = 0;
  for (const r of rows) {
    const channel = classifier.classify(r.answer);
    if (channel === null) continue;
    answered++;
    self.set(channel, (self.get(channel) ?? 0) + 1);
    if (channel === 'other') {
      const key = safeExample(r.answer!);
      unclassified.set(key, (unclassified.get(key) ?? 0) + 1);
    }
    const match = groupChannel(
      {
        source: r.utm_source,
        medium: r.utm_medium,
        campaign: r.utm_campaign,
        originalSource: r.original_source,
        originalSourceD1: r.original_source_d1,
        originalSourceD2: r.original_source_d2,
        customSource: r.custom_source,
      },
      ctx.config.channels.rules,
    );
    const bucket = TRACKED_BUCKET[match.channel] ?? 'other';
    tracked.set(bucket, (tracked.get(bucket) ?? 0) + 1);
    if (channel === 'x') {
      if (bucket === 'x') xTracked++;
      else xNotTracked++;
    }
  }
  const order = [
    ...SELF_REPORT_CHANNELS,
    ...[...self.keys(), ...tracked.keys()]
      .filter((c) => !(SELF_REPORT_CHANNELS as readonly string[]).includes(c))
      .sort(),
  ];
  const seen = new Set<string>();
  const table: SelfReportRow[] = [];
  for (const channel of order) {
    if (seen.has(channel)) continue;
    seen.add(channel);
    const s = self.get(channel) ?? 0;
    const t = tracked.get(channel) ?? 0;
    if (s === 0 && t === 0) continue;
    table.push({ channel, selfReported: s, share: answered > 0 ? s / answered : 0, tracked: t });
  }
  const top = [...unclassified.entries()]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .slice(0, 10)
    .map(([text, count]) => ({ text, count }));
  if (answered === 0)
    ctx.missing.push({
      section: 'selfReport',
      need: 'crm-contacts with a "how did you hear about us" field',
      key: 'missing.selfReport',
    });
  return {
    people: rows.length,
    answered,
    rows: table,
    unclassified: { count: self.get('other') ?? 0, top },
    xNotTracked,
    xTracked,
    missing: answered === 0 ? { code: 'selfReport.need' } : null,
  };
}
