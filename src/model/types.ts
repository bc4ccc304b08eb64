/**
 * Domain types shared by the models: the contract between the store queries (model/*-inputs)
 * and the pure model functions. Times are epoch milliseconds (UTC); money is in the reporting
 * currency; channels are channel ids from the channel grouping (model/channels).
 */

/** Channel ids that are always present. Other ids come from the grouping rules. */
export const X_ORGANIC = 'x_organic';
export const X_PAID = 'x_paid';
export const X_CHANNELS: readonly string[] = [X_ORGANIC, X_PAID];
export const DIRECT = 'direct';

export function isXChannel(channel: string): boolean {
  return channel === X_ORGANIC || channel === X_PAID;
}

/** One marketing or sales touch in a journey. */
export interface Touch {
  /** epoch ms, UTC */
  t: number;
  channel: string;
  kind?: string | undefined;
  postId?: string | undefined;
  personId?: string | undefined;
  /** Marketo-style milestone the touch holds (first touch, lead creation, opportunity creation, closed won). */
  milestone?: 'FT' | 'LC' | 'OC' | 'CW' | undefined;
  /** Further milestones the same touch holds (one touch can be both lead and opportunity creation). */
  moreMilestones?: ('LC' | 'OC' | 'CW')[] | undefined;
}

export type ConversionEvent = 'lead' | 'opportunity' | 'won';

/**
 * The touches that led to one conversion (or to none, for a non-converting path), in time order,
 * restricted to the lookback window and to touches before the conversion.
 */
export interface Journey {
  id: string;
  event: ConversionEvent;
  converted: boolean;
  /** epoch ms of the conversion (or of the end of observation) */
  at: number;
  /** conversion value used by value attribution (reporting currency); 0 when unknown */
  value: number;
  touches: Touch[];
  /** Account (buying committee) the journey belongs to, when known. */
  accountId?: string | undefined;
}

/** A deal as the models see it. */
export interface DealFacts {
  dealId: string;
  accountId: string | null;
  createdAt: number | null;
  closedAt: number | null;
  stage: string | null;
  isClosed: boolean;
  isWon: boolean;
  /** The booked amount (first-period revenue in the traditional view). */
  amount: number | null;
  /** Monthly recurring revenue when known (else derived from amount / contract months). */
  mrr: number | null;
  contractMonths: number | null;
  dealType: string | null;
  /** Channel from the CRM's own source fields (the last-touch / "sourced" view). */
  sourceChannel: string | null;
}

/** Analysis period as inclusive calendar days (YYYY-MM-DD) and their UTC instants. */
export interface Period {
  start: string;
  end: string;
  /** epoch ms of the start of `start` in the configured time zone */
  startMs: number;
  /** epoch ms of the end of `end` (exclusive) in the configured time zone */
  endMs: number;
}

/** A value that could not be computed carries `null` and a reason; JSON never holds NaN/Infinity. */
export interface Figure {
  value: number | null;
  /** Why the value is null (or a caveat), as a message code from messages/*.ts. */
  reason?: string | undefined;
}
