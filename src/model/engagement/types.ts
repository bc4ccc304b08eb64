/** The engagement section of the result object (DESIGN §6.2): plain JSON, no NaN. */
import type { Correlation } from '../stats/index.js';

/** Raw action counts of one post (or a sum over posts). */
export interface ActionCounts {
  impressions: number;
  likes: number;
  reposts: number;
  bookmarks: number;
  replies: number;
  urlClicks: number;
  profileClicks: number;
  follows: number;
  /** DMs logged in the CRM (touches of kind dm linked to the post) */
  dms: number;
  /** registrations logged in the CRM (touches of kind form / webinar / demo request / trial linked to the post) */
  registrations: number;
}

export type ActionType = keyof ActionCounts;

/** Downstream of a post (or a group of posts): what the linked people did afterwards. */
export interface Downstream {
  /** linked touches of kind visit (or no kind): sessions on the site */
  sessions: number;
  /** every touch linked to the post */
  linkedTouches: number;
  /** linked people who became leads after the post */
  leads: number;
  /** distinct deals of linked people created after the post */
  opportunities: number;
  /**
   * open pipeline: the amount of those deals still open (0 once they have all closed). Not the
   * headline figure: show pipelineCreated as "pipeline".
   */
  pipeline: number;
  /**
   * pipeline created: the amount of every one of those deals, open, won and lost (the pipeline the
   * post brought in). The per-post figure to show managers; the top list ranks by it.
   */
  pipelineCreated: number;
  /** amount of those deals won */
  wonValue: number;
  wonDeals: number;
  /** pipeline + won split equally over the posts each deal is linked to (sums to the total without double counting) */
  creditedValue: number;
}

export interface Rates {
  /** likes + reposts + bookmarks */
  vanityActions: number;
  /** URL clicks + profile clicks + follows + replies + DMs + registrations */
  intentActions: number;
  /** vanityActions ÷ impressions; null without impressions */
  vanityRate: number | null;
  /** intentActions ÷ impressions; null without impressions */
  intentRate: number | null;
}

export interface PostEngagement extends ActionCounts, Rates, Downstream {
  postId: string;
  /** UTC instant (ISO) */
  postedAt: string;
  /** day in the configured time zone */
  day: string;
  month: string;
  dateOnly: boolean;
  /** first 80 characters of the text (escape before rendering as HTML) */
  text: string;
  url: string | null;
  theme: string;
}

export interface GroupEngagement extends ActionCounts, Rates, Downstream {
  posts: number;
}

export interface MonthEngagement extends GroupEngagement {
  month: string;
}

export interface ThemeEngagement extends GroupEngagement {
  theme: string;
  label_ja: string;
  label_en: string;
}

/** Association between a post's action count and the leads linked to it, over posts. */
export interface ActionCorrelation {
  action: ActionType;
  kind: 'vanity' | 'intent';
  pearson: Correlation;
  spearman: Correlation;
}

export interface LinkingSummary {
  /** touches linked by a post id or slug in the UTM content / post id field */
  utmTouches: number;
  /** touches linked by the code of a t.co referrer (https://t.co/CODE) found in a post's text */
  tcoCodeTouches: number;
  /** touches linked by a t.co referrer within the window after a post */
  tcoTouches: number;
  /** t.co touches with no post in the window before them */
  tcoUnlinked: number;
  windowHours: number;
}

export interface EngagementSection {
  posts: PostEngagement[];
  months: MonthEngagement[];
  themes: ThemeEngagement[];
  totals: GroupEngagement;
  topByPipeline: PostEngagement[];
  topByLikes: PostEngagement[];
  /** correlations over posts; an association, not the effect of the action */
  correlations: ActionCorrelation[];
  correlationBasis: 'correlation';
  linking: LinkingSummary;
  chart: {
    /** pipeline: pipeline created (open + won + lost) of the month's posts */
    monthly: { month: string; vanityRate: number | null; intentRate: number | null; leads: number; pipeline: number }[];
  };
  /** message key when the section could not be computed */
  reason?: string | undefined;
}
