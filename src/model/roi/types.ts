import type { Figure } from '../types.js';

/** One numbered step of a bridge: how much this step adds (delta) and where the total stands after it. */
export interface BridgeStep {
  /** stable key, also the message key of the step's label (messages: bridge.<key>) */
  key: string;
  delta: number;
  total: number;
}

export interface RoiFigure {
  /** (return − cost) ÷ cost; null when cost is 0 or unknown (reason says why) */
  roi: number | null;
  return: number;
  cost: number;
  reason?: string | undefined;
}

export interface RoiSection {
  traditional: RoiFigure;
  true: RoiFigure;
  /** Starts at the traditional return and ends at the true return; deltas add up exactly. */
  returnBridge: BridgeStep[];
  /** Starts at cash spend and ends at full cost. */
  costBridge: BridgeStep[];
  metrics: Record<string, Figure>;
  /** the churn, hourly rate and win rate at which the true ROI is zero */
  breakEven?: { monthlyChurn: Figure; hourlyRate: Figure; winRate: Figure };
}
