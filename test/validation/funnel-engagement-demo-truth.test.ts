/**
 * Recovery on the demo company (src/demo, seed 42), checked against its planted truth (truth.json):
 * - the planted pipeline posts are found by the engagement stage's top posts by pipeline created,
 *   while the top posts by likes are other (viral) posts. The truth credits a deal to the one post its
 *   opening lead came through; we credit it to every post any of its contacts came through
 *   (influenced pipeline), so near-tied posts may swap places. The test asks for agreement at the top,
 *   not for the exact order: the truth's top 5 (realized) all in our top 10, the planted posts among
 *   them in our top 5, our top 5 sharing at least 3 with the truth's top 5, our #1 in the truth's top
 *   5 and the truth's #1 in our top 3; and, for every planted post, our pipeline created is at least
 *   the truth's opener-credited pipeline (truth/deals.csv), since influence includes the opener. A
 *   planted post whose draw gave it one small deal (the truth itself ranks it below normal posts) is
 *   not required in our top 10: that would test the draw, not the method;
 * - leads are the people who came in as leads (the truth's lead count, not the buying-committee
 *   members a rep added to deals);
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
import { parse as parseCsv } from 'csv-parse/sync';
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
/** new-business pipeline per post as the truth credits it (the post its opening lead came through) */
const openerCredited = new Map<string, number>();

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
  const deals = parseCsv(readFileSync(join(dir, 'truth', 'deals.csv'), 'utf8'), { columns: true }) as {
    deal_type: string;
    entry_post_id: string;
    amount: string;
  }[];
  for (const d of deals) {
    if (!d.entry_post_id || /existing/i.test(d.deal_type)) continue;
    openerCredited.set(d.entry_post_id, (openerCredited.get(d.entry_post_id) ?? 0) + Number(d.amount || 0));
  }
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
    for (const id of truthTop5) expect(ours.slice(0, 10)).toContain(id);
    for (const id of truthTop5.filter((x) => truth.posts.planted.includes(x))) expect(ours.slice(0, 5)).toContain(id);
    expect(ours.slice(0, 5).filter((id) => truthTop5.includes(id)).length).toBeGreaterThanOrEqual(3);
    expect(truthTop5).toContain(ours[0]);
    expect(ours.slice(0, 3)).toContain(truthTop5[0]);
  });
  it('counts pipeline created (open, won and lost) per post, so posts whose deals closed keep theirs', () => {
    const top = engagement.topByPipeline[0]!;
    expect(top.pipelineCreated).toBeGreaterThan(0);
    for (const p of engagement.posts) expect(p.pipelineCreated).toBeGreaterThanOrEqual(p.pipeline + p.wonValue);
    // by the end of the demo most deals of the early planted posts are decided: their value must not vanish
    const planted = engagement.posts.filter((p) => truth.posts.planted.includes(p.postId));
    expect(planted.length).toBe(truth.posts.planted.length);
    for (const p of planted) {
      expect(p.pipelineCreated).toBeGreaterThan(0);
      expect(p.pipelineCreated, p.postId).toBeGreaterThanOrEqual(openerCredited.get(p.postId) ?? 0);
    }
  });
  it('the top posts by likes are not the pipeline posts', () => {
    const byLikes = engagement.topByLikes.slice(0, 5).map((p) => p.postId);
    expect(byLikes[0]).toBe(truth.posts.topByLikes[0]!.postId);
    expect(byLikes.filter((id) => truth.posts.planted.includes(id))).toEqual([]);
  });
});

describe('demo truth: funnel rates inside the reported intervals', () => {
  it('leads: people who came in as leads, not committee members added to deals (within 2 % of the truth)', async () => {
    const planted = truth.funnel.analysisPeriod.leadToTrueLead.n;
    const f = await funnelStage(ctxFor(truth.funnel.cutoffs.leadCreatedBy));
    expect(Math.abs(f.funnel.counts[0]!.count - planted) / planted).toBeLessThan(0.02);
  });
  it('opportunity → won over the whole period, open opportunities censored', async () => {
    const r = truth.funnel.analysisPeriod.opportunityToWon;
    const f = await funnelStage(ctxFor(truth.dates.analysisPeriod.end));
    const step = f.funnel.steps[2]!;
    expect(step.open).toBeGreaterThan(0);
    expect(step.wilson.trials).toBe(f.funnel.counts[2]!.count - step.open!);
    expect(inside(step.wilson, r.planted)).toBe(true);
    expect(inside(step.jeffreys, r.planted)).toBe(true);
  });
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
