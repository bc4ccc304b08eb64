/**
 * Unit-level truth beside truth.json, in a `truth/` subfolder (so `xroi import demo-out/*.csv` never
 * picks it up): the latent driver and planted probabilities of every contact, and the driver, entry
 * post and planted outcome of every deal. Lets a model test compare its per-deal or per-person
 * credit with what really caused each one.
 */
import { ymd } from './calendar.js';
import { csvText } from './csv.js';
import type { World } from './world.js';

export interface TruthFile {
  name: string;
  rows: number;
  bytes: Buffer;
}

export function buildTruthFiles(world: World): TruthFile[] {
  const xTouched = new Set(
    world.touches.filter((t) => t.trueChannel === 'x_organic' || t.trueChannel === 'x_paid').map((t) => t.personId),
  );
  const contacts = world.contacts.map((c) => [
    c.id,
    c.accountId,
    c.isLead ? 1 : 0,
    c.driver,
    c.dark ? 1 : 0,
    c.entryPostId ?? '',
    c.pTrueLead,
    c.pOpportunity,
    c.becomesTrueLead ? 1 : 0,
    c.becomesOpportunity ? 1 : 0,
    xTouched.has(c.id) ? 1 : 0,
    c.selfReportLabel ?? '',
  ]);
  const deals = world.deals.map((d) => [
    d.id,
    d.type === 'new' ? 'New Business' : 'Existing Business',
    d.driver,
    d.entryPostId ?? '',
    d.primaryContactId,
    ymd(d.createdAt),
    d.closedAt === null ? '' : ymd(d.closedAt),
    d.outcome,
    d.eventualOutcome,
    Math.round(d.pWin * 1e6) / 1e6,
    d.contactIds.some((id) => xTouched.has(id)) ? 1 : 0,
    d.amount,
  ]);
  const file = (name: string, header: string[], rows: (string | number)[][]): TruthFile => ({
    name,
    rows: rows.length,
    bytes: Buffer.from(csvText(header, rows), 'utf8'),
  });
  return [
    file(
      'contacts.csv',
      [
        'contact_id',
        'account_id',
        'is_lead',
        'driver',
        'dark',
        'entry_post_id',
        'p_true_lead',
        'p_opportunity',
        'becomes_true_lead',
        'becomes_opportunity',
        'x_touched',
        'self_report_label',
      ],
      contacts,
    ),
    file(
      'deals.csv',
      [
        'deal_id',
        'deal_type',
        'driver',
        'entry_post_id',
        'opener_contact_id',
        'created_day',
        'closed_day',
        'outcome',
        'eventual_outcome',
        'p_win',
        'x_touched',
        'amount',
      ],
      deals,
    ),
  ];
}
