/**
 * The commented `xroi.config.yaml` that `xroi init` writes. Every key is shown with its default so
 * that users can see what they can change; a test checks that it parses to the schema defaults.
 */
export function configTemplate(salt: string): string {
  return `# xroi configuration — every assumption behind the ROI figures.
# Values shown are the defaults. Ranges (low/high) feed the uncertainty simulation.
# JSON Schema for editor completion: node_modules/xroi/xroi.config.schema.json
version: 1
locale: ja              # ja | en — language of the terminal output and reports
currency: JPY           # reporting currency (ISO 4217)
timeZone: Asia/Tokyo    # dates are shown in this zone; stored as UTC
fiscalYearStartMonth: 4 # 4 = April

period:                 # analysis period (inclusive). Default: the 12 months up to the last date in the data
  # start: 2025-04-01
  # end: 2026-03-31

store:
  path: .xroi/xroi.duckdb

privacy:
  salt: ${salt}   # hashes e-mail addresses at import; keep it secret, keep it stable
  storeNames: false     # true stores person names (off: names are dropped at import)

economics:
  grossMargin: { value: 0.75, low: 0.65, high: 0.85 }      # fraction of revenue
  monthlyChurn: { value: 0.02, low: 0.01, high: 0.04 }     # used when no renewal history can be fitted
  annualDiscountRate: 0.1
  ltvHorizonMonths: 60
  defaultContractMonths: 12   # months a won amount covers when the CRM has no MRR
  loadedHourlyRate: { value: 5000, low: 4000, high: 7000 } # salary + overhead per staff hour

labor:                  # used only when no time log was imported
  # people: 2
  # hoursPerWeek: 10

opportunityCost:
  enabled: false
  benchmarkRoi: 0       # e.g. 0.5 = the same money and hours would return 50 % elsewhere

crm:
  # sourceField: Lead Type   # a custom deal/contact property that carries the channel
  wonStages: [closedwon, Closed Won, 受注]
  lostStages: [closedlost, Closed Lost, Dead Deals, 失注]
  stageProbabilities: {}     # e.g. { Proposal Sent: 0.4 }; default: learned from closed deals

channels:
  rules: []             # extra rules first, e.g. [{ channel: x_organic, field: source, pattern: '^xcorp$' }]

attribution:
  model: linear         # first, last, last-non-direct, linear, time-decay, position-based, w-shaped, full-path, markov, shapley
  lookbackDays: 180
  halfLifeDays: 7
  markovOrder: 1

engagement:             # linking posts to visits, leads and deals (DESIGN 6.2)
  tcoWindowHours: 48    # a t.co visit with no post id in utm_content goes to the nearest post up to 48 h before it
  slugs: {}             # utm_content values that stand for a post, e.g. { spring-webinar: "1891564128784855141" }
  topN: 10              # length of the top-posts lists

trueLead:               # a true lead is defined by rules, not by any form fill (DESIGN 6.3)
  combine: any          # any: one configured rule is enough; all: every configured rule must hold
  stages: [mql, marketingqualifiedlead, sql, salesqualifiedlead, opportunity, 商談, 商談化]  # [] turns the rule off
  actions: [demo, demo_request, meeting, webinar, dm, trial]  # touch kinds that show intent; [] turns the rule off
  icp:                  # ideal customer profile on company fields; leave empty to turn the rule off
    # employeesMin: 50
    # employeesMax: 5000
    industries: []      # e.g. [SaaS, 製造, Manufacturing] (substring match)
    countries: []       # e.g. [JP, Japan, 日本]

themes:                 # content themes, tested in order; a post gets the first that matches its text or hashtags
  - { id: webinar, label_ja: ウェビナー・イベント, label_en: Webinars and events, patterns: ['ウェビナー|セミナー|イベント|登壇', 'webinar|seminar|event|livestream'] }
  - { id: case_study, label_ja: 導入事例, label_en: Case studies, patterns: ['導入事例|事例|お客様の声', 'case stud|customer stor|\\bcase\\b'] }
  - { id: product, label_ja: 製品・新機能, label_en: Product and features, patterns: ['新機能|リリース|アップデート|機能', 'feature|release|update|launch'] }
  - { id: guide, label_ja: ノウハウ・資料, label_en: Guides and reports, patterns: ['解説|ノウハウ|資料|ホワイトペーパー|ガイド|レポート', 'guide|how to|tips|whitepaper|e-?book|report'] }
  - { id: data, label_ja: 調査・データ, label_en: Research and data, patterns: ['調査|データ|分析', 'research|survey|data|study|insight'] }
  - { id: offer, label_ja: キャンペーン・無料, label_en: Offers, patterns: ['無料|キャンペーン|プレゼント|登録', 'free|giveaway|campaign|sign ?up|join'] }
  - { id: team, label_ja: 採用・チーム, label_en: Team and hiring, patterns: ['採用|チーム|社員', 'hiring|team|culture|we are'] }

lift:                   # brand lift and indirect effects (DESIGN 6.6)
  brandPatterns: []     # branded search queries, e.g. [xroi, 'x-?roi', エックスロイ]; full-width matches ASCII, hiragana matches katakana
  interventions: []     # e.g. [{ name: program start, start: 2025-04-01 }, { name: spring campaign, start: 2025-05-10, end: 2025-05-31 }]
  interventionsFromAds: true   # with no interventions: the first day of X Ads spend is the program start
  series: [branded_search, direct, x_referral, x_followers]
  controls: [nonbranded_search]  # series X does not move (nonbranded_search, search_impressions)
  valued: [branded_search, direct]  # incremental visits valued through visit → lead → won × LTV
  weeklySeasonality: true
  levelPrior: uniform   # uniform (honest intervals) | bounded (drift ≤ 0.1 sd a day) | causalimpact (R's)
  draws: 1000           # sampler sweeps, 10 % burn-in
  alpha: 0.05           # 95 % intervals
  minPreDays: 28
  visitToLead: { value: 0.01, low: 0.003, high: 0.03 }  # used when the store has no sessions or people
  leadToWon: { value: 0.05, low: 0.02, high: 0.1 }      # used when the store has no leads or won deals
  selfReportRules: []   # "how did you hear about us" rules tested first, e.g. [{ channel: x_organic, pattern: 'ポッドキャスト' }]

uncertainty:
  draws: 2000
  seed: 42
`;
}
