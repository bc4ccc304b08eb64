/**
 * The xroi.config.yaml that `xroi demo` writes beside the demo data: the demo company's economics,
 * its brand spellings and the X program start, so that the report runs on the right assumptions.
 */
import type { DemoTruth } from './truth.js';

/** YAML text of the demo project's config (validated by the config schema when loaded). */
export function demoConfigYaml(truth: DemoTruth): string {
  const monthly = truth.retention.impliedMonthlyChurn;
  const r = (x: number) => Math.round(x * 10_000) / 10_000;
  return `# xroi configuration of the demo company (${truth.brand.name}), written by \`xroi demo\`.
# The planted truth behind the data is in TRUTH.md and truth.json beside this file.
version: 1
locale: ja
currency: JPY
timeZone: Asia/Tokyo
fiscalYearStartMonth: 4

period:
  start: ${truth.dates.analysisPeriod.start}
  end: ${truth.dates.analysisPeriod.end}

store:
  path: .xroi/xroi.duckdb

privacy:
  salt: demo-${truth.seed}-not-secret
  storeNames: false

economics:
  grossMargin: { value: ${truth.economics.grossMargin}, low: ${r(truth.economics.grossMargin - 0.08)}, high: ${r(truth.economics.grossMargin + 0.07)} }
  monthlyChurn: { value: ${r(monthly)}, low: ${r(monthly / 2)}, high: ${r(monthly * 2)} }
  annualDiscountRate: ${truth.economics.annualDiscountRate}
  ltvHorizonMonths: 60
  defaultContractMonths: 12
  loadedHourlyRate: { value: ${truth.economics.loadedHourlyRate}, low: 4000, high: 7000 }

crm:
  wonStages: [Closed Won]
  lostStages: [Closed Lost]

channels:
  rules:
    # HubSpot files webinar sign-ups and expo badge lists under Offline Sources: count them as events
    - { channel: events, field: any, pattern: '^(Zoom Webinar|expo-\\d{4}-\\d{2})$' }

# The demo's true lead is a sales-qualified lead (HubSpot "Became a Sales Qualified Lead Date");
# MQLs include false positives and webinar sign-ups are not qualified by themselves.
trueLead:
  stages: [sql, salesqualifiedlead]
  actions: []

lift:
  brandPatterns: [${truth.brand.brandedPatterns.join(', ')}]
  interventions:
    - name: X program start
      start: ${truth.dates.programStart}
`;
}
