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

uncertainty:
  draws: 2000
  seed: 42
`;
}
