/** retention: an optional cohort table (cohort, period, customers still active). */
import { pick } from './pick.js';
import type { KindSpec } from './types.js';

export const retention: KindSpec = {
  kind: 'retention',
  tables: ['retention'],
  fields: {
    segment: { type: 'text', aliases: ['segment', 'セグメント'] },
    cohort: { type: 'text', required: true, aliases: ['cohort', 'コホート'] },
    period: { type: 'count', required: true, aliases: ['period', 'month', '期間', '経過月'] },
    active: { type: 'count', required: true, aliases: ['active', 'customers', 'active customers', '継続数'] },
  },
  presets: [
    {
      id: 'retention',
      kind: 'retention',
      signature: [
        ['cohort', 'コホート'],
        ['period', 'month', '期間', '経過月'],
        ['active', 'customers', 'active customers', '継続数'],
      ],
      description: 'cohort retention table',
    },
  ],
  map(ctx) {
    ctx.emit('retention', pick(ctx.values, ['segment', 'cohort', 'period', 'active']));
  },
};
