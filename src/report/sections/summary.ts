/**
 * The headline figures as one table, first in the CSV and XLSX exports (the HTML shows them as the
 * headline cards): both ROIs, their return and cost, the true ROI's intervals and P(ROI > 0), the
 * period and the currency. A figure that could not be computed is empty, its reason in the note.
 */
import type { RoiFigure } from '../../model/roi/types.js';
import type { CellValue, Table, TypedCell } from '../spec.js';
import type { BuildContext } from './context.js';

export function summaryTable(ctx: BuildContext): Table {
  const { roi, uncertainty, meta } = ctx.result;
  const pct = (v: number | null | undefined): TypedCell => ({ typed: v ?? null, type: 'percent', digits: 1 });
  const money = (v: number | null | undefined): TypedCell => ({ typed: v ?? null, type: 'money' });
  const reason = (f: RoiFigure) => (f.roi === null ? ctx.message(f.reason ?? 'report.notComputable') : '');
  const dist = uncertainty?.trueRoi;
  const noInterval = uncertainty ? (dist?.reason ? ctx.message(dist.reason) : '') : ctx.tr('headline.noUncertainty');
  // the unit column makes the CSV self-describing: ratios there are fractions (1 = 100%)
  const unitOf = (value: CellValue) =>
    value !== null && typeof value === 'object'
      ? value.type === 'money'
        ? meta.currency
        : value.type === 'percent'
          ? ctx.tr('summary.unitRatio')
          : ''
      : '';
  const row = (item: string, value: CellValue, note = '') => ({ item, value, unit: unitOf(value), note });
  const bound = (level: string, side: 'low' | 'high', v: number | undefined) =>
    row(
      `${ctx.tr('headline.true')} · ${ctx.tr(`interval.${side}`, { level })}`,
      pct(v),
      v === undefined ? noInterval : '',
    );
  return {
    id: 'summary',
    title: ctx.tr('summary.title'),
    columns: [
      { key: 'item', label: ctx.tr('summary.item'), type: 'text' },
      { key: 'value', label: ctx.tr('summary.value'), type: 'number', digits: 2 },
      { key: 'unit', label: ctx.tr('summary.unit'), type: 'text' },
      { key: 'note', label: ctx.tr('summary.note'), type: 'text' },
    ],
    rows: [
      row(ctx.tr('summary.period'), `${meta.period.start} – ${meta.period.end}`),
      row(ctx.tr('summary.currency'), meta.currency),
      row(ctx.tr('headline.traditional'), pct(roi.traditional.roi), reason(roi.traditional)),
      row(ctx.tr('headline.true'), pct(roi.true.roi), reason(roi.true)),
      row(`${ctx.tr('headline.traditional')} · ${ctx.tr('headline.return')}`, money(roi.traditional.return)),
      row(`${ctx.tr('headline.traditional')} · ${ctx.tr('headline.cost')}`, money(roi.traditional.cost)),
      row(`${ctx.tr('headline.true')} · ${ctx.tr('headline.return')}`, money(roi.true.return)),
      row(`${ctx.tr('headline.true')} · ${ctx.tr('headline.cost')}`, money(roi.true.cost)),
      bound('80%', 'low', dist?.interval80?.[0]),
      bound('80%', 'high', dist?.interval80?.[1]),
      bound('95%', 'low', dist?.interval95?.[0]),
      bound('95%', 'high', dist?.interval95?.[1]),
      row(`${ctx.tr('headline.true')} · P(ROI > 0)`, pct(dist?.pPositive), dist?.pPositive == null ? noInterval : ''),
      row(`${ctx.tr('headline.traditional')} · P(ROI > 0)`, pct(uncertainty?.traditionalRoi.pPositive)),
    ],
  };
}
