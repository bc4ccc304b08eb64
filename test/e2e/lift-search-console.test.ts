/**
 * `xroi lift` end to end on a real Search Console export (fixtures/lift/search-console-daily.csv:
 * by date, newest first, CTR as a percent string, no query column) with a chosen intervention date,
 * and on small inline CSVs for the messy-input paths. The command function is called directly with
 * an Output that writes to memory.
 */
import { describe, it, expect } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Writable } from 'node:stream';
import { CliContext } from '../../src/cli/context.js';
import { Output } from '../../src/cli/output.js';
import { lift, parseCell, parseDay } from '../../src/cli/commands/lift.js';
import { main } from '../../src/cli/main.js';
import { ConfigError } from '../../src/errors.js';
import { t } from '../../src/messages/index.js';
import { displayWidth } from '../../src/report/terminal.js';

const FILE = fileURLToPath(new URL('../../fixtures/lift/search-console-daily.csv', import.meta.url));

function sink() {
  let text = '';
  const stream = new Writable({
    write(chunk, _enc, cb) {
      text += String(chunk);
      cb();
    },
  });
  return { stream, text: () => text };
}

function context(lang: 'en' | 'ja' = 'en', json = false) {
  const out = sink();
  const err = sink();
  const dir = mkdtempSync(join(tmpdir(), 'xroi-lift-'));
  const ctx = new CliContext(
    { lang, json, config: dir },
    new Output({ json, quiet: false, stdout: out.stream, stderr: err.stream }),
  );
  return { ctx, out, err, dir };
}

describe('xroi lift on search-console-daily.csv', () => {
  it('sorts the newest-first export, splits at the intervention date and prints the summary table', async () => {
    const { ctx, out } = context('en');
    const r = await lift(ctx, {
      series: FILE,
      y: 'Clicks',
      controls: 'Impressions',
      preEnd: '2025-05-31',
      weekly: true,
      seed: 7,
    });
    // 365 days, 2024-07-12 … 2025-07-11 (the export is newest first)
    expect(r.prePeriod.start).toBe('2024-07-12');
    expect(r.postPeriod.end).toBe('2025-07-11');
    expect(r.prePeriod.end).toBe('2025-05-31');
    expect(r.postPeriod.start).toBe('2025-06-01');
    expect(r.prePeriod.points + r.postPeriod.points).toBe(365);
    expect(r.postPeriod.points).toBe(41);
    expect(r.dateColumn).toBe('Date');
    expect(r.summary.postPoints).toBe(41);
    // the actual sum is the exact sum of the post-period clicks in the file
    expect(r.summary.cumulative.actual).toBe(r.points.filter((p) => p.post).reduce((a, p) => a + p.actual!, 0));
    expect(r.summary.p).toBeGreaterThan(0);
    expect(r.summary.p).toBeLessThanOrEqual(1);
    expect(r.summary.cumulative.predLower).toBeLessThan(r.summary.cumulative.predUpper);
    const text = out.text();
    expect(text).toContain(t('en', 'lift.row.actual'));
    expect(text).toContain(t('en', 'lift.row.ci', { level: 95 }));
    expect(text).toContain(t('en', 'lift.p', { p: r.summary.p.toFixed(3) }));
    expect(text).toContain(t('en', 'lift.controls', { controls: 'Impressions' }));
  });

  it('is reproducible with a seed and prints JSON with --json (through the CLI entry)', async () => {
    const a = sink();
    const b = sink();
    const args = [
      'lift',
      '--series',
      FILE,
      '--y',
      'Clicks',
      '--pre-end',
      '2025-05-31',
      '--seed',
      '3',
      '--draws',
      '300',
      '--json',
    ];
    const errA = sink();
    const errB = sink();
    expect(await main(args, new Output({ json: false, quiet: true, stdout: a.stream, stderr: errA.stream }))).toBe(0);
    expect(await main(args, new Output({ json: false, quiet: true, stdout: b.stream, stderr: errB.stream }))).toBe(0);
    expect(a.text()).toBe(b.text());
    const parsed = JSON.parse(a.text()) as { summary: { p: number }; seed: number; draws: number; points: unknown[] };
    expect(parsed.seed).toBe(3);
    expect(parsed.draws).toBe(300);
    expect(parsed.points).toHaveLength(365);
  });

  it('speaks Japanese', async () => {
    const { ctx, out } = context('ja');
    await lift(ctx, { series: FILE, y: 'clicks', preEnd: '2025/5/31', draws: 200 });
    expect(out.text()).toContain('事後裾確率 p');
    expect(out.text()).toContain('介入前 2024-07-12 〜 2025-05-31');
  });

  it('aligns the summary table in Japanese (full-width characters take two columns)', async () => {
    for (const lang of ['ja', 'en'] as const) {
      const { ctx, out } = context(lang);
      const r = await lift(ctx, {
        series: FILE,
        y: 'Clicks',
        controls: 'Impressions',
        preEnd: '2025-01-01',
        draws: 200,
      });
      const lines = out.text().split('\n');
      // every value row starts its average and cumulative cells at the same display columns as the header
      const header = lines.find((l) => l.includes(t(lang, 'lift.col.cumulative')))!;
      const colOf = (line: string, cell: string) => displayWidth(line.slice(0, line.indexOf(cell)));
      const avgCol = colOf(header, t(lang, 'lift.col.average'));
      const cumCol = colOf(header, t(lang, 'lift.col.cumulative'));
      const a = r.summary.average;
      const c = r.summary.cumulative;
      const actual = lines.find((l) => l.startsWith(t(lang, 'lift.row.actual')))!;
      const fmt = (x: number) => x.toLocaleString('en-US', { maximumFractionDigits: 0 });
      expect(colOf(actual, fmt(c.actual)), lang).toBe(cumCol);
      for (const key of ['lift.row.pred', 'lift.row.abs', 'lift.row.rel'] as const) {
        const label = t(lang, key);
        const row = lines.find((l) => l.startsWith(label));
        expect(row, lang).toBeDefined();
        const cells = row!
          .slice(label.length)
          .trim()
          .split(/\s{2,}/);
        expect(cells).toHaveLength(2);
        expect(colOf(row!, cells[0]!), lang).toBe(avgCol);
        // (the relative effect is the same in both columns: find the second cell from the end)
        expect(displayWidth(row!.slice(0, row!.lastIndexOf(cells[1]!))), lang).toBe(cumCol);
      }
      expect(a.actual).toBeGreaterThan(0);
    }
  });

  it('gives sane intervals and a finite relative effect on the real file with a long post-period', async () => {
    // 174 pre-period days, 191 post-period days. With the old default prior (level sd up to the
    // series' sd) this gave Pred 79.6 (s.d. 285.7) clicks a day with a 95 % interval down to −475,
    // and a relative effect of −1013 %.
    for (const controls of ['Impressions', undefined]) {
      const { ctx } = context('en');
      const r = await lift(ctx, { series: FILE, y: 'Clicks', controls, preEnd: '2025-01-01' });
      const a = r.summary.average;
      expect(r.levelPrior).toBe('uniform');
      expect(r.postPeriod.points).toBe(191);
      expect(a.actual).toBeCloseTo(28_827 / 191, 9);
      // the counterfactual's interval stays on the positive side and narrower than the series' mean
      expect(a.predLower, String(controls)).toBeGreaterThan(0);
      expect(a.predSd, String(controls)).toBeLessThan(0.5 * a.actual);
      // a few of the 900 draws of the counterfactual sum come near zero: the relative effect must not
      // explode either way (the mean of ratios when they are fewer than 1 %, AbsEffect / Pred otherwise)
      const conv = r.summary.relative?.convention;
      expect(['mean_ratio', 'abs_over_pred']).toContain(conv);
      if (conv === 'abs_over_pred') expect(a.relEffect).toBeCloseTo(a.absEffect / a.pred, 9);
      expect(a.relEffect).toBeGreaterThan(0);
      expect(a.relEffect).toBeLessThan(1);
      expect(a.relEffectLower).toBeGreaterThan(-1);
      // clicks are counts: the chart band is clipped at 0
      expect(r.countSeries).toBe(true);
      for (const p of r.points) expect(p.lower).toBeGreaterThanOrEqual(0);
    }
  });
});

describe('xroi lift on messy input', () => {
  it('reads rows without dates by row number, thousands separators, yen signs and blanks', async () => {
    const { ctx, dir, err } = context('en');
    const lines = ['売上,対照'];
    for (let i = 0; i < 40; i++) {
      const y = 1000 + (i % 5) * 10 + (i >= 30 ? 200 : 0);
      const x = 500 + (i % 5) * 5;
      lines.push(`"¥${y.toLocaleString('en-US')}",${i === 3 ? '５０５' : x}`);
    }
    lines[10] = '"",505';
    const f = join(dir, 'rows.csv');
    writeFileSync(f, `\uFEFF${lines.join('\r\n')}\r\n`);
    const r = await lift(ctx, { series: f, y: '売上', controls: ['対照'], preEnd: '30', draws: 300 });
    expect(r.dateColumn).toBeNull();
    expect(r.prePeriod).toEqual({ start: '1', end: '30', points: 30 });
    expect(r.summary.cumulative.actual).toBe([...Array(10).keys()].reduce((a, i) => a + 1200 + ((30 + i) % 5) * 10, 0));
    expect(r.summary.significant).toBe(true);
    expect(err.text()).toBe('');
  });

  it('says what to do for a missing column, a bad split and a duplicate date', async () => {
    const { ctx, dir } = context('en');
    await expect(lift(ctx, { series: FILE, y: 'Sessions', preEnd: '2025-05-31' })).rejects.toThrow(
      t('en', 'lift.no_column', { column: 'Sessions', file: 'search-console-daily.csv' }),
    );
    await expect(lift(ctx, { series: FILE, y: 'Clicks', preEnd: '2030-01-01' })).rejects.toBeInstanceOf(ConfigError);
    await expect(lift(ctx, { series: FILE, y: 'Clicks', preEnd: 'yesterday' })).rejects.toThrow(/not a date/);
    const f = join(dir, 'dup.csv');
    writeFileSync(f, 'date,y\n2025-01-01,1\n2025-01-01,2\n2025-01-02,3\n');
    await expect(lift(ctx, { series: f, y: 'y', preEnd: '2025-01-01' })).rejects.toThrow(/two rows for 2025-01-01/);
    expect(
      await main(
        ['lift', '--series', FILE, '--y', 'Nope', '--pre-end', '2025-05-31'],
        new Output({ json: false, quiet: true, stdout: sink().stream, stderr: sink().stream }),
      ),
    ).toBe(2);
  });

  it('refuses options that cannot work, saying what to do', async () => {
    const { ctx, dir } = context('en');
    const f = join(dir, 'nodates.csv');
    writeFileSync(f, `y\n${Array.from({ length: 20 }, (_, i) => i % 3).join('\n')}\n`);
    await expect(lift(ctx, { series: f, y: 'y', preEnd: '10', weekly: true })).rejects.toThrow(
      t('en', 'lift.weekly_needs_dates'),
    );
    await expect(lift(ctx, { series: f, y: 'y', preEnd: '2025-01-01' })).rejects.toThrow(
      t('en', 'lift.bad_pre_end', { value: '2025-01-01' }),
    );
    await expect(lift(ctx, { series: f, y: 'y', preEnd: '10', levelPrior: 'flat' })).rejects.toThrow(/level-prior/);
    await expect(lift(ctx, { series: f, y: 'y', preEnd: '10', alpha: '2' })).rejects.toThrow(/alpha/);
    await expect(lift(ctx, { series: join(dir, 'missing.csv'), y: 'y', preEnd: '10' })).rejects.toThrow(/cannot read/);
  });

  it('parses numeric and date cells robustly', () => {
    expect(parseCell('1,234')).toBe(1234);
    expect(parseCell('¥1,234')).toBe(1234);
    expect(parseCell('１２３')).toBe(123);
    expect(parseCell('0.25%')).toBe(0.25);
    expect(parseCell('(1,000)')).toBe(-1000);
    expect(parseCell('1200円')).toBe(1200);
    expect(parseCell('')).toBeNaN();
    expect(parseCell('abc')).toBeUndefined();
    expect(parseDay('2025/7/1')).toBe('2025-07-01');
    expect(parseDay('2025年7月1日')).toBe('2025-07-01');
    expect(parseDay('2025-02-30')).toBeNull();
    expect(parseDay('2025-07-01T09:00:00Z')).toBe('2025-07-01');
  });
});
