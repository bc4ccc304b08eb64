/**
 * The planted parameters of the demo company: every probability, rate and effect the simulation
 * draws from. The truth file (truth.ts) reports these beside what the draw actually produced, so a
 * model test can check recovery against either.
 */

/** The channels that really drive leads in the simulation (the latent "driver" of each lead). */
export const DEMO_CHANNELS = [
  'x_organic',
  'x_paid',
  'organic_search',
  'paid_search',
  'email',
  'events',
  'referral',
  'linkedin',
  'direct',
] as const;
export type DemoChannel = (typeof DEMO_CHANNELS)[number];

export const BRAND = {
  name: 'Nexaro',
  company: '株式会社ネクサロ',
  kana: 'ネクサロ',
  fullWidth: 'ｎｅｘａｒｏ',
  handle: 'nexaro_jp',
  site: 'https://nexaro.example.jp',
} as const;

/** Search Console queries that name the brand (ASCII, full-width and kana spellings). */
export const BRANDED_QUERIES: readonly [string, number][] = [
  ['nexaro', 0.42],
  ['nexaro 料金', 0.08],
  ['nexaro ログイン', 0.06],
  ['Nexaro CRM', 0.04],
  ['ネクサロ', 0.22],
  ['ネクサロ 評判', 0.05],
  ['ねくさろ', 0.03],
  ['ｎｅｘａｒｏ', 0.04],
  ['ＮＥＸＡＲＯ', 0.02],
  ['nexsaro', 0.04],
];

/** Patterns that classify a query as branded (case-insensitive, after NFKC folding for full-width). */
export const BRANDED_PATTERNS = ['nexaro', 'nexsaro', 'ネクサロ', 'ねくさろ'] as const;

export const NON_BRANDED_QUERIES: readonly [string, number, number][] = [
  // [query, share of non-branded clicks, typical position]
  ['営業 分析 ツール', 0.12, 6.5],
  ['sfa 比較', 0.1, 9.2],
  ['crm 中小企業', 0.09, 11.4],
  ['b2b マーケティング roi', 0.08, 4.1],
  ['商談管理 エクセル', 0.08, 7.8],
  ['パイプライン管理', 0.07, 5.3],
  ['営業dx 事例', 0.07, 8.6],
  ['pipeline analytics', 0.05, 14.2],
  ['リード 獲得 方法', 0.06, 12.9],
  ['mql sql 違い', 0.06, 3.4],
  ['受注率 計算', 0.05, 4.8],
  ['b2b saas churn', 0.04, 16.1],
  ['マーケティング 効果測定', 0.05, 10.2],
  ['ウェビナー 集客', 0.04, 13.5],
  ['cac 計算方法', 0.04, 6.1],
];

/** Industry labels as HubSpot writes them, by the company-name suffix's industry code (names.ts). */
export const INDUSTRY_LABELS: Record<string, string> = {
  manufacturing: 'Manufacturing',
  logistics: 'Logistics and Supply Chain',
  trading: 'Wholesale',
  it: 'Information Technology and Services',
  pharma: 'Pharmaceuticals',
  construction: 'Construction',
  real_estate: 'Real Estate',
  food: 'Food & Beverages',
  hr: 'Staffing and Recruiting',
  services: 'Management Consulting',
  healthcare: 'Hospital & Health Care',
};

export const JOB_TITLES: readonly string[] = [
  '営業部長',
  '営業企画',
  'マーケティング部 マネージャー',
  'マーケティング担当',
  '経営企画室',
  '情報システム部',
  '代表取締役',
  'インサイドセールス',
  'Head of Sales',
  'Marketing Manager',
];

/** HubSpot default sales pipeline stages, in order. Stage 0 is entered when the deal is created. */
export const DEAL_STAGES = [
  'Appointment Scheduled',
  'Qualified To Buy',
  'Presentation Scheduled',
  'Decision Maker Bought-In',
  'Contract Sent',
] as const;
export const WON_STAGE = 'Closed Won';
export const LOST_STAGE = 'Closed Lost';
export const PIPELINE = 'Sales Pipeline';

export interface PlantedParameters {
  /** Expected new leads per normal weekday, by driver (not X, not events: those have their own processes). */
  leadsPerWeekday: Record<'organic_search' | 'paid_search' | 'email' | 'referral' | 'linkedin' | 'direct', number>;
  /** Expected webinar registrations (new leads) per monthly webinar; expo leads per expo day. */
  webinarLeads: number;
  expoLeadsPerDay: number;
  /** X organic leads per post, by post kind (tracked: the person clicked the post). */
  xLeadsPerPost: { normal: number; planted: number; viral: number };
  /** X organic leads per weekday that never click a post (they search the brand or type the URL). */
  xDarkLeadsPerWeekday: { beforeProgram: number; program: number };
  /** X paid leads per ¥10,000 of promoted spend. */
  xPaidLeadsPer10kYen: number;
  /** P(true lead | lead), by driver. */
  trueLeadRate: Record<DemoChannel, number>;
  /** P(opportunity | true lead), by driver. */
  opportunityRate: Record<DemoChannel, number>;
  /**
   * Ideal customer profile: leads from accounts that fit (employee range and industry) become true
   * leads more often; the multiplier applies to P(true lead | lead).
   */
  icp: {
    employeesMin: number;
    employeesMax: number;
    industries: string[];
    fitMultiplier: number;
    otherMultiplier: number;
  };
  /** Multipliers on both rates above for leads who entered through a planted or a viral post. */
  postQuality: { planted: number; viral: number };
  /** P(advance past the first deal stage), by driver; the later stages share `stageAdvance`. */
  qualifyRate: Record<DemoChannel, number>;
  /** P(advance) from stages 1..4 to the next stage, the last one being Closed Won. */
  stageAdvance: [number, number, number, number];
  /** Per-subscription annual churn probability θ ~ Beta(alpha, beta) (shifted-beta-geometric). */
  sbg: { alpha: number; beta: number };
  /** At a renewal, with this probability the MRR grows by a uniform factor in [low, high]. */
  expansion: { probability: number; low: number; high: number };
  /** Brand lift after the program start: mean extra per day at full effect, reached linearly over rampDays. */
  brandLift: { brandedClicksPerDay: number; directSessionsPerDay: number; rampDays: number };
  /** Branded clicks per day before the program (times the market index). */
  brandedClicksBase: number;
  nonBrandedClicksBase: number;
  grossMargin: number;
  annualDiscountRate: number;
  loadedHourlyRate: number;
  /** Median MRR of a new subscription (JPY) and its log-scale spread. */
  mrrMedian: number;
  mrrSigma: number;
}

export const PLANTED: PlantedParameters = {
  leadsPerWeekday: {
    organic_search: 0.85,
    paid_search: 0.6,
    email: 0.15,
    referral: 0.25,
    linkedin: 0.2,
    direct: 0.25,
  },
  webinarLeads: 11,
  expoLeadsPerDay: 18,
  xLeadsPerPost: { normal: 0.15, planted: 14, viral: 1 },
  xDarkLeadsPerWeekday: { beforeProgram: 0.03, program: 0.45 },
  xPaidLeadsPer10kYen: 0.18,
  trueLeadRate: {
    x_organic: 0.26,
    x_paid: 0.24,
    organic_search: 0.38,
    paid_search: 0.3,
    email: 0.32,
    events: 0.3,
    referral: 0.6,
    linkedin: 0.3,
    direct: 0.45,
  },
  opportunityRate: {
    x_organic: 0.3,
    x_paid: 0.3,
    organic_search: 0.4,
    paid_search: 0.35,
    email: 0.3,
    events: 0.33,
    referral: 0.55,
    linkedin: 0.33,
    direct: 0.45,
  },
  icp: {
    employeesMin: 50,
    employeesMax: 1000,
    industries: ['Information Technology and Services', 'Manufacturing', 'Logistics and Supply Chain'],
    fitMultiplier: 1.3,
    otherMultiplier: 0.75,
  },
  postQuality: { planted: 2, viral: 0.35 },
  qualifyRate: {
    x_organic: 0.72,
    x_paid: 0.6,
    organic_search: 0.7,
    paid_search: 0.62,
    email: 0.6,
    events: 0.6,
    referral: 0.85,
    linkedin: 0.65,
    direct: 0.75,
  },
  stageAdvance: [0.78, 0.72, 0.8, 0.85],
  sbg: { alpha: 0.8, beta: 3 },
  expansion: { probability: 0.3, low: 0.1, high: 0.3 },
  brandLift: { brandedClicksPerDay: 10, directSessionsPerDay: 6, rampDays: 30 },
  brandedClicksBase: 22,
  nonBrandedClicksBase: 55,
  grossMargin: 0.75,
  annualDiscountRate: 0.1,
  loadedHourlyRate: 5000,
  mrrMedian: 90_000,
  mrrSigma: 0.45,
};

/** P(won | the deal has entered stage k), for k = 0..4, given the driver (only stage 0 depends on it). */
export function winProbabilityFromStage(p: PlantedParameters, driver: DemoChannel, stage: number): number {
  let prob = 1;
  for (let k = stage; k < DEAL_STAGES.length; k++) {
    prob *= k === 0 ? p.qualifyRate[driver] : (p.stageAdvance[k - 1] as number);
  }
  return prob;
}
