/**
 * The config schema: the single source of truth for every assumption (DESIGN §3). Types are
 * inferred from it, `npm run schema` writes `xroi.config.schema.json` for editors, and a test keeps
 * that file in sync. Each section belongs to one stage of the pipeline; a what-if is a new config
 * over the same stored data.
 */
import { z } from 'zod';

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'write the date as YYYY-MM-DD, for example 2026-04-01')
  .refine(
    (d) => {
      const t = Date.parse(`${d}T00:00:00Z`);
      return Number.isFinite(t) && new Date(t).toISOString().slice(0, 10) === d;
    },
    {
      message: 'this is not a calendar date (check the month and the day)',
    },
  );

/** A number with an optional plausible range [low, high] used by the Monte Carlo (§6.9). */
const uncertain = (
  value: number,
  low: number,
  high: number,
  describe: string,
  bounds: { min: number; max: number; message: string } = {
    min: 0,
    max: Number.MAX_VALUE,
    message: 'must not be negative',
  },
) => {
  const n = z.number().min(bounds.min, bounds.message).max(bounds.max, bounds.message);
  return z
    .strictObject({
      value: n.describe(`${describe} (point value)`),
      low: n.optional().describe('lower end of the plausible range (Monte Carlo)'),
      high: n.optional().describe('upper end of the plausible range (Monte Carlo)'),
    })
    .refine((u) => (u.low ?? u.value) <= u.value && u.value <= (u.high ?? u.value), {
      message: 'keep low <= value <= high',
    })
    .default({ value, low, high });
};

/** Bounds for rates written as fractions. */
const FRACTION = { min: 0, max: 1, message: 'write it as a fraction between 0 and 1 (0.75 means 75 %)' };

function validTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

const channelRule = z.strictObject({
  channel: z.string().min(1).describe('channel id assigned when the rule matches, e.g. x_organic'),
  field: z
    .enum(['source', 'medium', 'campaign', 'referrer', 'channel', 'any'])
    .default('any')
    .describe('which raw field the pattern is tested against'),
  pattern: z.string().min(1).describe('case-insensitive regular expression'),
  medium: z.string().optional().describe('optional regular expression the medium must also match'),
});

/** True when `p` compiles as a (unicode, case-insensitive) regular expression. */
function isRegExp(p: string): boolean {
  try {
    new RegExp(p, 'iu');
    return true;
  } catch {
    return false;
  }
}

/** Default content themes (§6.2): Japanese and English patterns, tested in order. */
const DEFAULT_THEMES = [
  {
    id: 'webinar',
    label_ja: 'ウェビナー・イベント',
    label_en: 'Webinars and events',
    patterns: ['ウェビナー|セミナー|イベント|登壇', 'webinar|seminar|event|livestream'],
  },
  {
    id: 'case_study',
    label_ja: '導入事例',
    label_en: 'Case studies',
    patterns: ['導入事例|事例|お客様の声', 'case stud|customer stor|\\bcase\\b'],
  },
  {
    id: 'product',
    label_ja: '製品・新機能',
    label_en: 'Product and features',
    patterns: ['新機能|リリース|アップデート|機能', 'feature|release|update|launch'],
  },
  {
    id: 'guide',
    label_ja: 'ノウハウ・資料',
    label_en: 'Guides and reports',
    patterns: ['解説|ノウハウ|資料|ホワイトペーパー|ガイド|レポート', 'guide|how to|tips|whitepaper|e-?book|report'],
  },
  {
    id: 'data',
    label_ja: '調査・データ',
    label_en: 'Research and data',
    patterns: ['調査|データ|分析', 'research|survey|data|study|insight'],
  },
  {
    id: 'offer',
    label_ja: 'キャンペーン・無料',
    label_en: 'Offers',
    patterns: ['無料|キャンペーン|プレゼント|登録', 'free|giveaway|campaign|sign ?up|join'],
  },
  {
    id: 'team',
    label_ja: '採用・チーム',
    label_en: 'Team and hiring',
    patterns: ['採用|チーム|社員', 'hiring|team|culture|we are'],
  },
];

export const configSchema = z
  .strictObject({
    version: z.literal(1).default(1),
    locale: z.enum(['ja', 'en']).default('ja').describe('language of the terminal output and reports'),
    currency: z
      .string()
      .regex(/^[A-Z]{3}$/, 'write the ISO 4217 code in capitals, for example JPY or USD')
      .default('JPY')
      .describe('ISO 4217 code of the reporting currency'),
    timeZone: z
      .string()
      .refine(validTimeZone, { message: 'not a time zone name: write an IANA name such as Asia/Tokyo' })
      .default('Asia/Tokyo')
      .describe('IANA time zone used to show dates'),
    fiscalYearStartMonth: z.number().int().min(1).max(12).default(4).describe('1 = January, 4 = April'),
    period: z
      .strictObject({
        start: isoDate.optional().describe('first day of the analysis period (default: 12 months before end)'),
        end: isoDate.optional().describe('last day of the analysis period (default: the last date in the data)'),
      })
      .refine((p) => !p.start || !p.end || p.start <= p.end, { message: 'period.start must not be after period.end' })
      .default({}),
    store: z
      .strictObject({
        path: z.string().default('.xroi/xroi.duckdb').describe('the DuckDB file, relative to the config'),
      })
      .prefault({}),
    privacy: z
      .strictObject({
        salt: z.string().optional().describe('per-project salt for hashing e-mail addresses (written by xroi init)'),
        storeNames: z.boolean().default(false).describe('store person names (off: names are never stored)'),
      })
      .prefault({}),
    economics: z
      .strictObject({
        grossMargin: uncertain(0.75, 0.65, 0.85, 'gross margin as a fraction of revenue', FRACTION),
        monthlyChurn: uncertain(0.02, 0.01, 0.04, 'monthly customer churn as a fraction', FRACTION),
        annualDiscountRate: z.number().min(0).max(1).default(0.1).describe('annual discount rate for LTV'),
        ltvHorizonMonths: z.number().int().positive().default(60).describe('cap on customer lifetime in months'),
        defaultContractMonths: z
          .number()
          .int()
          .positive()
          .default(12)
          .describe('months of revenue a won deal amount covers when the CRM has no MRR'),
        loadedHourlyRate: uncertain(5000, 4000, 7000, 'loaded cost of one staff hour in the reporting currency'),
      })
      .prefault({}),
    labor: z
      .strictObject({
        people: z.number().min(0).optional().describe('assumed people working on X when there is no time log'),
        hoursPerWeek: z.number().min(0).optional().describe('assumed hours per person per week'),
      })
      .default({}),
    opportunityCost: z
      .strictObject({
        enabled: z.boolean().default(false),
        benchmarkRoi: z.number().default(0).describe('return the same money and hours would earn elsewhere, e.g. 0.5'),
      })
      .prefault({}),
    crm: z
      .strictObject({
        sourceField: z
          .string()
          .optional()
          .describe('CRM column that carries the channel signal when it is not the standard source field'),
        wonStages: z.array(z.string()).default(['closedwon', 'Closed Won', '受注']),
        lostStages: z.array(z.string()).default(['closedlost', 'Closed Lost', 'Dead Deals', '失注']),
        stageProbabilities: z
          .record(z.string(), z.number().min(0).max(1))
          .default({})
          .describe('P(won | stage) overrides; by default learned from closed deals'),
      })
      .prefault({}),
    ingest: z
      .strictObject({
        encoding: z
          .enum(['utf-8', 'utf-16le', 'utf-16be', 'cp932'])
          .optional()
          .describe('force the encoding of every imported file (default: detected per file)'),
        mappings: z
          .record(z.string(), z.record(z.string(), z.string()))
          .default({})
          .describe('per kind, canonical field → header name, e.g. {"crm-deals": {"amount": "Deal value"}}'),
      })
      .prefault({}),
    channels: z
      .strictObject({
        rules: z.array(channelRule).default([]).describe('extra rules, tested before the built-in ones'),
      })
      .prefault({}),
    attribution: z
      .strictObject({
        model: z.string().default('linear').describe('model used for the true ROI (see xroi attribution --model all)'),
        lookbackDays: z.number().int().positive().default(180),
        halfLifeDays: z.number().positive().default(7),
        markovOrder: z.number().int().min(1).max(4).default(1),
      })
      .prefault({}),
    engagement: z
      .strictObject({
        tcoWindowHours: z
          .number()
          .positive()
          .default(48)
          .describe(
            'a t.co visit without a post id in its UTM goes to the nearest post published up to this many hours before',
          ),
        slugs: z
          .record(z.string(), z.string())
          .default({})
          .describe('utm_content slugs that stand for a post: { slug: post id }'),
        topN: z.number().int().positive().default(10).describe('how many posts the top lists show'),
      })
      .prefault({}),
    trueLead: z
      .strictObject({
        combine: z
          .enum(['any', 'all'])
          .default('any')
          .describe('any: one configured rule is enough; all: every configured rule must hold'),
        stages: z
          .array(z.string())
          .default(['mql', 'marketingqualifiedlead', 'sql', 'salesqualifiedlead', 'opportunity', '商談', '商談化'])
          .describe('lifecycle stages that make a true lead (case, spaces, - and _ ignored); [] turns the rule off'),
        actions: z
          .array(z.string())
          .default(['demo', 'demo_request', 'meeting', 'webinar', 'dm', 'trial'])
          .describe('touch kinds that count as a high-intent action; [] turns the rule off'),
        icp: z
          .strictObject({
            employeesMin: z.number().int().min(0).optional().describe('smallest company size that fits'),
            employeesMax: z.number().int().min(0).optional().describe('largest company size that fits'),
            industries: z.array(z.string()).default([]).describe('industries that fit (substring, case-insensitive)'),
            countries: z.array(z.string()).default([]).describe('countries that fit (exact, case-insensitive)'),
          })
          .prefault({})
          .describe('ideal customer profile on company fields; an empty profile turns the rule off'),
      })
      .prefault({}),
    themes: z
      .array(
        z.strictObject({
          id: z.string().min(1),
          label_ja: z.string().min(1),
          label_en: z.string().min(1),
          patterns: z
            .array(
              z.string().min(1).refine(isRegExp, {
                message:
                  'not a valid regular expression; escape ( ) [ ] . * + ? with a backslash to match them literally',
              }),
            )
            .min(1)
            .describe('case-insensitive regular expressions on post text and hashtags'),
        }),
      )
      .default(DEFAULT_THEMES)
      .describe('content themes, tested in order; a post gets the first theme that matches'),
    lift: z
      .strictObject({
        brandPatterns: z
          .array(z.string().min(1))
          .default([])
          .describe(
            'case-insensitive regular expressions that mark a search query as branded; queries and patterns are NFKC-normalised (full-width → ASCII) and hiragana is matched as katakana, e.g. [xroi, エックスロイ]',
          ),
        interventions: z
          .array(
            z.strictObject({
              name: z.string().min(1).describe('label, e.g. program start or a campaign name'),
              start: isoDate.describe('first day of the intervention'),
              end: isoDate.optional().describe('last day (default: the end of the data)'),
            }),
          )
          .default([])
          .describe('program start and campaign windows; the first one is analysed'),
        interventionsFromAds: z
          .boolean()
          .default(true)
          .describe('with no interventions configured, use the first day of X Ads spend as the program start'),
        series: z
          .array(z.enum(['branded_search', 'direct', 'x_referral', 'x_followers']))
          .default(['branded_search', 'direct', 'x_referral', 'x_followers'])
          .describe('series measured for lift'),
        controls: z
          .array(z.enum(['nonbranded_search', 'search_impressions']))
          .default(['nonbranded_search'])
          .describe('control series the counterfactual regresses on (must not be moved by X)'),
        valued: z
          .array(z.enum(['branded_search', 'direct']))
          .default(['branded_search', 'direct'])
          .describe('series whose incremental visits are valued through the funnel'),
        weeklySeasonality: z.boolean().default(true).describe('fit day-of-week effects'),
        levelPrior: z
          .enum(['uniform', 'bounded', 'causalimpact'])
          .default('uniform')
          .describe(
            "prior of the level's daily drift: uniform (flat up to 1 sd of the series: honest intervals), bounded (flat up to 0.1 sd: tighter, too tight when the level wanders) or causalimpact (R's tighter default)",
          ),
        draws: z.number().int().min(100).max(20_000).default(1000).describe('sampler sweeps (10 % burn-in)'),
        alpha: z.number().gt(0).lt(0.5).default(0.05).describe('intervals are 1 − alpha'),
        minPreDays: z.number().int().min(7).default(28).describe('shortest pre-period analysed'),
        visitToLead: uncertain(
          0.01,
          0.003,
          0.03,
          'visit → lead rate when the store has no sessions or people',
          FRACTION,
        ),
        leadToWon: uncertain(0.05, 0.02, 0.1, 'lead → won rate when the store has no leads or won deals', FRACTION),
        selfReportRules: z
          .array(
            z.strictObject({
              channel: z.string().min(1).describe('channel id, e.g. x_organic, search, event, referral'),
              pattern: z.string().min(1).describe('case-insensitive regular expression on the answer'),
            }),
          )
          .default([])
          .describe('extra rules for "how did you hear about us" answers, tested before the built-in ones'),
      })
      .prefault({}),
    uncertainty: z
      .strictObject({
        draws: z.number().int().min(100).max(100_000).default(2000),
        seed: z.number().int().default(42),
      })
      .prefault({}),
  })
  .strict();

export type Config = z.infer<typeof configSchema>;
export type ConfigInput = z.input<typeof configSchema>;
export type ChannelRule = z.infer<typeof channelRule>;
export type ThemeRule = Config['themes'][number];
export type TrueLeadRules = Config['trueLead'];
export type Uncertain = { value: number; low?: number | undefined; high?: number | undefined };
