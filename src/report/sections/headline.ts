/** Headline: traditional vs true ROI, the true ROI's interval and P(ROI > 0), return and cost. */
import type { Block, Kpi, Section } from '../spec.js';
import type { BuildContext } from './context.js';

export function headlineSection(ctx: BuildContext): Section {
  const { roi, uncertainty } = ctx.result;
  const pct = (v: number | null) => (v === null ? ctx.tr('headline.noUncertainty') : ctx.percent(v));
  const tone = (v: number | null): Kpi['tone'] => (v === null ? 'neutral' : v >= 0 ? 'positive' : 'negative');
  const trueDist = uncertainty?.trueRoi;
  const interval = trueDist?.interval80 ?? null;
  const trueNote = [
    interval
      ? ctx.tr('headline.interval', { level: '80%', low: ctx.percent(interval[0]), high: ctx.percent(interval[1]) })
      : ctx.tr('headline.noUncertainty'),
    trueDist?.pPositive !== null && trueDist?.pPositive !== undefined
      ? ctx.tr('headline.pPositive', { p: ctx.percent(trueDist.pPositive) })
      : '',
  ]
    .filter(Boolean)
    .join(' · ');
  const items: Kpi[] = [
    {
      label: ctx.tr('headline.traditional'),
      value:
        roi.traditional.roi === null
          ? ctx.message(roi.traditional.reason ?? 'report.notComputable')
          : ctx.percent(roi.traditional.roi),
      note: ctx.tr('headline.traditionalNote'),
      tone: tone(roi.traditional.roi),
      big: true,
    },
    {
      label: ctx.tr('headline.true'),
      value: roi.true.roi === null ? ctx.message(roi.true.reason ?? 'report.notComputable') : pct(roi.true.roi),
      note: `${trueNote}\n${ctx.tr('headline.trueNote')}`,
      tone: tone(roi.true.roi),
      big: true,
    },
    {
      label: `${ctx.tr('headline.traditional')} · ${ctx.tr('headline.return')}`,
      value: ctx.moneyShort(roi.traditional.return),
    },
    {
      label: `${ctx.tr('headline.traditional')} · ${ctx.tr('headline.cost')}`,
      value: ctx.moneyShort(roi.traditional.cost),
    },
    { label: `${ctx.tr('headline.true')} · ${ctx.tr('headline.return')}`, value: ctx.moneyShort(roi.true.return) },
    { label: `${ctx.tr('headline.true')} · ${ctx.tr('headline.cost')}`, value: ctx.moneyShort(roi.true.cost) },
  ];
  const blocks: Block[] = [{ kind: 'kpis', items }];
  const p = trueDist?.pPositive;
  if (p !== null && p !== undefined) {
    const verdict = p >= 0.9 ? 'positive' : p <= 0.1 ? 'negative' : 'unsure';
    const key =
      verdict === 'positive'
        ? 'headline.verdictPositive'
        : verdict === 'negative'
          ? 'headline.verdictNegative'
          : 'headline.verdictUnsure';
    blocks.push({ kind: 'text', text: ctx.tr(key), tone: `verdict-${verdict}` });
  }
  return { id: 'headline', title: ctx.tr('section.headline'), blocks };
}
