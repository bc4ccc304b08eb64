/**
 * Every user-facing string in English (Vega-Lite's message catalog). `ja.ts` has the same keys;
 * a test checks that both catalogs have the same keys and placeholders. Placeholders are {name}.
 */
export const en = {
  'cli.description': 'The true ROI of B2B marketing on X (Twitter).',
  'cli.error': 'Error',
  'cli.hint': 'Hint',
  'cli.bug': 'This is a bug in xroi. Please report it with the command you ran: {url}',

  'init.written': 'Wrote {file}. Edit the assumptions, then run: xroi import FILE...',
  'init.exists': '{file} already exists; pass --force to overwrite it.',

  'report.title': 'xroi — ROI of the X account',
  'report.period': 'Period {start} – {end} ({currency})',
  'report.traditional': 'Traditional ROI',
  'report.true': 'True ROI',
  'report.return': 'Return',
  'report.cost': 'Cost',
  'report.returnBridge': 'Return bridge (traditional → true)',
  'report.costBridge': 'Cost bridge (cash → full cost)',
  'report.warnings': 'Data-quality notes',
  'report.jsonWritten': 'Wrote the result object to {file}',
  'report.notComputable': 'n/a',

  'bridge.traditional_return': 'Last-touch X revenue closed in the period',
  'bridge.multi_touch': '+ multi-touch credit for every deal X touched',
  'bridge.gross_margin': '× gross margin (revenue → gross profit)',
  'bridge.lifetime_value': 'lifetime value instead of first-period revenue',
  'bridge.open_pipeline': '+ expected value of open X pipeline',
  'bridge.brand_lift': '+ brand lift value',
  'bridge.true_return': 'True return',
  'bridge.cash_spend': 'Cash spend (ads, tools, content, agency)',
  'bridge.labor': '+ staff hours at the loaded rate',
  'bridge.opportunity_cost': '+ opportunity cost',
  'bridge.full_cost': 'Full cost',

  'reason.no_cost': 'no cost recorded for the period: import a costs file or set labor assumptions',
  'reason.no_deals': 'no deals in the store: import a CRM deals export',
  'reason.no_won_in_period': 'no won deal closed in the period',
  'reason.no_lift_data': 'no search or web series to measure brand lift: import search-daily or web-daily',
  'reason.no_open_pipeline': 'no open deal touched by X',
} as const;

export type MessageKey = keyof typeof en;
