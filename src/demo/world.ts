/**
 * The demo company's simulation: a B2B SaaS vendor in Japan ("Nexaro") whose X program starts on a
 * known day. Everything is drawn from the planted parameters (params.ts) with one seeded generator,
 * in this order:
 *
 *   1. accounts (a few hundred companies) and the X posts of the data window;
 *   2. X Ads campaigns promoting a few posts (daily spend per post);
 *   3. leads, each with one latent *driver* channel — the channel without which the lead would not
 *      exist (X leads come from posts or promoted posts; "dark" X leads never click and arrive by
 *      branded search or direct);
 *   4. the funnel per lead: true lead ~ Bernoulli, opportunity ~ Bernoulli, then a deal whose stages
 *      advance with planted probabilities; a buying committee of 1–5 people joins the deal;
 *   5. subscriptions from won deals, renewed yearly with a per-customer churn θ ~ Beta(α, β);
 *   6. touches (web sessions, forms, webinars, e-mail clicks, meetings) consistent with the driver,
 *      plus "passenger" touches of other channels that did not cause anything.
 *
 * Daily series (web, search, X account, ads) and costs are derived in series.ts.
 */
import { DAY_MS, HOUR_MS, activityFactor, addMonths, dayOfWeek, dayStartMs, daysBetween, ymd } from './calendar.js';
import { companyNames, emailFor, personName, type PersonName } from './names.js';
import {
  DEAL_STAGES,
  INDUSTRY_LABELS,
  JOB_TITLES,
  PLANTED,
  type DemoChannel,
  type PlantedParameters,
  winProbabilityFromStage,
} from './params.js';
import { THEMES_NORMAL, THEME_WEIGHTS_NORMAL, draftPost, snowflake, type PostKind, type PostTheme } from './posts.js';
import { Rng } from './random.js';
import { hubspotSource, makeTouch, type DemoTouch, type TouchKind, type TouchOptions } from './touch.js';

export interface SimulationOptions {
  seed: number;
  /** months of marketing data (touchpoints, posts, web and search series); default 18 */
  months: number;
  /** multiplies lead volumes (1 = the full demo) */
  scale: number;
  /** last day of the data, YYYY-MM-DD; default 2026-09-30 */
  end: string;
  /** months of CRM history before the data window (so renewals can be fitted); default 36 */
  historyMonths: number;
  params: PlantedParameters;
}

export const SIMULATION_DEFAULTS: Omit<SimulationOptions, 'seed'> = {
  months: 18,
  scale: 1,
  end: '2026-09-30',
  historyMonths: 36,
  params: PLANTED,
};

export interface DemoDates {
  historyStart: string;
  windowStart: string;
  programStart: string;
  adsStart: string;
  end: string;
  /** the last 12 months: the analysis period written into the demo config */
  analysisStart: string;
}

export interface DemoAccount {
  id: string;
  name: string;
  domain: string;
  industry: string;
  employees: number;
  weight: number;
  mrrFactor: number;
  /** fits the planted ideal customer profile */
  icpFit: boolean;
}

export interface DemoPost {
  id: string;
  at: number;
  day: string;
  theme: PostTheme;
  kind: PostKind;
  lang: 'ja' | 'en';
  text: string;
  tco: string | null;
  landingPath: string;
  metrics: PostMetrics;
}

export interface PostMetrics {
  impressions: number;
  likes: number;
  engagements: number;
  bookmarks: number;
  shares: number;
  newFollows: number;
  replies: number;
  reposts: number;
  profileVisits: number;
  detailExpands: number;
  urlClicks: number;
  hashtagClicks: number;
  permalinkClicks: number;
  /** url clicks not seen as a tracked contact's session */
  anonymousClicks: number;
}

export interface AdCampaign {
  id: number;
  name: string;
  start: string;
  end: string;
  postIds: string[];
  dailyBudgetPerPost: number;
}

export interface AdRow {
  day: string;
  campaignId: number;
  postId: string;
  spend: number;
  impressions: number;
  clicks: number;
  urlClicks: number;
  engagements: number;
  likes: number;
  retweets: number;
  comments: number;
  /** paid clicks not seen as a tracked contact's session */
  anonymousClicks: number;
}

export interface DemoContact {
  id: string;
  accountId: string;
  name: PersonName;
  email: string;
  jobTitle: string;
  createdAt: number;
  /** 'sales' = added to a deal by a sales rep, not a marketing lead */
  driver: DemoChannel | 'sales';
  isLead: boolean;
  entryPostId: string | null;
  /** an X lead that never clicked a post */
  dark: boolean;
  /** the channel of the session in which the lead converted */
  conversionChannel: DemoChannel | 'sales';
  eventKind: 'webinar' | 'expo' | null;
  campaign: string;
  /** planted individual probabilities */
  pTrueLead: number;
  pOpportunity: number;
  /** drawn outcomes (the time may fall after the data end: then it is not observed) */
  becomesTrueLead: boolean;
  becomesOpportunity: boolean;
  trueLeadAt: number | null;
  mqlAt: number | null;
  opportunityAt: number | null;
  customerAt: number | null;
  selfReport: string;
  /** the list the self-reported answer was drawn from (a channel, 'other', or null when blank) */
  selfReportLabel: DemoChannel | 'other' | null;
  originalSource: [string, string, string];
}

export interface DemoDeal {
  id: string;
  name: string;
  accountId: string;
  type: 'new' | 'renewal';
  driver: DemoChannel | 'sales';
  primaryContactId: string;
  contactIds: string[];
  createdAt: number;
  mrr: number;
  amount: number;
  /** entered-at per stage index (DEAL_STAGES); null when not (yet) reached */
  stageEntered: (number | null)[];
  outcome: 'won' | 'lost' | 'open';
  /** the planted eventual outcome, also for deals still open at the data end */
  eventualOutcome: 'won' | 'lost';
  closedAt: number | null;
  closeDateField: number;
  currentStage: number;
  pWin: number;
  parentDealId: string | null;
  entryPostId: string | null;
}

export interface Subscription {
  dealId: string;
  accountId: string;
  driver: DemoChannel | 'sales';
  start: number;
  theta: number;
  /** renewal decisions observed before the data end */
  renewals: number;
  churned: boolean;
  mrr: number;
}

export interface World {
  options: SimulationOptions;
  dates: DemoDates;
  accounts: DemoAccount[];
  posts: DemoPost[];
  campaigns: AdCampaign[];
  adRows: AdRow[];
  contacts: DemoContact[];
  deals: DemoDeal[];
  subscriptions: Subscription[];
  touches: DemoTouch[];
}

interface LeadSeed {
  at: number;
  driver: DemoChannel;
  post: DemoPost | null;
  entryAt: number | null;
  dark: boolean;
  campaign: string;
  eventKind: 'webinar' | 'expo' | null;
  eventAt: number | null;
}

/** A random time on the given day, weighted to Japanese office hours. */
function workTime(rng: Rng, day: string): number {
  const h = rng.next() < 0.85 ? rng.uniform(9, 19) : rng.uniform(6, 24);
  return dayStartMs(day) + Math.floor(h * HOUR_MS) + rng.int(0, 59) * 1000;
}

function nthWeekdayOfMonth(monthStart: string, weekday: number, n: number): string {
  const first = dayOfWeek(monthStart);
  const offset = ((weekday - first + 7) % 7) + 7 * (n - 1);
  return ymd(dayStartMs(monthStart) + offset * DAY_MS + HOUR_MS);
}

/** Simulate the demo company. Pure function of the options. */
export function simulate(options: SimulationOptions): World {
  const { params: P, scale } = options;
  const root = new Rng(options.seed);
  const end = options.end;
  const endMs = dayStartMs(end) + DAY_MS - 1;
  const windowStart = addMonths(end, -(options.months - 1));
  const programStart = addMonths(windowStart, Math.max(3, options.months - 12));
  const dates: DemoDates = {
    historyStart: addMonths(windowStart, -options.historyMonths),
    windowStart,
    programStart,
    adsStart: addMonths(programStart, 1),
    end,
    analysisStart: addMonths(end, -11),
  };
  const windowMs = dayStartMs(windowStart);
  const programMs = dayStartMs(programStart);

  // 1. accounts ---------------------------------------------------------------------------------
  const rA = root.fork('accounts');
  const nAccounts = Math.max(40, Math.round(650 * Math.sqrt(scale)));
  const names = companyNames(rA, nAccounts);
  let companyId = 20_481_000_000;
  const accounts: DemoAccount[] = names.map((c) => {
    companyId += rA.int(17, 7919);
    const employees = Math.round(rA.logNormal(120, 1.1)) + 5;
    const industry = INDUSTRY_LABELS[c.industry] ?? c.industry;
    return {
      id: String(companyId),
      name: c.name,
      domain: c.domain,
      industry,
      employees,
      icpFit: employees >= P.icp.employeesMin && employees <= P.icp.employeesMax && P.icp.industries.includes(industry),
      weight: Math.pow(employees, 0.45) * rA.logNormal(1, 0.5),
      mrrFactor: Math.min(2.5, Math.max(0.5, Math.pow(employees / 120, 0.3))),
    };
  });
  const accountWeights = accounts.map((a) => a.weight);

  // posts -----------------------------------------------------------------------------------------
  const rP = root.fork('posts');
  const posts: DemoPost[] = [];
  const programDays = daysBetween(programStart, end).length;
  const extraPostRate = options.months >= 18 ? 0.3 : 0.65;
  for (const day of daysBetween(windowStart, end)) {
    const dow = dayOfWeek(day);
    const inProgram = day >= programStart;
    let n = 0;
    if (!inProgram) n = dow === 2 || dow === 4 ? (rP.next() < 0.8 ? 1 : 0) : 0;
    else if (dow === 0 || dow === 6) n = rP.next() < 0.1 ? 1 : 0;
    else n = 1 + (rP.next() < extraPostRate ? 1 : 0);
    if (activityFactor(day) < 0.2) n = 0;
    for (let i = 0; i < n; i++) {
      const theme = rP.weighted(THEMES_NORMAL, THEME_WEIGHTS_NORMAL);
      const hour = i === 0 ? rP.pick([8, 12, 12, 18]) : rP.pick([17, 19, 21]);
      posts.push(newPost(rP, day, hour, theme, 'normal'));
    }
  }
  // planted pipeline posts and viral posts, spread over the program
  const plantedThemes: PostTheme[] = ['calculator', 'whitepaper', 'case_study', 'whitepaper', 'case_study'];
  const viralThemes: PostTheme[] = ['culture', 'culture', 'tips', 'culture', 'culture'];
  plantedThemes.forEach((theme, i) => {
    const day = ymd(programMs + Math.floor(programDays * (0.05 + 0.14 * i)) * DAY_MS + 12 * HOUR_MS);
    posts.push(newPost(rP, day, 12, theme, 'planted'));
  });
  viralThemes.forEach((theme, i) => {
    const day = ymd(programMs + Math.floor(programDays * (0.14 + 0.17 * i)) * DAY_MS + 12 * HOUR_MS);
    posts.push(newPost(rP, day, 20, theme, 'viral'));
  });
  posts.sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : 1));
  const postById = new Map(posts.map((p) => [p.id, p]));
  const linkedPosts = posts.filter((p) => p.tco !== null);

  // 2. ads ------------------------------------------------------------------------------------------
  const rAd = root.fork('ads');
  const campaigns: AdCampaign[] = [];
  const adsStartMs = dayStartMs(dates.adsStart);
  const campaignSpans: [number, number][] = [
    [0, 0.3],
    [0.25, 0.6],
    [0.62, 1],
  ];
  const adsDays = Math.round((endMs - adsStartMs) / DAY_MS);
  campaignSpans.forEach(([a, b], i) => {
    const start = ymd(adsStartMs + Math.floor(adsDays * a) * DAY_MS + HOUR_MS);
    const stop = ymd(adsStartMs + Math.floor(adsDays * b) * DAY_MS - DAY_MS + HOUR_MS);
    const candidates = linkedPosts.filter(
      (p) =>
        p.kind === 'normal' &&
        ['product', 'webinar', 'whitepaper', 'case_study'].includes(p.theme) &&
        p.day < start &&
        p.at > dayStartMs(start) - 45 * DAY_MS,
    );
    const chosen = rAd.shuffle(candidates).slice(0, 2);
    if (chosen.length === 0) return;
    campaigns.push({
      id: 101 + i,
      name: `xads-${101 + i}`,
      start,
      end: stop > end ? end : stop,
      postIds: chosen.map((p) => p.id),
      dailyBudgetPerPost: [9000, 11000, 10000][i] as number,
    });
  });
  const adRows: AdRow[] = [];
  for (const c of campaigns) {
    for (const day of daysBetween(c.start, c.end)) {
      for (const postId of c.postIds) {
        const f = 0.55 + 0.45 * activityFactor(day);
        const spend = Math.round(c.dailyBudgetPerPost * f * rAd.uniform(0.8, 1.1));
        const impressions = rAd.poisson((spend / 650) * 1000);
        const anonymousClicks = rAd.poisson(impressions * 0.0045);
        const likes = rAd.poisson(impressions * 0.004);
        const retweets = rAd.poisson(likes * 0.1);
        const comments = rAd.poisson(likes * 0.05);
        adRows.push({
          day,
          campaignId: c.id,
          postId,
          spend,
          impressions,
          clicks: 0,
          urlClicks: anonymousClicks,
          engagements: 0,
          likes,
          retweets,
          comments,
          anonymousClicks,
        });
      }
    }
  }

  // 3. lead seeds ---------------------------------------------------------------------------------
  const rL = root.fork('leads');
  const seeds: LeadSeed[] = [];
  const seed = (s: Partial<LeadSeed> & Pick<LeadSeed, 'at' | 'driver'>) => {
    if (s.at <= endMs) {
      seeds.push({ post: null, entryAt: null, dark: false, campaign: '', eventKind: null, eventAt: null, ...s });
    }
  };
  const channelsPerDay = Object.entries(P.leadsPerWeekday) as [DemoChannel, number][];
  for (const day of daysBetween(dates.historyStart, end)) {
    const f = activityFactor(day);
    for (const [driver, rate] of channelsPerDay) {
      const n = rL.poisson(rate * f * scale);
      for (let i = 0; i < n; i++) seed({ at: workTime(rL, day), driver });
    }
    const darkRate = day >= programStart ? P.xDarkLeadsPerWeekday.program : P.xDarkLeadsPerWeekday.beforeProgram;
    const nDark = rL.poisson(darkRate * f * scale);
    for (let i = 0; i < nDark; i++) seed({ at: workTime(rL, day), driver: 'x_organic', dark: true });
    // events: a webinar on the 2nd Wednesday of every month, an expo in May and November
    if (day.endsWith('-01')) {
      const webinarDay = nthWeekdayOfMonth(day, 3, 2);
      const campaign = `webinar-${day.slice(0, 7)}`;
      const n = rL.poisson(P.webinarLeads * scale);
      for (let i = 0; i < n; i++) {
        const regDay = ymd(dayStartMs(webinarDay) - rL.int(1, 14) * DAY_MS + HOUR_MS);
        seed({
          at: workTime(rL, regDay),
          driver: 'events',
          campaign,
          eventKind: 'webinar',
          eventAt: dayStartMs(webinarDay) + 15 * HOUR_MS,
        });
      }
      if (day.slice(5, 7) === '05' || day.slice(5, 7) === '11') {
        const expoDay = nthWeekdayOfMonth(day, 3, 3);
        const importDay = ymd(dayStartMs(expoDay) + 6 * DAY_MS + HOUR_MS);
        for (let d = 0; d < 3; d++) {
          const n2 = rL.poisson(P.expoLeadsPerDay * scale);
          for (let i = 0; i < n2; i++) {
            seed({
              at: dayStartMs(importDay) + 10 * HOUR_MS + rL.int(0, 3600) * 1000,
              driver: 'events',
              campaign: `expo-${day.slice(0, 7)}`,
              eventKind: 'expo',
              eventAt: dayStartMs(expoDay) + d * DAY_MS + rL.uniform(10, 17) * HOUR_MS,
            });
          }
        }
      }
    }
  }
  for (const post of linkedPosts) {
    const rate = P.xLeadsPerPost[post.kind] * (post.at < programMs ? 0.6 : 1) * scale;
    const n = rL.poisson(rate);
    for (let i = 0; i < n; i++) {
      const entryAt = post.at + Math.min(3 * DAY_MS, Math.floor(-Math.log(1 - rL.next()) * 10 * HOUR_MS)) + 60_000;
      const at = entryAt + Math.min(45 * DAY_MS, Math.floor(rL.logNormal(1.5, 1.1) * DAY_MS));
      seed({ at, driver: 'x_organic', post, entryAt });
    }
  }
  for (const row of adRows) {
    const n = rL.poisson((row.spend / 10_000) * P.xPaidLeadsPer10kYen * scale);
    const post = postById.get(row.postId) as DemoPost;
    for (let i = 0; i < n; i++) {
      const entryAt = workTime(rL, row.day);
      const at = entryAt + Math.min(30 * DAY_MS, Math.floor(rL.logNormal(0.4, 1.2) * DAY_MS)) + 60_000;
      seed({ at, driver: 'x_paid', post, entryAt, campaign: `xads-${row.campaignId}` });
    }
  }
  seeds.sort((a, b) => a.at - b.at);

  // 4. contacts and the lead funnel ---------------------------------------------------------------
  const rC = root.fork('contacts');
  const seedOf = new Map<DemoContact, LeadSeed>();
  const rF = root.fork('funnel');
  const emails = new Set<string>();
  let contactId = 51_201_000_000;
  const contacts: DemoContact[] = [];
  const newContact = (
    c: Omit<DemoContact, 'id' | 'name' | 'email' | 'jobTitle'>,
    account: DemoAccount,
  ): DemoContact => {
    contactId += rC.int(13, 2711);
    const name = personName(rC);
    const contact: DemoContact = {
      ...c,
      id: String(contactId),
      name,
      email: emailFor(rC, name, account.domain, emails),
      jobTitle: rC.pick(JOB_TITLES),
    };
    contacts.push(contact);
    return contact;
  };
  for (const s of seeds) {
    const account = rC.weighted(accounts, accountWeights);
    const quality =
      s.post?.kind === 'planted' ? P.postQuality.planted : s.post?.kind === 'viral' ? P.postQuality.viral : 1;
    const icp = account.icpFit ? P.icp.fitMultiplier : P.icp.otherMultiplier;
    const pTrueLead = Math.min(0.95, P.trueLeadRate[s.driver] * quality * icp);
    const pOpportunity = Math.min(0.95, P.opportunityRate[s.driver] * quality);
    const becomesTrueLead = rF.bernoulli(pTrueLead);
    const becomesOpportunity = becomesTrueLead && rF.bernoulli(pOpportunity);
    const trueLeadAt = s.at + Math.floor(rF.uniform(0.2, 14) * DAY_MS);
    const opportunityAt = trueLeadAt + Math.floor(rF.uniform(2, 30) * DAY_MS);
    const falseMql = rF.bernoulli(0.25);
    const mqlAt = becomesTrueLead
      ? s.at + Math.floor((trueLeadAt - s.at) * rF.uniform(0, 0.8))
      : s.at + Math.floor(rF.uniform(0, 10) * DAY_MS);
    const conversionChannel = conversionChannelFor(rF, s);
    newContact(
      {
        accountId: account.id,
        createdAt: s.at,
        driver: s.driver,
        isLead: true,
        entryPostId: s.post?.id ?? null,
        dark: s.dark,
        conversionChannel,
        eventKind: s.eventKind,
        campaign: s.campaign,
        pTrueLead,
        pOpportunity,
        becomesTrueLead,
        becomesOpportunity,
        trueLeadAt: becomesTrueLead && trueLeadAt <= endMs ? trueLeadAt : null,
        mqlAt: (becomesTrueLead || falseMql) && mqlAt <= endMs ? mqlAt : null,
        opportunityAt: becomesOpportunity && opportunityAt <= endMs ? opportunityAt : null,
        customerAt: null,
        ...selfReport(rF, s),
        originalSource: ['', '', ''],
      },
      account,
    );
    seedOf.set(contacts[contacts.length - 1] as DemoContact, s);
  }
  const accountById = new Map(accounts.map((a) => [a.id, a]));
  const contactsByAccount = new Map<string, DemoContact[]>();
  for (const c of contacts) {
    const list = contactsByAccount.get(c.accountId) ?? [];
    list.push(c);
    contactsByAccount.set(c.accountId, list);
  }

  // deals -------------------------------------------------------------------------------------------
  const rD = root.fork('deals');
  let dealId = 30_977_000_000;
  const nextDealId = () => String((dealId += rD.int(29, 5113)));
  const deals: DemoDeal[] = [];
  const inDeal = new Set<string>();
  const openers = contacts
    .filter((c) => c.opportunityAt !== null)
    .sort((a, b) => (a.opportunityAt as number) - (b.opportunityAt as number));
  for (const opener of openers) {
    const createdAt = opener.opportunityAt as number;
    const account = accountById.get(opener.accountId) as DemoAccount;
    const driver = opener.driver as DemoChannel;
    const size = 1 + rD.weightedIndex([0.22, 0.3, 0.25, 0.14, 0.09]);
    const committee = [opener.id];
    inDeal.add(opener.id);
    const colleagues = rD.shuffle(
      // colleagues who are leads but not true leads (so the true lead → opportunity rate stays the planted one)
      (contactsByAccount.get(account.id) ?? []).filter(
        (c) => !inDeal.has(c.id) && !c.becomesTrueLead && c.createdAt <= createdAt + 20 * DAY_MS,
      ),
    );
    for (const c of colleagues) {
      if (committee.length >= size) break;
      committee.push(c.id);
      inDeal.add(c.id);
    }
    while (committee.length < size) {
      const at = createdAt + Math.floor(rD.uniform(0, 20) * DAY_MS);
      if (at > endMs) break;
      const c = newContact(
        {
          accountId: account.id,
          createdAt: at,
          driver: 'sales',
          isLead: false,
          entryPostId: null,
          dark: false,
          conversionChannel: 'sales',
          eventKind: null,
          campaign: '',
          pTrueLead: 0,
          pOpportunity: 0,
          becomesTrueLead: false,
          becomesOpportunity: false,
          trueLeadAt: null,
          mqlAt: null,
          opportunityAt: at,
          customerAt: null,
          selfReport: '',
          selfReportLabel: null,
          originalSource: ['Offline Sources', 'CRM_UI', ''],
        },
        account,
      );
      committee.push(c.id);
      inDeal.add(c.id);
    }
    const mrr = Math.max(20_000, Math.round((account.mrrFactor * rD.logNormal(P.mrrMedian, P.mrrSigma)) / 5000) * 5000);
    const deal = runStages(rD, P, endMs, {
      id: nextDealId(),
      name: `${account.name} - Nexaro 年間契約`,
      accountId: account.id,
      type: 'new',
      driver,
      primaryContactId: opener.id,
      contactIds: committee,
      createdAt,
      mrr,
      amount: mrr * 12,
      parentDealId: null,
      entryPostId: opener.entryPostId,
      pWin: winProbabilityFromStage(P, driver, 0),
    });
    deals.push(deal);
  }

  // 5. subscriptions and renewals -----------------------------------------------------------------
  const rS = root.fork('renewals');
  const subscriptions: Subscription[] = [];
  for (const deal of deals.slice()) {
    if (deal.type !== 'new' || deal.outcome !== 'won') continue;
    const theta = rS.beta(P.sbg.alpha, P.sbg.beta);
    const sub: Subscription = {
      dealId: deal.id,
      accountId: deal.accountId,
      driver: deal.driver,
      start: deal.closedAt as number,
      theta,
      renewals: 0,
      churned: false,
      mrr: deal.mrr,
    };
    subscriptions.push(sub);
    const account = accountById.get(deal.accountId) as DemoAccount;
    let mrr = deal.mrr;
    for (let year = 1; ; year++) {
      const anniversary = sub.start + Math.round(year * 365.25) * DAY_MS;
      const createdAt = anniversary - 45 * DAY_MS;
      const renews = !rS.bernoulli(theta);
      const grows = rS.bernoulli(P.expansion.probability);
      const growth = rS.uniform(P.expansion.low, P.expansion.high);
      if (createdAt > endMs) break;
      const nextMrr = renews && grows ? Math.round((mrr * (1 + growth)) / 1000) * 1000 : mrr;
      const decided = anniversary <= endMs;
      const stageEntered: (number | null)[] = DEAL_STAGES.map(() => null);
      stageEntered[DEAL_STAGES.length - 1] = createdAt;
      deals.push({
        id: nextDealId(),
        name: `${account.name} - 契約更新 ${ymd(anniversary).slice(0, 4)}`,
        accountId: deal.accountId,
        type: 'renewal',
        driver: deal.driver,
        primaryContactId: deal.primaryContactId,
        contactIds: deal.contactIds.slice(0, 2),
        createdAt,
        mrr: nextMrr,
        amount: nextMrr * 12,
        stageEntered,
        outcome: decided ? (renews ? 'won' : 'lost') : 'open',
        eventualOutcome: renews ? 'won' : 'lost',
        closedAt: decided ? anniversary : null,
        closeDateField: anniversary,
        currentStage: DEAL_STAGES.length - 1,
        pWin: 1 - P.sbg.alpha / (P.sbg.alpha + P.sbg.beta),
        parentDealId: deal.id,
        entryPostId: null,
      });
      if (!decided) break;
      if (!renews) {
        sub.churned = true;
        break;
      }
      sub.renewals++;
      mrr = nextMrr;
    }
  }
  deals.sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1));
  const contactById = new Map(contacts.map((c) => [c.id, c]));
  for (const deal of deals) {
    for (const id of deal.contactIds) {
      const c = contactById.get(id) as DemoContact;
      // a colleague may join the deal after it was opened: never before the contact existed
      const joined = Math.max(deal.createdAt, c.createdAt);
      if (c.opportunityAt === null || c.opportunityAt > joined) c.opportunityAt = joined;
      const won = deal.type === 'new' && deal.outcome === 'won' ? Math.max(deal.closedAt as number, joined) : null;
      if (won !== null && (c.customerAt === null || c.customerAt > won)) c.customerAt = won;
    }
  }

  // 6. touches -------------------------------------------------------------------------------------
  const rT = root.fork('touches');
  const touches: DemoTouch[] = [];
  const add = (c: DemoContact, ch: DemoChannel | 'sales', at: number, kind: TouchKind, o: TouchOptions = {}) => {
    if (at < windowMs || at > endMs) return;
    touches.push({ ...makeTouch(rT, ch, at, kind, o), personId: c.id, accountId: c.accountId });
  };
  const recentPost = (at: number): DemoPost | null => {
    const from = at - 30 * DAY_MS;
    const pool = linkedPosts.filter((p) => p.at >= from && p.at < at && p.kind !== 'viral');
    return pool.length ? rT.pick(pool) : null;
  };
  for (const c of contacts) {
    const s = seedOf.get(c);
    if (s) journey(c, s);
    // after the lead: nurture e-mails, a few return visits, now and then an X visit
    const horizon = c.createdAt + 120 * DAY_MS;
    const nEmail = rT.poisson(c.isLead ? 1.1 : 0.6);
    for (let i = 0; i < nEmail; i++) {
      const at = rT.uniform(c.createdAt + DAY_MS, horizon);
      add(c, 'email', at, 'email_click', { campaign: `newsletter-${ymd(at).slice(0, 7)}` });
    }
    const nDirect = rT.poisson(0.7);
    for (let i = 0; i < nDirect; i++) add(c, 'direct', rT.uniform(c.createdAt + HOUR_MS, horizon), 'visit');
    if (rT.bernoulli(0.08)) {
      const at = rT.uniform(c.createdAt + HOUR_MS, horizon);
      const post = recentPost(at);
      if (post) add(c, 'x_organic', at, 'visit', { post, noUtm: rT.bernoulli(0.15) });
    }
  }
  for (const deal of deals) {
    if (deal.type !== 'new') continue;
    const until = deal.closedAt ?? endMs;
    for (const id of deal.contactIds) {
      const c = contactById.get(id) as DemoContact;
      const n = rT.int(1, 3);
      for (let i = 0; i < n; i++) add(c, 'sales', rT.uniform(deal.createdAt, until), 'meeting');
    }
  }
  // every linked post gets at least one tracked session: a passenger visit by a non-X lead who was
  // already in the CRM (a follower), so it changes no one's original source
  const sessionsByPost = new Map<string, number>();
  const countSession = (t: DemoTouch) => {
    if (t.trueChannel === 'x_organic' || t.trueChannel === 'x_paid') {
      const id = t.content || postByTco.get(t.referrer.slice('https://t.co/'.length))?.id || '';
      sessionsByPost.set(id, (sessionsByPost.get(id) ?? 0) + 1);
    }
  };
  const postByTco = new Map(linkedPosts.map((p) => [p.tco as string, p]));
  touches.forEach(countSession);
  const nonX = contacts.filter((c) => c.isLead && c.driver !== 'x_organic' && c.driver !== 'x_paid');
  for (const post of linkedPosts) {
    if ((sessionsByPost.get(post.id) ?? 0) > 0) continue;
    const near = nonX.filter((c) => c.createdAt < post.at && c.createdAt > post.at - 120 * DAY_MS);
    const c = near.length ? rT.pick(near) : rT.pick(nonX);
    const at = Math.min(endMs, post.at + Math.floor(rT.uniform(0.05, 2) * DAY_MS));
    add(c, 'x_organic', at, 'visit', { post });
    countSession(touches[touches.length - 1] as DemoTouch);
  }
  touches.sort((a, b) => a.at - b.at || (a.personId < b.personId ? -1 : a.personId > b.personId ? 1 : 0));

  // HubSpot original source: the first tracked touch, else the way the lead came in
  const firstTouch = new Map<string, DemoTouch>();
  for (const t of touches) if (!firstTouch.has(t.personId) && t.kind !== 'email_click') firstTouch.set(t.personId, t);
  for (const c of contacts) {
    if (c.driver === 'sales') continue;
    const t = firstTouch.get(c.id);
    c.originalSource =
      t && t.at <= c.createdAt + 60_000
        ? hubspotSource(t)
        : hubspotSource({
            trueChannel: c.conversionChannel,
            source:
              c.conversionChannel === 'organic_search' || c.conversionChannel === 'paid_search'
                ? 'google'
                : c.conversionChannel === 'referral'
                  ? 'saas-hikaku.example.jp'
                  : '',
            campaign: c.campaign || (c.conversionChannel === 'email' ? 'newsletter' : ''),
            kind: c.eventKind === 'webinar' ? 'webinar' : 'event',
          });
  }

  // post metrics (url clicks include every tracked session of the post)
  const rM = root.fork('post-metrics');
  const organicSessions = new Map<string, number>();
  for (const t of touches) {
    if (t.trueChannel !== 'x_organic') continue;
    const id = t.content || postByTco.get(t.referrer.slice('https://t.co/'.length))?.id || '';
    organicSessions.set(id, (organicSessions.get(id) ?? 0) + 1);
  }
  for (const post of posts)
    post.metrics = postMetrics(rM, post, organicSessions.get(post.id) ?? 0, post.at < programMs);
  // paid clicks: the tracked paid sessions land on the ad row of their day
  const adKey = (day: string, campaign: string, postId: string) => `${day}|${campaign}|${postId}`;
  const adRowByKey = new Map(adRows.map((r) => [adKey(r.day, `xads-${r.campaignId}`, r.postId), r]));
  for (const t of touches) {
    if (t.trueChannel !== 'x_paid') continue;
    const row = adRowByKey.get(adKey(ymd(t.at), t.campaign, t.content));
    if (row) row.urlClicks++;
  }
  for (const r of adRows) {
    r.clicks = r.urlClicks + rAd.poisson(r.impressions * 0.006);
    r.engagements = r.clicks + r.likes + r.retweets + r.comments;
  }

  return { options, dates, accounts, posts, campaigns, adRows, contacts, deals, subscriptions, touches };

  // --- helpers that need the closure ----------------------------------------------------------
  function journey(c: DemoContact, s: LeadSeed): void {
    const T = c.createdAt;
    // passengers: touches of channels that did not cause the lead
    if (rT.bernoulli(0.22)) add(c, 'direct', rT.uniform(T - 20 * DAY_MS, T - HOUR_MS), 'visit');
    if (s.driver !== 'organic_search' && rT.bernoulli(0.12))
      add(c, 'organic_search', rT.uniform(T - 25 * DAY_MS, T - HOUR_MS), 'visit');
    if (s.driver !== 'x_organic' && s.driver !== 'x_paid' && T > programMs && rT.bernoulli(0.04)) {
      const at = rT.uniform(T - 20 * DAY_MS, T - HOUR_MS);
      const post = recentPost(at);
      if (post) add(c, 'x_organic', at, 'visit', { post, noUtm: rT.bernoulli(0.15) });
    }
    switch (s.driver) {
      case 'x_organic': {
        if (s.post && s.entryAt !== null) {
          const noUtm = rT.bernoulli(0.15);
          add(c, 'x_organic', s.entryAt, 'visit', { post: s.post, noUtm });
          if (rT.bernoulli(0.35)) {
            const at = rT.uniform(s.entryAt, T);
            const other = recentPost(at);
            if (other) add(c, 'x_organic', at, 'visit', { post: other, noUtm: rT.bernoulli(0.15) });
          }
          if (c.conversionChannel === 'x_organic') add(c, 'x_organic', T, 'form', { post: s.post, noUtm });
          else add(c, c.conversionChannel as DemoChannel, T, 'form');
        } else {
          if (rT.bernoulli(0.3)) add(c, 'direct', rT.uniform(T - 10 * DAY_MS, T - HOUR_MS), 'visit');
          add(c, c.conversionChannel as DemoChannel, T, 'form');
        }
        return;
      }
      case 'x_paid': {
        const campaign = s.campaign;
        add(c, 'x_paid', s.entryAt as number, 'ad_click', { post: s.post ?? undefined, campaign });
        if (c.conversionChannel === 'x_paid') add(c, 'x_paid', T, 'form', { post: s.post ?? undefined, campaign });
        else add(c, c.conversionChannel as DemoChannel, T, 'form');
        return;
      }
      case 'organic_search':
        if (rT.bernoulli(0.4)) add(c, 'organic_search', rT.uniform(T - 30 * DAY_MS, T - HOUR_MS), 'visit');
        add(c, 'organic_search', T, 'form');
        return;
      case 'paid_search':
        if (rT.bernoulli(0.3)) add(c, 'organic_search', rT.uniform(T - 30 * DAY_MS, T - HOUR_MS), 'visit');
        add(c, 'paid_search', T, 'form');
        return;
      case 'email':
        add(c, 'email', T, 'form', { campaign: `co-marketing-${ymd(T).slice(0, 7)}` });
        return;
      case 'events':
        if (s.eventKind === 'webinar') {
          add(c, 'events', T, 'webinar', { campaign: s.campaign });
          if (s.eventAt !== null && rT.bernoulli(0.55))
            add(c, 'events', s.eventAt, 'webinar', { campaign: s.campaign });
        } else if (s.eventAt !== null) {
          add(c, 'events', s.eventAt, 'event', { campaign: s.campaign });
        }
        return;
      case 'referral':
      case 'linkedin':
      case 'direct':
        add(c, s.driver, T, 'form');
        return;
    }
  }
}

function conversionChannelFor(rng: Rng, s: LeadSeed): DemoChannel {
  if (s.driver === 'x_organic') {
    if (s.dark) return rng.bernoulli(0.6) ? 'organic_search' : 'direct';
    const r = rng.next();
    return r < 0.55 ? 'x_organic' : r < 0.85 ? 'organic_search' : 'direct';
  }
  if (s.driver === 'x_paid') {
    const r = rng.next();
    return r < 0.6 ? 'x_paid' : r < 0.85 ? 'organic_search' : 'direct';
  }
  return s.driver;
}

const SELF_REPORT: Record<DemoChannel | 'other', string[]> = {
  x_organic: [
    'Xで見ました',
    'X（旧Twitter）の投稿',
    'Twitter',
    'ツイッター',
    '@nexaro_jp のポスト',
    'saw your post on X',
    'X',
    'Xのタイムラインで流れてきた',
  ],
  x_paid: ['Xの広告', 'X広告', 'Twitterの広告で見た', 'an ad on X'],
  organic_search: ['Google検索', '検索', 'ググった', 'Google', 'web search'],
  paid_search: ['Google広告', '検索広告', 'Yahoo!で検索', 'Google'],
  email: ['メルマガ', '共催セミナーのメール', 'newsletter'],
  events: ['展示会', 'ウェビナー', 'webinar', 'セミナー'],
  referral: ['知人の紹介', 'パートナー経由', '比較サイト', 'referred by a partner'],
  linkedin: ['LinkedIn', 'リンクトイン'],
  direct: ['以前から知っていた', '同僚から', 'word of mouth', '口コミ'],
  other: ['覚えていない', 'その他', '-', 'other'],
};

function selfReport(rng: Rng, s: LeadSeed): Pick<DemoContact, 'selfReport' | 'selfReportLabel'> {
  const answer = (label: DemoChannel | 'other') => ({
    selfReport: rng.pick(SELF_REPORT[label]),
    selfReportLabel: label,
  });
  if (s.eventKind === 'expo' || !rng.bernoulli(0.45)) return { selfReport: '', selfReportLabel: null };
  const mentionOwn = s.driver === 'x_organic' ? (s.dark ? 0.7 : 0.6) : s.driver === 'x_paid' ? 0.45 : 0.6;
  if (rng.bernoulli(mentionOwn)) return answer(s.driver);
  // a few people name X although something else brought them (self-reports are noisy too)
  if (rng.bernoulli(0.05)) return answer('x_organic');
  return answer('other');
}

function newPost(rng: Rng, day: string, hour: number, theme: PostTheme, kind: PostKind): DemoPost {
  const at = dayStartMs(day) + hour * HOUR_MS + rng.int(0, 59) * 60_000 + rng.int(0, 59) * 1000;
  const draft = draftPost(rng, theme, kind, Number(day.slice(5, 7)) - 1);
  return {
    id: snowflake(at, rng),
    at,
    day,
    theme,
    kind,
    lang: draft.lang,
    text: draft.text,
    tco: draft.tco,
    landingPath: draft.landingPath,
    metrics: emptyMetrics(),
  };
}

function emptyMetrics(): PostMetrics {
  return {
    impressions: 0,
    likes: 0,
    engagements: 0,
    bookmarks: 0,
    shares: 0,
    newFollows: 0,
    replies: 0,
    reposts: 0,
    profileVisits: 0,
    detailExpands: 0,
    urlClicks: 0,
    hashtagClicks: 0,
    permalinkClicks: 0,
    anonymousClicks: 0,
  };
}

function postMetrics(rng: Rng, post: DemoPost, trackedSessions: number, beforeProgram: boolean): PostMetrics {
  const viral = post.kind === 'viral';
  const impressions = Math.round(
    rng.logNormal(beforeProgram ? 450 : 1600, 0.6) * (viral ? rng.uniform(15, 30) : post.kind === 'planted' ? 1.2 : 1),
  );
  const likeRate = viral ? 0.05 : post.kind === 'planted' ? 0.007 : 0.012;
  const likes = rng.poisson(impressions * likeRate);
  const reposts = rng.poisson(likes * (viral ? 0.25 : 0.12));
  const replies = rng.poisson(likes * 0.08);
  const bookmarks = rng.poisson(likes * 0.1 + (post.kind === 'planted' ? 6 : 0));
  const shares = rng.poisson(likes * 0.02);
  const anonymousClicks = post.tco ? rng.poisson(impressions * (post.kind === 'planted' ? 0.012 : 0.004)) : 0;
  const urlClicks = trackedSessions + anonymousClicks;
  const profileVisits = rng.poisson(impressions * 0.003);
  const newFollows = rng.poisson(impressions * (viral ? 0.0012 : 0.0006));
  const detailExpands = rng.poisson(impressions * 0.01);
  const hashtagClicks = rng.poisson(impressions * 0.0005);
  const permalinkClicks = rng.poisson(impressions * 0.0008);
  const engagements =
    likes +
    reposts +
    replies +
    bookmarks +
    shares +
    urlClicks +
    profileVisits +
    newFollows +
    detailExpands +
    hashtagClicks +
    permalinkClicks;
  return {
    impressions,
    likes,
    engagements,
    bookmarks,
    shares,
    newFollows,
    replies,
    reposts,
    profileVisits,
    detailExpands,
    urlClicks,
    hashtagClicks,
    permalinkClicks,
    anonymousClicks,
  };
}

/** Walk a new-business deal through the stages with the planted advance probabilities. */
function runStages(
  rng: Rng,
  P: PlantedParameters,
  endMs: number,
  d: Omit<DemoDeal, 'stageEntered' | 'outcome' | 'eventualOutcome' | 'closedAt' | 'closeDateField' | 'currentStage'>,
): DemoDeal {
  const stageEntered: (number | null)[] = DEAL_STAGES.map(() => null);
  let t = d.createdAt;
  stageEntered[0] = t;
  let stage = 0;
  let eventual: 'won' | 'lost' = 'won';
  let decidedAt = 0;
  // draw the whole path first (the planted outcome), then cut it at the data end
  const path: number[] = [t];
  for (let k = 0; k < DEAL_STAGES.length; k++) {
    const advance = rng.bernoulli(k === 0 ? P.qualifyRate[d.driver as DemoChannel] : (P.stageAdvance[k - 1] as number));
    t += Math.floor(rng.uniform(5, 25) * DAY_MS);
    if (!advance) {
      eventual = 'lost';
      decidedAt = t;
      break;
    }
    if (k === DEAL_STAGES.length - 1) decidedAt = t;
    else path.push(t);
  }
  for (let k = 0; k < path.length; k++) {
    if ((path[k] as number) <= endMs) {
      stageEntered[k] = path[k] as number;
      stage = k;
    }
  }
  const decided = decidedAt <= endMs;
  return {
    ...d,
    stageEntered,
    outcome: decided ? eventual : 'open',
    eventualOutcome: eventual,
    closedAt: decided ? decidedAt : null,
    closeDateField: decided ? decidedAt : d.createdAt + 90 * DAY_MS,
    currentStage: stage,
  };
}

/** Simulate with defaults filled in. */
export function simulateWorld(options: Partial<SimulationOptions> & { seed: number }): World {
  const full: SimulationOptions = { ...SIMULATION_DEFAULTS, ...options };
  if (!Number.isInteger(full.months) || full.months < 12)
    throw new RangeError('months must be an integer of at least 12');
  if (!(full.scale > 0)) throw new RangeError('scale must be positive');
  return simulate(full);
}
