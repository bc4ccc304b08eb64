/**
 * The report on sparse real data (deals and posts only, no costs, no touchpoints): ROIs that
 * cannot be computed show a short dash with the reason in small text, charts without data are not
 * drawn (a note says what to import instead), text columns keep their words whole, identical
 * Shapley rows are explained, and the terminal prints P(ROI > 0) exactly as the HTML does.
 */
import fc from 'fast-check';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import type { AnalysisResult } from '../../src/model/result.js';
import { isEmptyChart, normalize } from '../../src/report/compile.js';
import { renderHtml } from '../../src/report/index.js';
import { formatPercent } from '../../src/report/format.js';
import { reportTranslator } from '../../src/report/messages/index.js';
import type { ChartSpec } from '../../src/report/spec.js';
import { renderTerminal } from '../../src/report/terminal.js';
import { fixtureResult } from './fixtures/result.js';

const dom = (page: string) => new JSDOM(page).window.document;

/** The fixture with no cost recorded: both ROIs not computable, both bridges all zero. */
function noCost(): AnalysisResult {
  const r = fixtureResult('en');
  for (const fig of [r.roi.traditional, r.roi.true]) {
    fig.roi = null;
    fig.return = 0;
    fig.cost = 0;
    fig.reason = 'reason.no_cost';
  }
  for (const step of [...r.roi.returnBridge, ...r.roi.costBridge]) {
    step.delta = 0;
    step.total = 0;
  }
  return r;
}

describe.each(['ja', 'en'] as const)('a report with missing data in %s', (lang) => {
  const tr = reportTranslator(lang);

  it('shows a short dash as the headline ROI and the reason in the small note', () => {
    const doc = dom(renderHtml(noCost(), { lang }));
    const big = [...doc.querySelectorAll('#section-headline .kpi.big')];
    expect(big).toHaveLength(2);
    for (const kpi of big) {
      const value = kpi.querySelector('.value')?.textContent?.trim() ?? '';
      expect(value.length, value).toBeLessThanOrEqual(4);
      expect(kpi.querySelector('.note')?.textContent).toContain(
        lang === 'ja' ? 'コスト' : 'no cost recorded for the period',
      );
    }
  });

  it('shows a dash on LTV cards whose figure could not be computed, the reason in small text', () => {
    const r = noCost();
    for (const k of ['cac', 'ltvToCac', 'paybackMonths', 'ltvPerCustomer'] as const)
      r.roi.metrics[k] = { value: null, reason: 'reason.no_x_customers' };
    const doc = dom(renderHtml(r, { lang }));
    const cards = [...doc.querySelectorAll('#section-ltv .kpi')];
    expect(cards.length).toBeGreaterThanOrEqual(4);
    for (const card of cards) {
      expect(card.querySelector('.value')?.textContent?.trim()).toBe('—');
      expect(card.querySelector('.note')?.textContent?.length ?? 0).toBeGreaterThan(10);
    }
  });

  it('names the LTV method once when its reason says the same', () => {
    const r = fixtureResult(lang);
    r.ltv!.method = 'constant_churn';
    r.ltv!.reason = 'ltv.method.constant_churn';
    const table = normalize(r, { lang })
      .sections.find((s) => s.id === 'ltv')
      ?.blocks.find((b) => b.kind === 'table');
    const note = table?.kind === 'table' ? String(table.table.rows[0]?.note) : '';
    expect(note).not.toContain(' — ');
    expect(note.length).toBeGreaterThan(3);
  });

  it('says once what the brand lift needs', () => {
    const r = fixtureResult(lang);
    r.lift!.missing = { code: 'lift.need.series' };
    r.dataQuality.missing = [{ section: 'lift', need: 'search-daily, web-daily or x-daily exports by day' }];
    const lift = normalize(r, { lang }).sections.find((s) => s.id === 'lift');
    expect(lift?.blocks.filter((b) => b.kind === 'missing')).toHaveLength(1);
  });

  it('does not draw charts without data and says so instead', () => {
    const doc = dom(renderHtml(noCost(), { lang }));
    const drawn = [...doc.querySelectorAll('figure[data-chart] svg')].map((s) => s.id);
    expect(drawn).not.toContain('chart-return-bridge');
    expect(drawn).not.toContain('chart-cost-bridge');
    expect(drawn).toContain('chart-attribution'); // charts with data are still drawn
    const text = doc.querySelector('#section-bridge')?.textContent ?? '';
    expect(text).toContain(tr('chart.emptySeeQuality', { title: tr('bridge.returnTitle') }));
  });

  it('keeps the note beside the section’s own "what to import" box when it has one', () => {
    const r = fixtureResult(lang);
    if (!r.cost) throw new Error('fixture has a cost section');
    for (const k of Object.keys(r.cost.byCategory) as (keyof typeof r.cost.byCategory)[]) r.cost.byCategory[k] = 0;
    r.cost.labor.cost = 0;
    r.dataQuality.missing = [{ section: 'cost', need: 'costs (cost sheet or time log) or x-ads' }];
    const section = normalize(r, { lang }).sections.find((s) => s.id === 'cost');
    const kinds = section?.blocks.map((b) => b.kind) ?? [];
    expect(kinds).toContain('missing');
    expect(JSON.stringify(section)).not.toContain('"kind":"chart"');
    expect(JSON.stringify(section)).toContain(
      JSON.stringify(tr('chart.empty', { title: tr('section.cost') })).slice(1, -1),
    );
  });

  it('explains Shapley and ordered Shapley rows that coincide, and only then', () => {
    const r = fixtureResult(lang);
    const attribution = r.attribution;
    if (!attribution) throw new Error('fixture has attribution');
    const shapley = attribution.models.find((m) => m.model === 'shapley');
    if (!shapley) throw new Error('fixture has shapley');
    const note = (res: AnalysisResult) =>
      normalize(res, { lang })
        .sections.find((s) => s.id === 'attribution')
        ?.blocks.some((b) => b.kind === 'text' && /Zhao/.test(b.text));
    expect(note(r)).toBe(false); // no ordered variant: nothing to explain
    attribution.models.push({
      ...shapley,
      model: 'shapley-ordered',
      byChannel: shapley.byChannel.map((c) => ({ ...c })),
    });
    expect(note(r)).toBe(true);
    const ordered = attribution.models.at(-1)!;
    ordered.byChannel[0]!.conversions += 0.5;
    expect(note(r)).toBe(false); // rows differ: no claim that they coincide
    for (const m of attribution.models.filter((m) => m.model.startsWith('shapley')))
      m.byChannel = m.byChannel.map((c) => ({ ...c, conversions: 0, value: 0 }));
    expect(note(r)).toBe(false); // nothing credited: every model coincides, nothing to explain
  });
});

describe('table text columns', () => {
  it('keep short words whole and let only very long runs break anywhere', () => {
    const r = fixtureResult('en');
    const doc = dom(renderHtml(r, { lang: 'en' }));
    // the funnel's stage column holds words like "Opportunities": never broken letter by letter
    const stage = doc.querySelector('[data-table="funnel"] td.text');
    expect(stage?.className).toBe('text');
    // the deals table holds a 50-character formula without spaces: that column may break anywhere
    const deal = [...doc.querySelectorAll('[data-table] td')].find((td) => td.textContent?.startsWith('=HYPERLINK'));
    expect(deal?.className).toBe('text long');
  });
});

describe('tables without rows', () => {
  it('show one line saying so instead of a bare header', () => {
    const r = fixtureResult('en');
    r.engagement!.topByPipeline = [];
    const doc = dom(renderHtml(r, { lang: 'en' }));
    const empty = doc.querySelector('[data-table="top-posts-by-pipeline"]');
    expect(empty?.tagName).toBe('P');
    expect(empty?.textContent).toBe(reportTranslator('en')('table.empty', { title: 'By pipeline' }));
    expect(doc.querySelector('[data-table="top-posts-by-likes"] table')).not.toBeNull();
  });
});

describe('chart emptiness', () => {
  const base = { id: 'c', title: 't', format: 'count' as const };
  it('is decided per chart kind', () => {
    const cases: [ChartSpec, boolean][] = [
      [{ ...base, kind: 'bar', data: [] }, true],
      [{ ...base, kind: 'bar', data: [{ label: 'a', value: 0 }] }, true],
      [
        {
          ...base,
          kind: 'bar',
          data: [
            { label: 'a', value: 0 },
            { label: 'b', value: -1 },
          ],
        },
        false,
      ],
      [{ ...base, kind: 'waterfall', steps: [{ label: 'a', delta: 0, total: 0, kind: 'total' }] }, true],
      [{ ...base, kind: 'waterfall', steps: [{ label: 'a', delta: 0, total: 3, kind: 'step' }] }, false],
      [{ ...base, kind: 'funnel', stages: [{ label: 'a', count: 0 }] }, true],
      [{ ...base, kind: 'histogram', bins: [{ x0: 0, x1: 1, count: 0 }], markers: [] }, true],
      [{ ...base, kind: 'histogram', bins: [{ x0: 0, x1: 1, count: 2 }], markers: [] }, false],
      [{ ...base, kind: 'lineBand', points: [{ date: '2025-01-01', value: null }], valueLabel: 'v' }, true],
      [{ ...base, kind: 'lineBand', points: [{ date: '2025-01-01', value: 0 }], valueLabel: 'v' }, false],
      [{ ...base, kind: 'tornado', base: 0, items: [] }, true],
    ];
    for (const [chart, empty] of cases) expect(isEmptyChart(chart), JSON.stringify(chart)).toBe(empty);
  });
});

describe('P(ROI > 0) in the terminal and in the HTML', () => {
  it('is printed as the same rounded percent', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1, noNaN: true }), (p) => {
        const r = fixtureResult('en');
        if (!r.uncertainty) throw new Error('fixture has uncertainty');
        r.uncertainty.trueRoi.pPositive = p;
        const expected = `P(ROI > 0) = ${formatPercent(p)}`;
        expect(renderTerminal(r, { lang: 'en' })).toContain(expected);
        const headline = dom(renderHtml(r, { lang: 'en' })).querySelector('#section-headline')?.textContent;
        expect(headline).toContain(expected);
      }),
      { numRuns: 15 },
    );
    // the case a user found: 0.705 is "0.70" with toFixed(2) but 71 % in the HTML
    const r = fixtureResult('ja');
    r.uncertainty!.trueRoi.pPositive = 0.705;
    expect(renderTerminal(r, { lang: 'ja' })).toContain('P(ROI > 0) = 71%');
  });
});
