/**
 * The largest deals X touched, each with its journey from the first post or DM to the signed
 * contract and its lifetime value. Deal names, account names and post texts come from input files
 * and stay plain text here (escaped by the HTML renderer, neutralised in CSV/XLSX).
 */
import { isXChannel } from '../../model/types.js';
import { formatDay } from '../format.js';
import type { Block, DealStory, JourneyStep, Section, Table } from '../spec.js';
import { type BuildContext, missingBlocks, missingSection } from './context.js';

const STORIES = 5;
const DAY = 86_400_000;

/** Longest journey drawn in full; longer ones keep X touches, milestones, the first and the last touch. */
const MAX_STEPS = 12;

function condense(ctx: BuildContext, steps: JourneyStep[]): JourneyStep[] {
  if (steps.length <= MAX_STEPS) return steps;
  const keep = steps.map((s, i) => i === 0 || i === steps.length - 1 || s.x === true || s.milestone !== undefined);
  const out: JourneyStep[] = [];
  let skipped = 0;
  steps.forEach((s, i) => {
    if (keep[i]) {
      if (skipped > 0) out.push({ date: '', channel: ctx.tr('deals.omitted', { count: skipped }), detail: '' });
      skipped = 0;
      out.push(s);
    } else skipped++;
  });
  return out;
}

export function dealsSection(ctx: BuildContext): Section {
  const deals = ctx.result.deals;
  if (!deals) return missingSection(ctx, 'deals', ['deals', 'attribution']);
  const day = (iso: string | null) => formatDay(iso, ctx.timeZone);
  const touchKind = (kind: string) => {
    const label = ctx.message(`touch.${kind}`);
    return label === `touch.${kind}` ? kind : label;
  };
  const status = (won: boolean) => ctx.tr(won ? 'deals.won' : 'deals.open');
  const stories: DealStory[] = deals.top.slice(0, STORIES).map((d) => {
    const first = d.journey[0];
    const end = d.closedAt ?? d.journey[d.journey.length - 1]?.at ?? null;
    const days = first && end ? Math.round((Date.parse(end) - Date.parse(first.at)) / DAY) : null;
    return {
      title:
        d.account && !(d.name ?? '').includes(d.account)
          ? `${d.name ?? d.dealId} · ${d.account}`
          : (d.name ?? d.dealId),
      facts: [
        { label: ctx.tr('deals.amount'), value: ctx.moneyShort(d.amount) },
        { label: ctx.tr('deals.ltv'), value: ctx.moneyShort(d.ltv) },
        { label: ctx.tr('deals.xCredit'), value: ctx.percent(d.xCredit) },
        {
          label: ctx.tr('deals.status'),
          value: d.won ? `${status(true)} ${day(d.closedAt)}` : `${status(false)} (${d.stage ?? ''})`,
        },
      ],
      steps: condense(
        ctx,
        d.journey.map((t) => ({
          date: day(t.at),
          channel: ctx.channel(t.channel),
          detail: [t.kind ? touchKind(t.kind) : '', t.text ?? ''].filter(Boolean).join(' — '),
          ...(t.milestone ? { milestone: ctx.tr(`deals.milestone.${t.milestone}`) } : {}),
          ...(isXChannel(t.channel) ? { x: true } : {}),
        })),
      ),
      ...(days !== null ? { summary: ctx.tr(d.won ? 'deals.days' : 'deals.daysOpen', { days }) } : {}),
    };
  });
  const table: Table = {
    id: 'top-deals',
    title: ctx.tr('section.deals'),
    columns: [
      { key: 'deal', label: ctx.tr('deals.deal'), type: 'text' },
      { key: 'account', label: ctx.tr('deals.account'), type: 'text' },
      { key: 'status', label: ctx.tr('deals.status'), type: 'text' },
      { key: 'amount', label: ctx.tr('deals.amount'), type: 'money' },
      { key: 'ltv', label: ctx.tr('deals.ltv'), type: 'money' },
      { key: 'xCredit', label: ctx.tr('deals.xCredit'), type: 'percent', digits: 1 },
      { key: 'firstTouch', label: ctx.tr('deals.firstTouch'), type: 'date' },
      { key: 'closed', label: ctx.tr('deals.closed'), type: 'date' },
      { key: 'touches', label: ctx.tr('deals.touches'), type: 'integer' },
    ],
    rows: deals.top.map((d) => ({
      deal: d.name ?? d.dealId,
      account: d.account ?? '',
      status: d.won ? status(true) : `${status(false)} (${d.stage ?? ''})`,
      amount: d.amount,
      ltv: d.ltv,
      xCredit: d.xCredit,
      firstTouch: d.journey[0] ? day(d.journey[0].at) : '',
      closed: d.won && d.closedAt ? day(d.closedAt) : '',
      touches: d.journey.length,
    })),
  };
  const blocks: Block[] = [
    ...missingBlocks(ctx, ['deals'], false),
    { kind: 'stories', stories },
    { kind: 'table', table },
  ];
  return { id: 'deals', title: ctx.tr('section.deals'), blocks };
}
