/**
 * Daily series and costs derived from the simulated world: GA4 sessions by source / medium, Search
 * Console clicks by query (with the planted brand lift), the X account overview by day, the cost
 * sheet and the staff time log. Tracked touches are part of these aggregates, so the series and the
 * touchpoints agree (GA4 sessions ≥ tracked sessions; a post's URL clicks ≥ its tracked sessions).
 */
import { DAY_MS, activityFactor, addMonths, dayOfWeek, dayStartMs, daysBetween, ymd } from './calendar.js';
import { BRANDED_QUERIES, NON_BRANDED_QUERIES } from './params.js';
import { Rng } from './random.js';
import type { World } from './world.js';

export interface WebDailyRow {
  day: string;
  key: string;
  sessions: number;
  users: number;
  newUsers: number;
  engaged: number;
  keyEvents: number;
}

export interface SearchRow {
  day: string;
  query: string;
  branded: boolean;
  clicks: number;
  impressions: number;
  position: number;
}

export interface XDailyRow {
  day: string;
  impressions: number;
  likes: number;
  engagements: number;
  bookmarks: number;
  shares: number;
  newFollows: number;
  unfollows: number;
  replies: number;
  reposts: number;
  profileVisits: number;
  createPost: number;
  videoViews: number;
  mediaViews: number;
}

export type CostCategory = 'tools' | 'agency' | 'content' | 'ads';

export interface CostRow {
  start: string;
  end: string;
  category: CostCategory;
  channel: string;
  amount: number;
  description: string;
}

export interface TimeRow {
  weekStart: string;
  role: 'marketer' | 'designer' | 'sales' | 'manager';
  hours: number;
  description: string;
}

export interface Series {
  web: WebDailyRow[];
  search: SearchRow[];
  xDaily: XDailyRow[];
  costs: CostRow[];
  timeLog: TimeRow[];
  /** realized planted lift per day (post-period only) */
  lift: {
    day: string;
    brandedClicks: number;
    directSessions: number;
    expectedBranded: number;
    expectedDirect: number;
  }[];
}

const SPREAD = [0.55, 0.2, 0.1, 0.06, 0.04, 0.03, 0.02];

/** Split an integer total over SPREAD.length days, exactly (largest remainder). */
function spread(total: number): number[] {
  const raw = SPREAD.map((s) => s * total);
  const out = raw.map(Math.floor);
  let rest = total - out.reduce((a, b) => a + b, 0);
  const order = raw.map((r, i) => [r - Math.floor(r), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (const [, i] of order) {
    if (rest <= 0) break;
    out[i] = (out[i] as number) + 1;
    rest--;
  }
  return out;
}

export function deriveSeries(world: World, seed: number): Series {
  const root = new Rng(seed ^ 0x5eed5);
  const { dates, params } = { dates: world.dates, params: world.options.params };
  const days = daysBetween(dates.windowStart, dates.end);
  const programMs = dayStartMs(dates.programStart);
  const ramp = (day: string) => {
    const t = (dayStartMs(day) - programMs) / DAY_MS;
    return t < 0 ? 0 : Math.min(1, (t + 1) / params.brandLift.rampDays);
  };

  // market index shared by branded and non-branded search (a control series for the lift model)
  const rMk = root.fork('market');
  const market = new Map<string, number>();
  let ar = 0;
  days.forEach((day, i) => {
    ar = 0.9 * ar + rMk.normal(0, 0.05);
    const weekly = 0.5 + 0.5 * activityFactor(day);
    market.set(day, Math.exp(ar) * (1 + (0.15 * i) / 365) * weekly);
  });

  // Search Console -------------------------------------------------------------------------------
  const rS = root.fork('search');
  const search: SearchRow[] = [];
  const lift: Series['lift'] = [];
  const liftDirect = new Map<string, number>();
  const clicksByDay = new Map<string, number>();
  const brandedWeights = BRANDED_QUERIES.map(([, w]) => w);
  for (const day of days) {
    const m = market.get(day) as number;
    const r = ramp(day);
    const baseline = rS.poisson(params.brandedClicksBase * m);
    const expectedBranded = params.brandLift.brandedClicksPerDay * r;
    const liftClicks = rS.poisson(expectedBranded);
    const expectedDirect = params.brandLift.directSessionsPerDay * r;
    const directLift = rS.poisson(expectedDirect);
    liftDirect.set(day, directLift);
    if (r > 0)
      lift.push({ day, brandedClicks: liftClicks, directSessions: directLift, expectedBranded, expectedDirect });
    const perQuery = BRANDED_QUERIES.map(() => 0);
    for (let i = 0; i < baseline + liftClicks; i++) {
      const q = rS.weightedIndex(brandedWeights);
      perQuery[q] = (perQuery[q] as number) + 1;
    }
    let total = 0;
    BRANDED_QUERIES.forEach(([query], q) => {
      const clicks = perQuery[q] as number;
      const impressions = clicks + rS.poisson(clicks * 0.9 + 0.6);
      if (impressions > 0) {
        search.push({ day, query, branded: true, clicks, impressions, position: 1 + Math.abs(rS.normal(0, 0.25)) });
      }
      total += clicks;
    });
    for (const [query, share, pos] of NON_BRANDED_QUERIES) {
      const position = Math.max(1, pos + rS.normal(0, 1.2));
      const ctr = Math.min(0.35, 0.3 / position);
      const impressions = rS.poisson((params.nonBrandedClicksBase * m * share) / (0.3 / pos));
      const clicks = Math.min(impressions, rS.poisson(impressions * ctr));
      if (impressions > 0) search.push({ day, query, branded: false, clicks, impressions, position });
      total += clicks;
    }
    clicksByDay.set(day, total);
  }

  // GA4 sessions by source / medium ---------------------------------------------------------------
  const rW = root.fork('web');
  const cells = new Map<string, { sessions: number; keyEvents: number }>();
  const cell = (day: string, key: string) => {
    const k = `${day}|${key}`;
    let c = cells.get(k);
    if (!c) cells.set(k, (c = { sessions: 0, keyEvents: 0 }));
    return c;
  };
  for (const t of world.touches) {
    if (!t.ga4Key) continue;
    const c = cell(ymd(t.at), t.ga4Key);
    c.sessions++;
    if (t.kind === 'form') c.keyEvents++;
  }
  // anonymous X clicks of posts and promoted posts
  const windowEnd = dates.end;
  for (const p of world.posts) {
    spread(p.metrics.anonymousClicks).forEach((k, d) => {
      const day = ymd(p.at + d * DAY_MS);
      if (day > windowEnd) return;
      for (let i = 0; i < k; i++) {
        const r = rW.next();
        cell(day, r < 0.5 ? 'x / social' : r < 0.8 ? 'twitter / social' : 't.co / referral').sessions++;
      }
    });
  }
  for (const row of world.adRows) {
    for (let i = 0; i < row.anonymousClicks; i++)
      cell(row.day, rW.next() < 0.7 ? 'x / paid_social' : 'twitter / paid_social').sessions++;
  }
  const anonymous: [string, number][] = [
    ['yahoo / organic', 9],
    ['bing / organic', 1.5],
    ['(direct) / (none)', 35],
    ['google / cpc', 28],
    ['yahoo / cpc', 7],
    ['hs_email / email', 8],
    ['linkedin / social', 2],
    ['partner-kaikei.example.jp / referral', 1.2],
    ['saas-hikaku.example.jp / referral', 2],
    ['dx-media.example.com / referral', 0.8],
  ];
  for (const day of days) {
    const f = activityFactor(day);
    const google = cell(day, 'google / organic');
    google.sessions = Math.max(google.sessions, Math.round(0.86 * (clicksByDay.get(day) as number)));
    for (const [key, rate] of anonymous) {
      const c = cell(day, key);
      c.sessions += rW.poisson(rate * (key.includes('organic') ? (market.get(day) as number) : f));
      if (key === '(direct) / (none)') c.sessions += liftDirect.get(day) ?? 0;
    }
  }
  const web: WebDailyRow[] = [];
  for (const [k, c] of [...cells.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    if (c.sessions <= 0) continue;
    const [day, key] = k.split('|') as [string, string];
    if (day < dates.windowStart || day > dates.end) continue;
    const users = Math.max(1, Math.round(c.sessions * rW.uniform(0.78, 0.92)));
    web.push({
      day,
      key,
      sessions: c.sessions,
      users,
      newUsers: Math.round(users * rW.uniform(0.45, 0.65)),
      engaged: Math.round(c.sessions * rW.uniform(0.45, 0.65)),
      keyEvents: c.keyEvents + rW.poisson(c.sessions * 0.003),
    });
  }

  // X account overview by day ---------------------------------------------------------------------
  const rX = root.fork('x-daily');
  const xd = new Map<string, XDailyRow>();
  for (const day of days) {
    const inProgram = day >= dates.programStart;
    xd.set(day, {
      day,
      impressions: rX.poisson(inProgram ? 120 : 40),
      likes: 0,
      engagements: 0,
      bookmarks: 0,
      shares: 0,
      newFollows: rX.poisson(inProgram ? 2.5 : 0.8),
      unfollows: rX.poisson(inProgram ? 0.9 : 0.4),
      replies: 0,
      reposts: 0,
      profileVisits: rX.poisson(inProgram ? 6 : 2),
      createPost: 0,
      videoViews: 0,
      mediaViews: 0,
    });
  }
  const keys = [
    'impressions',
    'likes',
    'engagements',
    'bookmarks',
    'shares',
    'newFollows',
    'replies',
    'reposts',
    'profileVisits',
  ] as const;
  for (const p of world.posts) {
    const first = xd.get(p.day);
    if (first) first.createPost++;
    for (const key of keys) {
      spread(p.metrics[key]).forEach((k, d) => {
        const row = xd.get(ymd(p.at + d * DAY_MS));
        if (row) row[key] += k;
      });
    }
  }
  for (const row of xd.values()) row.mediaViews = rX.poisson(row.impressions * 0.01);
  const xDaily = [...xd.values()];

  // costs -----------------------------------------------------------------------------------------
  const rC = root.fork('costs');
  const costs: CostRow[] = [];
  for (let month = dates.windowStart; month <= dates.end; month = addMonths(month, 1)) {
    const monthEnd = ymd(dayStartMs(addMonths(month, 1)) - DAY_MS / 2);
    const program = month >= dates.programStart;
    const push = (category: CostCategory, channel: string, amount: number, description: string) =>
      costs.push({ start: month, end: monthEnd, category, channel, amount, description });
    if (program) {
      push('tools', 'x', 30_000, 'X予約投稿ツール 月額');
      push('tools', 'x', 50_000, 'ソーシャル分析ツール 月額');
      push('agency', 'x', 350_000, 'X運用代理店 月額フィー');
      push('content', 'x', Math.round(rC.uniform(20, 35)) * 10_000, 'X投稿用クリエイティブ制作');
    } else {
      push('content', 'x', Math.round(rC.uniform(3, 6)) * 10_000, 'X投稿用画像制作');
    }
    push('tools', 'email', 150_000, 'MAツール 月額');
    push('ads', 'paid_search', Math.round(rC.uniform(70, 90)) * 10_000, 'リスティング広告');
    push('ads', 'linkedin', Math.round(rC.uniform(25, 35)) * 10_000, 'LinkedIn広告');
    push('content', 'events', 50_000, 'ウェビナー運営');
    if (month.slice(5, 7) === '05' || month.slice(5, 7) === '11') push('content', 'events', 1_200_000, '展示会出展');
  }

  // staff time log (hours per week and role) -----------------------------------------------------
  const rT = root.fork('time');
  const timeLog: TimeRow[] = [];
  let monday = dates.windowStart;
  while (dayOfWeek(monday) !== 1) monday = ymd(dayStartMs(monday) + DAY_MS * 1.5);
  for (; monday <= dates.end; monday = ymd(dayStartMs(monday) + DAY_MS * 7.5)) {
    const program = monday >= dates.programStart;
    const f = Math.min(1, 0.2 + activityFactor(monday));
    const half = (x: number) => Math.max(0, Math.round(x * 2) / 2);
    const rows: [TimeRow['role'], number, string][] = program
      ? [
          ['marketer', rT.normal(18, 3), '投稿作成・返信・分析'],
          ['designer', rT.normal(6, 1.5), '画像・動画制作'],
          ['sales', rT.normal(3, 1), 'DM対応'],
          ['manager', rT.normal(2, 0.5), '定例・レビュー'],
        ]
      : [['marketer', rT.normal(3, 1), '投稿作成']];
    for (const [role, hours, description] of rows) {
      const h = half(hours * f);
      if (h > 0) timeLog.push({ weekStart: monday, role, hours: h, description });
    }
  }

  return { web, search, xDaily, costs, timeLog, lift };
}
