/**
 * Golden tests of the SVG charts: fixed inputs (chart-inputs.ts) must give byte-identical SVG.
 * Refresh with `npm run test:update` after an intended change and review the diff.
 */
import { describe, expect, it } from 'vitest';
import {
  barChart,
  funnelChart,
  histogramChart,
  lineBandChart,
  tornadoChart,
  waterfallChart,
} from '../../src/report/charts/index.js';
import * as I from './chart-inputs.js';
import { expectGolden } from './golden.js';

const { man, pct, count } = I.formats;

const charts: Record<string, () => string> = {
  waterfall: () =>
    waterfallChart(I.waterfallInput, { id: 'golden-waterfall', title: 'リターンのブリッジ', format: man }),
  bar: () => barChart(I.barInput, { id: 'golden-bar', title: 'コスト内訳', format: man }),
  funnel: () => funnelChart(I.funnelInput, { id: 'golden-funnel', title: 'ファネル', format: count }),
  'line-band': () =>
    lineBandChart(I.lineBandInput, {
      id: 'golden-line-band',
      title: '指名検索クリック',
      format: count,
      valueLabel: '実績',
      referenceLabel: '反実仮想',
      marker: { date: '2026-03-02', label: 'X運用開始' },
    }),
  histogram: () =>
    histogramChart(I.histogramInput, {
      id: 'golden-histogram',
      title: '本当のROIの分布',
      format: pct,
      markers: [
        { x: 1.3, label: '中央値 130%' },
        { x: 0.2, label: '10%' },
        { x: 2.4, label: '90%' },
      ],
    }),
  tornado: () => tornadoChart(I.tornadoInput, { id: 'golden-tornado', title: 'トルネード', base: 1.3, format: pct }),
};

describe('SVG charts', () => {
  for (const [name, draw] of Object.entries(charts)) {
    it(`${name} matches its golden file`, async () => {
      await expectGolden(draw(), new URL(`./__snapshots__/${name}.svg`, import.meta.url));
    });
  }

  it('are deterministic and self-contained', () => {
    for (const [name, draw] of Object.entries(charts)) {
      const svg = draw();
      expect(draw(), name).toBe(svg);
      // ids only derived from the chart id; no Plot counters, no external references
      const ids = [...svg.matchAll(/\bid="([^"]+)"/g)].map((m) => m[1]);
      expect(
        ids.every((id) => id?.startsWith('golden-')),
        `${name}: ${ids.join(',')}`,
      ).toBe(true);
      expect(svg).not.toMatch(/plot-(clip|pattern|marker)-\d/);
      expect(svg).not.toMatch(/(href|src)="(https?:|\/\/)/);
      // coordinates are rounded to 2 decimals
      expect(svg).not.toMatch(/(x|y|width|height)="-?\d+\.\d{3,}"/);
      expect(svg).toContain('Noto Sans CJK JP');
    }
  });

  it('escape label text coming from input data', () => {
    const svg = barChart([{ label: '<script>alert(1)</script>', value: 1 }], { id: 'esc', title: 't', format: String });
    expect(svg).not.toContain('<script>');
    expect(svg).toContain('&lt;script&gt;');
  });

  it('draw negative steps with a pattern, not colour alone', () => {
    const svg = waterfallChart(I.waterfallInput, { id: 'neg', title: 't', format: man });
    expect(svg).toContain('fill="url(#neg-hatch)"');
    expect(svg).toContain('<pattern id="neg-hatch"');
  });
});
