import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../errors.js';
import { CliContext } from '../context.js';
import { Output } from '../output.js';
import { main } from '../main.js';
import { ltvCommand, type LtvCommandResult } from './ltv.js';

function setup(json: boolean) {
  const dir = mkdtempSync(join(tmpdir(), 'xroi-ltv-'));
  let text = '';
  const stdout = new PassThrough();
  stdout.on('data', (d: Buffer) => (text += d.toString()));
  const output = new Output({ json, quiet: true, stdout, stderr: new PassThrough() });
  const ctx = new CliContext({ config: dir, lang: 'en', json }, output);
  return { ctx, dir, output, out: () => text };
}

describe('xroi ltv --survival', () => {
  it('fits the High End segment of Fader & Hardie (2007) and prints DERL(7) = 7.530 as JSON', async () => {
    const { ctx, out } = setup(true);
    await ltvCommand(ctx, { survival: '1000,869,743,653,593,551,517,491', discount: '0.1' });
    const r = JSON.parse(out()) as LtvCommandResult;
    expect(r.alpha).toBeCloseTo(0.668, 3);
    expect(r.beta).toBeCloseTo(3.806, 2);
    expect(r.derl.find((d) => d.renewals === 7)!.value).toBeCloseTo(7.53, 2);
    expect(r.projection[12]!.survival).toBeCloseTo(0.378, 3);
    expect(r.projection[7]!.observed).toBeCloseTo(0.491, 12);
  });
  it('accepts several cohorts and prints a table for humans', async () => {
    const { ctx, out } = setup(false);
    const r = await ltvCommand(ctx, {
      survival: ['10000,8000,6480,5307,4391', '10000,8000,6480,5307', '10000,8000,6480', '10000,8000'],
    });
    expect(r.alpha).toBeCloseTo(3.8, 1);
    expect(out()).toContain('α = 3.798');
    expect(out()).toContain('DERL');
  });
  it('runs through the CLI entry with --json', async () => {
    const { dir, output, out } = setup(true);
    const code = await main(['--config', dir, 'ltv', '--survival', '1000,631,468,382,326', '--json'], output);
    expect(code).toBe(0);
    expect((JSON.parse(out()) as LtvCommandResult).alpha).toBeCloseTo(0.7637, 3);
  });
  it('explains a malformed --survival', async () => {
    const { ctx } = setup(true);
    await expect(ltvCommand(ctx, { survival: '1000' })).rejects.toThrow(ConfigError);
    await expect(ltvCommand(ctx, { survival: '1000,abc' })).rejects.toThrow(/--survival/);
  });
});
