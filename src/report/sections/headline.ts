/** Headline: traditional vs true ROI, the true ROI's interval and P(ROI > 0), return and cost. */
import type { RoiFigure } from '../../model/roi/types.js';
import type { Block, Kpi, Section } from '../spec.js';
import type { BuildContext } from './context.js';

export function headlineSection(ctx: BuildContext): Section {
  const { roi, uncertainty } = ctx.result;
  // a ROI that could not be computed shows a dash, and the reason in the note
  const reason = (f: RoiFigure) => (f.roi === null ? ctx.message(f.reason ?? 'report.notComputable') : '');
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
      value: ctx.percent(roi.traditional.roi),
      note: [reason(roi.traditional), ctx.tr('headline.traditionalNote')].filter(Boolean).join('\n'),
      tone: tone(roi.traditional.roi),
      big: true,
    },
    {
      label: ctx.tr('headline.true'),
      value: ctx.percent(roi.true.roi),
      note: [reason(roi.true), trueNote, ctx.tr('headline.trueNote')].filter(Boolean).join('\n'),
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
