/**
 * "How did you hear about us?" answers → channels, by ordered Japanese and English rules (first
 * match wins; rules from config `lift.selfReportRules` run first). Answers are folded before
 * matching (NFKC, lower case, hiragana → katakana), so full-width and hiragana spellings match.
 *
 * Order matters: X with an ad word is still X (the answer names X); other social networks come
 * before the generic "post / account" rule, so "a LinkedIn post" is not X; events, referrals and
 * search come before ads and media.
 */
import { foldForMatch } from '../lift/brand.js';

export const SELF_REPORT_CHANNELS = [
  'x',
  'search',
  'event',
  'referral',
  'ads',
  'media',
  'social_other',
  'sales',
  'partner',
  'other',
] as const;
export type SelfReportChannel = (typeof SELF_REPORT_CHANNELS)[number];

export interface SelfReportRule {
  channel: string;
  pattern: string;
}

/** Built-in rules, tested in order. Patterns are folded like the answers (katakana, lower case). */
export const BUILT_IN_SELF_REPORT_RULES: readonly SelfReportRule[] = [
  // X by name: Twitter, X, tweets, X's own domains
  {
    channel: 'x',
    pattern: 'twitter|ツイッター|ツイート|tweet|エックス|旧twitter|x\\.com|t\\.co|(^|[^a-z0-9])x(?![a-z0-9]|社)',
  },
  // other social networks (before the generic "post / account" rule)
  {
    channel: 'social_other',
    pattern:
      'linkedin|リンクトイン|facebook|フェイスブック|instagram|インスタ|youtube|ユーチューブ|tiktok|threads|bluesky|note\\.com|qiita|zenn',
  },
  // a post or a person's account, without naming the network: on X in practice (DESIGN §6.6)
  {
    channel: 'x',
    pattern:
      '(^|[^a-z0-9._%+-])@[a-z0-9_]{2,}(?![a-z0-9_.]*\\.[a-z]{2,})|アカウント|account|ポスト|投稿|\\bposts?\\b|インフルエンサー|influencer|フォロー|follow',
  },
  {
    channel: 'event',
    pattern:
      'イベント|event|展示会|expo|セミナー|seminar|ウェビナー|webinar|カンファレンス|conference|summit|サミット|meetup|勉強会|登壇|ブース|booth|フォーラム|forum',
  },
  // partners before referrals: "referred by a partner" names the partner
  { channel: 'partner', pattern: 'パートナー|partner|代理店|reseller|販売店' },
  {
    channel: 'referral',
    pattern:
      '紹介|referr|recommend|friend|知人|友人|友達|同僚|colleague|上司|取引先|口コミ|クチコミ|word of mouth|ススメ|勧め|薦め',
  },
  // search ads are ads, not search
  {
    channel: 'ads',
    pattern:
      '(google|グーグル|検索|search|yahoo|ヤフー|bing|リスティング).*(広告|\\bads?\\b)|(広告|\\bads?\\b).*(google|グーグル|検索|search|yahoo|ヤフー|bing)',
  },
  { channel: 'search', pattern: 'google|グーグル|検索|\\bsearch|yahoo|ヤフー|bing|ググ' },
  {
    channel: 'ads',
    pattern: '広告|\\bads?\\b|advert|バナー|banner|リスティング|ディスプレイ|display|sponsored|プロモーション',
  },
  {
    channel: 'media',
    pattern:
      '記事|article|ニュース|news|メディア|media|プレス|press|雑誌|magazine|ブログ|blog|メルマガ|newsletter|ポッドキャスト|podcast|テレビ|\\btv\\b|新聞|本|book|比較サイト|レビューサイト|review site|comparison|itreview|capterra|\\bg2\\b',
  },
  { channel: 'sales', pattern: '営業|sales|電話|テレアポ|cold call|メール営業|問い合わせ' },
];

/** Answers that say nothing: counted as unanswered (folded like the answers). */
const NO_ANSWER = new RegExp(
  foldForMatch(
    `^(|-+|—|n/?a|none|null|なし|無し|特になし|不明|わからない|分からない|覚えていない|忘れた|don'?t (know|remember)|unknown|\\?+)$`,
  ),
  'iu',
);

export interface SelfReportClassifier {
  /** The channel of an answer, 'other' when no rule matched, or null for an empty / non-answer. */
  classify(answer: string | null | undefined): string | null;
}

/** A classifier with the user's rules first, then the built-in ones. */
export function selfReportClassifier(extra: readonly SelfReportRule[] = []): SelfReportClassifier {
  const compiled = [...extra, ...BUILT_IN_SELF_REPORT_RULES].map((r) => ({
    channel: r.channel,
    re: compile(r.pattern),
  }));
  return {
    classify(answer) {
      if (answer === null || answer === undefined) return null;
      const a = foldForMatch(answer);
      if (NO_ANSWER.test(a.replace(/[。.!！]+$/u, ''))) return null;
      for (const r of compiled) if (r.re.test(a)) return r.channel;
      return 'other';
    },
  };
}

function compile(pattern: string): RegExp {
  const folded = foldForMatch(pattern);
  try {
    return new RegExp(folded, 'iu');
  } catch {
    return new RegExp(folded.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'iu');
  }
}
