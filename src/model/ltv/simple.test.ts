import { describe, it, expect } from 'vitest';
import { simpleLifetime, simpleLtv } from './simple.js';

describe('simple LTV (REFERENCE §6 worked SaaS example)', () => {
  it('ARPA $100, GM 80 %, churn 2 % → LTV $4,000 and a 50-month lifetime', () => {
    expect(simpleLtv({ arpa: 100, grossMargin: 0.8, churn: 0.02 }).value).toBeCloseTo(4000, 9);
    expect(simpleLifetime(0.02).value).toBeCloseTo(50, 12);
  });
  it('caps the lifetime at the horizon', () => {
    expect(simpleLtv({ arpa: 100, grossMargin: 0.8, churn: 0.01, horizon: 60 }).value).toBeCloseTo(4800, 9);
  });
  it('says why when churn is zero', () => {
    expect(simpleLtv({ arpa: 100, grossMargin: 0.8, churn: 0 })).toEqual({ value: null, reason: 'reason.zero_churn' });
    expect(simpleLtv({ arpa: 100, grossMargin: 0.8, churn: 0, horizon: 60 })).toEqual({
      value: 4800,
      reason: 'reason.zero_churn_capped',
    });
  });
});
