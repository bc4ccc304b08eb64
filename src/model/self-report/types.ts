/**
 * The self-reported attribution section (DESIGN §6.6): "how did you hear about us" answers of the
 * people created in the analysis period, classified to channels, next to the channel the software
 * tracked for the same people (the CRM's original source / UTM fields through the channel
 * grouping). The gap between the two — people who say X while the software says otherwise — is the
 * part of X's effect that clicks do not record.
 */
import type { SelfReportChannel } from './classify.js';

export interface SelfReportRow {
  /** a built-in channel, or a channel id from lift.selfReportRules */
  channel: SelfReportChannel | string;
  /** people whose answer names this channel */
  selfReported: number;
  /** selfReported ÷ answered */
  share: number;
  /** the same people counted by their tracked (software) channel */
  tracked: number;
}

export interface SelfReportSection {
  /** people created in the period (or without a create date) */
  people: number;
  /** of those, with a non-empty answer */
  answered: number;
  rows: SelfReportRow[];
  /** answers no rule matched: how many, and the most frequent (e-mails masked, at most 60 characters) */
  unclassified: { count: number; top: { text: string; count: number }[] };
  /** people who answer X while their tracked channel is not X */
  xNotTracked: number;
  /** people who answer X and whose tracked channel is X too */
  xTracked: number;
  /** set when there are no answers: what to import */
  missing: { code: string } | null;
}
