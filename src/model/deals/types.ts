/**
 * The evidence managers ask for (issue 8): the largest deals X touched, each with its journey from
 * the first post or DM to the signed contract, and its lifetime value. A section of the result
 * object; the pipeline fills it from the deals, their attribution shares and the touches.
 * Plain JSON; text fields come from input files and are escaped by every renderer.
 */

/** One touch of a deal's journey, in time order. */
export interface DealJourneyTouch {
  /** UTC instant (ISO 8601) */
  at: string;
  /** channel id (x_organic, x_paid, email, …) */
  channel: string;
  /** touch kind (visit, form, dm, webinar, meeting, …) or a deal stage change; null when unknown */
  kind: string | null;
  /** the X post behind the touch, when linked */
  postId: string | null;
  /** the post text or another short description from the input (escape before rendering) */
  text: string | null;
  /** milestone the touch holds: first touch, lead creation, opportunity creation, closed won */
  milestone: 'FT' | 'LC' | 'OC' | 'CW' | null;
}

export interface DealEvidence {
  dealId: string;
  /** deal name from the CRM (escape before rendering) */
  name: string | null;
  /** account / company name when stored (escape before rendering) */
  account: string | null;
  /** booked amount */
  amount: number | null;
  /** lifetime value of the customer (gross profit, discounted) */
  ltv: number | null;
  /** X's share of the deal under the primary attribution model, in [0, 1] */
  xCredit: number;
  won: boolean;
  stage: string | null;
  /** UTC instants (ISO 8601) */
  createdAt: string | null;
  closedAt: string | null;
  journey: DealJourneyTouch[];
}

export interface DealsSection {
  /** largest deals (by lifetime value, then amount) with at least one X touch, largest first */
  top: DealEvidence[];
}
