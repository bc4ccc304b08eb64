import { describe, it, expect } from 'vitest';
import { parseConfig } from '../../config/index.js';
import { computeLtv } from '../ltv/ltv.js';
import type { RoiInputs } from '../roi/bridge.js';
import type { StageContext } from '../stage.js';
import { uncertaintyInputs, uncertaintyStage } from './stage.js';

const base: RoiInputs = {
  wonInPeriod: [
    { dealId: 'a', amount: 1_200_000, monthlyRevenue: 100_000, oneOff: false, lastTouchX: true, xCredit: 0.5 },
  ],
  openXDeals: [],
  grossMargin: 0.75,
  discountedLifetimeMonths: 30,
  liftValue: 0,
  cashSpend: 1_000_000,
  laborHours: 100,
  hourlyRate: 5000,
  benchmarkRoi: 0,
};

describe('uncertaintyStage', () => {
  const config = parseConfig({ uncertainty: { draws: 300, seed: 9 } });
  const ltv = computeLtv({ deals: [], retention: [], asOf: 0 }, config);
  it('uses the config ranges and the config churn when there is no sBG fit', () => {
    const i = uncertaintyInputs({ config }, base, ltv);
    expect(i.churn).toEqual({ kind: 'range', monthlyChurn: config.economics.monthlyChurn });
    expect(i.grossMargin).toEqual(config.economics.grossMargin);
  });
  it('runs with the configured draws and seed, deterministically', async () => {
    const ctx = { config } as unknown as StageContext;
    const a = await uncertaintyStage(ctx, base, ltv);
    const b = await uncertaintyStage(ctx, base, ltv);
    expect(a.draws).toBe(300);
    expect(a.seed).toBe(9);
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
  });
});
