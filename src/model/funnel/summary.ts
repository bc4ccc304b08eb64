/** A few lines of text about the funnel for the terminal summary; strings from the catalogs. */
import type { MessageKey } from '../../messages/index.js';
import { formatPercent, type SummaryFormat, type Translate } from '../engagement/summary.js';
import type { FunnelSection } from './types.js';

const days = (v: number | null) => (v === null ? '–' : v.toFixed(0));

/** Terminal lines for the funnel section. */
export function funnelSummary(s: FunnelSection, t: Translate, _f: SummaryFormat = {}): string[] {
  if (s.reason) return [t(s.reason as MessageKey)];
  const c = s.funnel.counts.map((x) => x.count);
  const o = s.funnel.overall.wilson;
  const v = new Map(s.velocity.map((x) => [x.key, x.medianDays]));
  const lines = [
    t('funnel.title', { leads: c[0]!, trueLeads: c[1]!, opportunities: c[2]!, won: c[3]! }),
    t('funnel.overall', { rate: formatPercent(o.rate), low: formatPercent(o.low), high: formatPercent(o.high) }),
    t('funnel.velocity', {
      leadToOpp: days(v.get('lead_to_opportunity') ?? null),
      oppToWon: days(v.get('opportunity_to_won') ?? null),
    }),
    t('funnel.xSplit', {
      touched: formatPercent(s.xSplit.touched.overall.wilson.rate),
      notTouched: formatPercent(s.xSplit.notTouched.overall.wilson.rate),
    }),
  ];
  const best = s.sources
    .filter((r) => r.leads >= 5 && r.winRate.rate !== null)
    .sort((a, b) => b.winRate.rate! - a.winRate.rate!)[0];
  if (best)
    lines.push(
      t('funnel.bestSource', { channel: best.channel, rate: formatPercent(best.winRate.rate), leads: best.leads }),
    );
  return lines;
}
