import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { CliContext } from '../context.js';
import { Output } from '../output.js';
import { attributionCommand, type AttributionCommandResult } from './attribution.js';
import { t } from '../../messages/index.js';
import { Store } from '../../store/index.js';

function setup(json: boolean) {
  const dir = mkdtempSync(join(tmpdir(), 'xroi-attr-'));
  const file = join(dir, 'paths.tsv');
  writeFileSync(
    file,
    'path\ttotal_conversions\ttotal_conversion_value\ttotal_null\nx_organic > email\t1\t100\t0\nemail\t0\t0\t1\nx_organic\t1\t50\t1\n',
  );
  let text = '';
  const stdout = new PassThrough();
  stdout.on('data', (d: Buffer) => (text += d.toString()));
  const ctx = new CliContext(
    { config: dir, lang: 'en', json },
    new Output({ json, quiet: true, stdout, stderr: new PassThrough() }),
  );
  return { ctx, file, out: () => text };
}

describe('xroi attribution --paths', () => {
  it('prints every model as JSON with totals equal to the file', async () => {
    const { ctx, file, out } = setup(true);
    await attributionCommand(ctx, { paths: file, model: 'all' });
    const parsed = JSON.parse(out()) as AttributionCommandResult;
    expect(parsed.channels).toEqual(['email', 'x_organic']);
    const markov = parsed.models.find((m) => m.model === 'markov')!;
    expect(markov.byChannel.reduce((a, c) => a + c.conversions, 0)).toBeCloseTo(2, 12);
    const last = parsed.models.find((m) => m.model === 'last')!;
    expect(last.byChannel).toEqual([
      { channel: 'email', conversions: 1, value: 100 },
      { channel: 'x_organic', conversions: 1, value: 50 },
    ]);
    expect(parsed.skipped.map((s) => s.model)).toContain('time-decay');
  });
  it('prints a table with the X range on a terminal', async () => {
    const { ctx, file, out } = setup(false);
    await attributionCommand(ctx, { paths: file, model: 'linear' });
    expect(out()).toContain(t('en', 'attribution.title'));
    expect(out()).toContain(t('en', 'attribution.xRange', { min: '75.0 %', max: '75.0 %' }));
  });
  it('lists the valid models for an unknown one, and says to import first without a store', async () => {
    const { ctx, file } = setup(true);
    await expect(attributionCommand(ctx, { paths: file, model: 'magic' })).rejects.toThrow(/valid models/);
    await expect(attributionCommand(ctx, {})).rejects.toThrow(/no xroi store/);
  });
});

describe('xroi attribution (store)', () => {
  it('runs every model on the deal journeys in the store', async () => {
    const { ctx, out } = setup(true);
    const store = await Store.open(ctx.storePath);
    await store.run(`INSERT INTO deals (deal_id, account_id, created_at, closed_at, is_closed, is_won, amount, import_id)
      VALUES ('d1', 'a1', TIMESTAMP '2026-02-01 00:00:00', TIMESTAMP '2026-03-01 00:00:00', true, true, 100, 1)`);
    await store.run(`INSERT INTO deal_contacts VALUES ('d1', 'p1', 1)`);
    await store.run(`INSERT INTO touchpoints (person_id, occurred_at, source, medium, import_id) VALUES
      ('p1', TIMESTAMP '2026-01-01 00:00:00', 'twitter', 'social', 1), ('p1', TIMESTAMP '2026-02-20 00:00:00', 'google', 'cpc', 1)`);
    await store.close();
    await attributionCommand(ctx, { model: 'first' });
    const parsed = JSON.parse(out()) as AttributionCommandResult & { xShare: { min: number } };
    expect(parsed.models.map((m) => m.model)).toEqual(['first']);
    expect(parsed.models[0]!.byChannel).toEqual([
      { channel: 'paid_search', conversions: 0, value: 0 },
      { channel: 'x_organic', conversions: 1, value: 100 },
    ]);
    expect(parsed.channels).toEqual(['paid_search', 'x_organic']);
  });
});
