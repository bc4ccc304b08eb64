/**
 * Milestones of a B2B journey in Marketo Measure's sense (REFERENCE §4.2): FT first touch, LC lead
 * creation, OC opportunity creation, CW closed won. The touch that holds a milestone is the last
 * touch before the stage transition; journey builders mark it on `Touch.milestone`.
 */
export type Milestone = 'FT' | 'LC' | 'OC' | 'CW';
export const MILESTONES: readonly Milestone[] = ['FT', 'LC', 'OC', 'CW'];
export const MILESTONE_BITS: Record<Milestone, number> = { FT: 1, LC: 2, OC: 4, CW: 8 };

/** The milestone a conversion event itself marks on the last touch before it. */
export const EVENT_MILESTONE: Record<string, Milestone> = { lead: 'LC', opportunity: 'OC', won: 'CW' };

/**
 * Index (within the row, 0-based) of the touch holding each milestone, or -1. FT is always the
 * first touch; LC/OC/CW come from the marks, and the row's own conversion event marks its last
 * touch when no touch carries that mark. A milestone marked on several touches keeps the last one.
 */
export function milestonePositions(
  marks: Uint8Array | undefined,
  start: number,
  end: number,
  event: string | undefined,
): Record<Milestone, number> {
  const pos: Record<Milestone, number> = { FT: end > start ? 0 : -1, LC: -1, OC: -1, CW: -1 };
  if (marks) {
    for (let k = start; k < end; k++) {
      const b = marks[k]!;
      if (b & 2) pos.LC = k - start;
      if (b & 4) pos.OC = k - start;
      if (b & 8) pos.CW = k - start;
    }
  }
  const m = event ? EVENT_MILESTONE[event] : undefined;
  if (m && pos[m] < 0 && end > start) pos[m] = end - start - 1;
  return pos;
}
