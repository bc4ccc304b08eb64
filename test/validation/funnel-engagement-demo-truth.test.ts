/**
 * Recovery on the demo company (src/demo, seed 42), checked against its planted truth (truth.json):
 * - the planted pipeline posts are found by the engagement stage's top posts by pipeline created,
 *   while the top posts by likes are other (viral) posts;
 * - the planted funnel rates lie inside the Wilson and Jeffreys intervals the funnel stage reports,
 *   each counted over the units the truth decides (leads created, true leads qualified and deals
 *   created by the truth's cutoffs), with the demo's own definition of a true lead ("Became a Sales
 *   Qualified Lead": stages [sql], no action rule).
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { parseConfig, type Config } from '../../src/config/index.js';
import { demoConfigYaml, generateDemo, type DemoTruth } from '../../src/demo/index.js';
import { importFiles } from '../../src/ingest/index.js';
import { engagementStage, type EngagementSection } from '../../src/model/engagement/index.js';
import { funnelStage } from '../../src/model/funnel/index.js';
import { periodOf } from '../../src/model/funnel/store-fixture.js';
import type { StageContext } from '../../src/model/stage.js';
import type { Proportion } from '../../src/model/stats/index.js';
import { Store } from '../../src/store/index.js';

let dir: string;
let store: Store;
let truth: DemoTruth;
let config: Config;
let engagement: EngagementSection;

const ctxFor = (end: string): StageContext => ({
  store,
  config,
  period: periodOf(truth.dates.analysisPeriod.start, end, config.timeZone),
  issues: [],
  missing: [],
});

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'xroi-demo-truth-'));
  const demo = await generateDemo({ outDir: dir, seed: 42 });
  truth = JSON.parse(readFileSync(join(dir, 'truth.json'), 'utf8')) as DemoTruth;
  config = parseConfig({
    ...(parse(demoConfigYaml(truth)) as Record<string, unknown>),
    trueLead: { stages: ['sql'], actions: [] },
  });
  store = await Store.memory();
  await importFiles(
    store,
    demo.files.map((f) => f.path),
    config,
  );
  engagement = await engagementStage(ctxFor(truth.dates.analysisPeriod.end));
}, 120_000);

afterAll(() => {
  store?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const inside = (p: Proportion, planted: number) => p.low! <= planted && planted <= p.high!;

describe('demo truth: posts', () => {
  it('finds the planted pipeline posts at the top by pipeline created', () => {
    const ours = engagement.topByPipeline.map((p) => p.postId);
    const truthTop5 = truth.posts.topByPipeline.slice(0, 5).map((p) => p.postId);
    expect(ours[0]).toBe(truthTop5[0]);
    expect(ours.slice(0, 5).filter((id) => truthTop5.includes(id)).length).toBeGreaterThanOrEqual(4);
    for (const id of truth.posts.planted) expect(ours.slice(0, 10)).toContain(id);
  });
  it('the top posts by likes are not the pipeline posts', () => {
    const byLikes = engagement.topByLikes.slice(0, 5).map((p) => p.postId);
    expect(byLikes[0]).toBe(truth.posts.topByLikes[0]!.postId);
    expect(byLikes.filter((id) => truth.posts.planted.includes(id))).toEqual([]);
  });
});

describe('demo truth: funnel rates inside the reported intervals', () => {
  it('lead → true lead (leads created by the cutoff)', async () => {
    const r = truth.funnel.analysisPeriod.leadToTrueLead;
    const f = await funnelStage(ctxFor(truth.funnel.cutoffs.leadCreatedBy));
    const step = f.funnel.steps[0]!;
    expect(step.wilson.trials).toBeGreaterThan(r.n * 0.9);
    expect(inside(step.wilson, r.planted)).toBe(true);
    expect(inside(step.jeffreys, r.planted)).toBe(true);
  });
  it('true lead → opportunity (true leads qualified by the cutoff)', async () => {
    const r = truth.funnel.analysisPeriod.trueLeadToOpportunity;
    const f = await funnelStage(ctxFor(truth.funnel.cutoffs.trueLeadBy));
    const step = f.funnel.steps[1]!;
    expect(inside(step.wilson, r.planted)).toBe(true);
    expect(inside(step.jeffreys, r.planted)).toBe(true);
  });
  it('opportunity → won (new-business deals created by the cutoff, all decided)', async () => {
    const r = truth.funnel.analysisPeriod.opportunityToWon;
    const f = await funnelStage(ctxFor(truth.funnel.cutoffs.dealCreatedBy));
    expect(f.dealWinRate.decided).toBeGreaterThan(r.n * 0.8);
    expect(inside(f.dealWinRate.wilson, r.planted)).toBe(true);
    expect(inside(f.dealWinRate.jeffreys, r.planted)).toBe(true);
  });
});
