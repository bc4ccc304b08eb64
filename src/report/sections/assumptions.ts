/** The assumptions behind the numbers, read back from the sections that used them. */
import type { Block, Section, Table } from '../spec.js';
import type { BuildContext } from './context.js';

export function assumptionsSection(ctx: BuildContext): Section {
  const { meta, ltv, cost, attribution, uncertainty } = ctx.result;
  const rows: { name: string; value: string }[] = [
    { name: ctx.tr('assumptions.period'), value: `${meta.period.start} – ${meta.period.end}` },
    { name: ctx.tr('assumptions.currency'), value: meta.currency },
    { name: ctx.tr('assumptions.timeZone'), value: meta.timeZone },
  ];
  if (ltv) {
    rows.push(
      { name: ctx.tr('assumptions.grossMargin'), value: ctx.percent(ltv.grossMargin, 1) },
      {
        name: ctx.tr('assumptions.churn'),
        value: `${ctx.percent(ltv.monthlyChurn.value, 2)}${ltv.monthlyChurn.reason ? ` (${ctx.message(ltv.monthlyChurn.reason)})` : ''}`,
      },
      { name: ctx.tr('assumptions.discount'), value: ctx.percent(ltv.annualDiscountRate, 1) },
      { name: ctx.tr('assumptions.horizon'), value: ctx.number(ltv.horizonMonths) },
    );
  }
  if (cost) {
    rows.push({ name: ctx.tr('assumptions.hourlyRate'), value: ctx.money(cost.labor.hourlyRate) });
    const a = cost.labor.assumption;
    rows.push({
      name: ctx.tr('assumptions.labor'),
      value:
        cost.labor.source === 'assumption' && a
          ? ctx.tr('cost.source.assumption', { people: a.people, hoursPerWeek: a.hoursPerWeek, weeks: a.weeks })
          : ctx.tr(`cost.source.${cost.labor.source}`),
    });
    rows.push({
      name: ctx.tr('assumptions.opportunity'),
      value: cost.opportunity.enabled
        ? ctx.percent(cost.opportunity.benchmarkRoi)
        : ctx.tr('assumptions.opportunityOff'),
    });
  }
  if (attribution) {
    const label = ctx.message(`attribution.model.${attribution.primaryModel}`);
    rows.push({
      name: ctx.tr('assumptions.model'),
      value: label.startsWith('attribution.model.') ? attribution.primaryModel : label,
    });
  }
  rows.push({ name: ctx.tr('assumptions.seed'), value: String(uncertainty?.seed ?? meta.seed) });
  const table: Table = {
    id: 'assumptions',
    title: ctx.tr('section.assumptions'),
    columns: [
      { key: 'name', label: ctx.tr('assumptions.name'), type: 'text' },
      { key: 'value', label: ctx.tr('assumptions.value'), type: 'text' },
    ],
    rows,
  };
  const blocks: Block[] = [{ kind: 'table', table }];
  const notes = [
    ...(ltv?.assumptions ?? []).map((k) => ctx.message(k)),
    ...(ltv?.fallbacks ?? []).map((f) => ctx.message(f.key, f.params ?? {})),
  ];
  if (notes.length)
    blocks.push({ kind: 'text', tone: 'note', text: `${ctx.tr('assumptions.ltvNotes')}: ${notes.join(' / ')}` });
  return { id: 'assumptions', title: ctx.tr('section.assumptions'), blocks };
}
