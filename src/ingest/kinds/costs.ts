/** costs: the cost sheet / time log of docs/formats.md. */
import { parseCivil } from '../values.js';
import type { KindSpec } from './types.js';

const CATEGORIES: [RegExp, string][] = [
  [/^(ads?|advertising|広告|広告費)$/i, 'ads'],
  [/^(tools?|software|saas|ツール)$/i, 'tools'],
  [/^(content|creative|制作|コンテンツ|制作費)$/i, 'content'],
  [/^(agency|代理店|外注)$/i, 'agency'],
  [/^(labor|labour|staff|time|人件費|工数)$/i, 'labor'],
  [/^(other|misc|その他)$/i, 'other'],
];

export function costCategory(raw: string): string | null {
  const s = raw.normalize('NFKC').trim();
  for (const [re, c] of CATEGORIES) if (re.test(s)) return c;
  return null;
}

export const costs: KindSpec = {
  kind: 'costs',
  tables: ['costs'],
  fields: {
    date: { type: 'raw', required: true, aliases: ['date', '日付', 'month', '月'] },
    period_end: { type: 'date', aliases: ['period_end', '終了日'] },
    category: { type: 'text', required: true, aliases: ['category', '区分', 'カテゴリ', '費目'] },
    amount: { type: 'money', aliases: ['amount', '金額'] },
    currency: { type: 'text', aliases: ['currency', '通貨'] },
    hours: { type: 'number', aliases: ['hours', '時間', '工数'] },
    hourly_rate: { type: 'money', aliases: ['hourly_rate', '時給', '単価'] },
    role: { type: 'text', aliases: ['role', '担当', '役割'] },
    channel: { type: 'text', aliases: ['channel', 'チャネル'] },
    description: { type: 'text', aliases: ['description', '内容', '摘要', 'メモ'] },
  },
  requireOneOf: [['amount', 'hours']],
  presets: [
    {
      id: 'costs',
      kind: 'costs',
      signature: [
        ['date', '日付', 'month', '月'],
        ['category', '区分', 'カテゴリ', '費目'],
        ['amount', '金額', 'hours', '時間', '工数'],
      ],
      description: 'cost sheet / time log (docs/formats.md)',
    },
  ],
  map(ctx) {
    const v = ctx.values;
    const rawDate = ctx.raw('date') ?? '';
    const c = parseCivil(rawDate);
    if (!c) return ctx.issue('error', rawDate.trim() === '' ? 'missing_value' : 'bad_date', 'date', rawDate);
    const date = `${c.y}-${String(c.m).padStart(2, '0')}-${String(c.d).padStart(2, '0')}`;
    const monthOnly = /^\s*\d{4}[-/]\d{1,2}\s*$|^\s*\d{4}年\d{1,2}月\s*$/.test(rawDate.normalize('NFKC'));
    let periodEnd = v.period_end as string | null;
    if (!periodEnd && monthOnly) {
      const last = new Date(Date.UTC(c.y, c.m, 0)).getUTCDate();
      periodEnd = `${date.slice(0, 8)}${String(last).padStart(2, '0')}`;
    }
    if (periodEnd && periodEnd < date)
      ctx.issue('error', 'period_end_before_start', 'period_end', ctx.raw('period_end'));
    const rawCat = (v.category as string | null) ?? '';
    const category = costCategory(rawCat);
    if (!category) return ctx.issue('error', rawCat ? 'bad_category' : 'missing_value', 'category', rawCat);
    const amount = v.amount as number | null;
    const hours = v.hours as number | null;
    if (amount === null && hours === null) return ctx.issue('error', 'amount_or_hours', 'amount', '');
    if (hours !== null && hours < 0) return ctx.issue('error', 'negative', 'hours', ctx.raw('hours'));
    ctx.emit('costs', {
      date,
      period_end: periodEnd ?? date,
      category,
      channel: ((v.channel as string | null) ?? 'x').toLowerCase(),
      description: v.description as string | null,
      amount,
      currency: (v.currency as string | null) ?? ctx.config.currency,
      hours,
      hourly_rate: v.hourly_rate as number | null,
      role: v.role as string | null,
    });
  },
};
