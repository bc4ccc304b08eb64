/**
 * The HTML report: every section present in both languages, missing data shown as a "what to
 * import" box, self-contained (no external reference), numbers formatted per language, and a
 * byte-stable golden file.
 */
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { compile, renderHtml, SECTION_IDS } from '../../src/report/index.js';
import { reportTranslator } from '../../src/report/messages/index.js';
import { fixtureResult, fixtureResultMissing } from './fixtures/result.js';
import { expectGolden } from './golden.js';

const dom = (page: string) => new JSDOM(page).window.document;

describe.each(['ja', 'en'] as const)('HTML report in %s', (lang) => {
  const page = renderHtml(fixtureResult(lang), { lang });
  const doc = dom(page);
  const tr = reportTranslator(lang);

  it('has every section with its translated title, in order', () => {
    const found = [...doc.querySelectorAll('section[data-section]')].map((s) => s.getAttribute('data-section'));
    expect(found).toEqual([...SECTION_IDS]);
    for (const id of SECTION_IDS) {
      expect(doc.querySelector(`#section-${id} h2`)?.textContent).toBe(tr(`section.${id}` as Parameters<typeof tr>[0]));
    }
    expect(doc.documentElement.getAttribute('lang')).toBe(lang);
  });

  it('draws the charts inline as SVG', () => {
    const charts = [...doc.querySelectorAll('figure[data-chart] svg')].map((s) => s.getAttribute('id'));
    expect(charts).toEqual(
      expect.arrayContaining([
        'chart-return-bridge',
        'chart-cost-bridge',
        'chart-cost',
        'chart-funnel',
        'chart-attribution',
        'chart-roi-distribution',
        'chart-tornado',
        'chart-trend',
      ]),
    );
  });

  it('references nothing outside the file', () => {
    expect(doc.querySelectorAll('link, script, img, iframe, object, embed')).toHaveLength(0);
    const refs = [...doc.querySelectorAll('[src], [href]')].map(
      (e) => e.getAttribute('src') ?? e.getAttribute('href') ?? '',
    );
    expect(refs.filter((r) => !r.startsWith('#'))).toEqual([]);
    expect(page).not.toMatch(/url\((?!#)/);
    expect(page).not.toMatch(/@import/);
  });

  it('formats headline amounts for the language and keeps exact values in tables', () => {
    const kpis = doc.querySelector('#section-headline .kpis')?.textContent ?? '';
    if (lang === 'ja') {
      expect(kpis).toContain('480万円');
      expect(doc.querySelector('[data-table="bridge"]')?.textContent).toContain('4,800,000円');
    } else {
      expect(kpis).toContain('¥4.8M');
      expect(doc.querySelector('[data-table="bridge"]')?.textContent).toContain('¥4,800,000');
    }
    expect(kpis).toContain('-50%');
    expect(kpis).toContain('P(ROI > 0) = 91%');
  });

  it('matches its golden file', async () => {
    await expectGolden(page, new URL(`./__snapshots__/report-${lang}.html`, import.meta.url));
  });
});

describe('missing sections', () => {
  const doc = dom(renderHtml(fixtureResultMissing(), { lang: 'ja' }));
  const tr = reportTranslator('ja');

  it('say what to import instead of disappearing', () => {
    for (const id of ['posts', 'uncertainty', 'deals', 'lift']) {
      const box = doc.querySelector(`#section-${id} .missing`);
      expect(box, id).not.toBeNull();
      expect(box?.textContent).toContain(tr('missing.title'));
    }
    expect(doc.querySelector('#section-posts .missing')?.textContent).toContain(tr('need.x-posts'));
    expect(doc.querySelector('#section-cost .missing')).toBeNull();
  });

  it('keep the headline without an interval', () => {
    expect(doc.querySelector('#section-headline')?.textContent).toContain(tr('headline.noUncertainty'));
  });
});

describe('compile', () => {
  it('returns the normalized spec and the charts beside the HTML', () => {
    const out = compile(fixtureResult(), { lang: 'en' });
    expect(out.spec.sections.map((s) => s.id)).toEqual([...SECTION_IDS]);
    expect(out.charts.get('chart-return-bridge')).toMatch(/^<svg/);
    expect(out.html).toContain(out.charts.get('chart-tornado'));
  });
});

describe('a bare result', () => {
  it('renders with every optional section absent and nothing computed', () => {
    const full = fixtureResult('en');
    const bare = {
      schemaVersion: full.schemaVersion,
      generator: full.generator,
      meta: { ...full.meta, imports: [] },
      dataQuality: { issues: [], missing: [{ section: 'cost', need: 'costs' }] },
      channels: { mapped: [], unmapped: [] },
      roi: {
        traditional: { roi: null, return: 0, cost: 0, reason: 'reason.no_cost' },
        true: { roi: null, return: 0, cost: 0, reason: 'reason.no_cost' },
        returnBridge: [],
        costBridge: [],
        metrics: {},
      },
    };
    const doc = dom(renderHtml(bare, { lang: 'en' }));
    const tr = reportTranslator('en');
    expect([...doc.querySelectorAll('section[data-section]')]).toHaveLength(SECTION_IDS.length);
    expect(doc.querySelectorAll('.missing').length).toBeGreaterThanOrEqual(9);
    expect(doc.querySelector('#section-cost .missing')?.textContent).toContain(tr('need.costs'));
    expect(doc.querySelector('#section-headline')?.textContent).toContain('no cost recorded');
    expect(doc.querySelector('#section-quality')?.textContent).toContain(tr('quality.none'));
  });
});

describe('deal journeys', () => {
  it('condense a long journey to its X touches, milestones, first and last touch', () => {
    const result = fixtureResult('en');
    const deal = result.deals?.top[0];
    if (!deal) throw new Error('fixture has no deal');
    deal.journey = Array.from({ length: 20 }, (_, i) => ({
      at: new Date(Date.UTC(2025, 4, 1 + i)).toISOString(),
      channel: i === 7 ? 'x_organic' : 'email',
      kind: 'email_click',
      postId: null,
      text: null,
      milestone: i === 12 ? ('OC' as const) : null,
    }));
    const doc = dom(renderHtml(result, { lang: 'en' }));
    const items = [...(doc.querySelector('#section-deals .story ol')?.querySelectorAll('li') ?? [])];
    const tr = reportTranslator('en');
    expect(items.map((li) => li.className.trim())).toEqual(['', 'omitted', 'x', 'omitted', 'milestone', 'omitted', '']);
    expect(items[1]?.textContent).toContain(tr('deals.omitted', { count: 6 }));
    expect(items[5]?.textContent).toContain(tr('deals.omitted', { count: 6 }));
  });
});
