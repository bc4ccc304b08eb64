/**
 * Post texts for the demo X account: themes in Japanese and English with hashtags, some with
 * quotes, commas and line breaks (as real exports have). A post's theme decides its landing page.
 */
import type { Rng } from './random.js';

export type PostTheme =
  'case_study' | 'whitepaper' | 'webinar' | 'product' | 'tips' | 'culture' | 'hiring' | 'calculator';
export type PostKind = 'normal' | 'planted' | 'viral';

export const THEME_HASHTAGS: Record<PostTheme, string[]> = {
  case_study: ['#導入事例', '#営業DX', '#Nexaro'],
  whitepaper: ['#ホワイトペーパー', '#B2Bマーケ', '#営業DX'],
  webinar: ['#ウェビナー', '#B2Bマーケ', '#Nexaro'],
  product: ['#新機能', '#Nexaro', '#SaaS'],
  tips: ['#営業ノウハウ', '#B2Bマーケ', '#SaaS'],
  culture: ['#社内の様子', '#スタートアップ'],
  hiring: ['#採用', '#エンジニア採用', '#スタートアップ'],
  calculator: ['#ROI', '#B2Bマーケ', '#Nexaro'],
};

const LANDING: Record<PostTheme, string> = {
  case_study: '/case-studies/',
  whitepaper: '/whitepaper/',
  webinar: '/webinar/',
  product: '/features/',
  tips: '/blog/',
  culture: '/blog/',
  hiring: '/careers/',
  calculator: '/tools/',
};

const JA: Record<PostTheme, string[]> = {
  case_study: [
    '{company}様が商談化率を{pct}%改善した方法を公開しました。営業とマーケの「共通の数字」をどう作ったのか、担当者のお話です。',
    '導入事例：{industry}の{company}様。リード管理をエクセルから移行し、受注までの日数が{days}日短縮。',
    '「パイプラインが見えるようになった」{company}様の事例を公開。\n詳しくはこちら',
  ],
  whitepaper: [
    '【無料資料】B2B SaaSのための「本当のROI」計算ガイド。LTV・CAC・工数まで含めた計算表つきです。',
    'ホワイトペーパー公開：リードの「質」を測る7つの指標。MQLの数だけ追っていませんか？',
    '調査レポート：国内B2B企業{n}社に聞いた、マーケティング投資の効果測定の実態。',
  ],
  webinar: [
    '【ウェビナー】{month}月開催「X運用で商談をつくる」。参加無料、アーカイブ配信あり。',
    '来週のウェビナーは残り{n}席です。テーマは「営業とマーケの指標をそろえる」。',
    'ウェビナー「パイプライン分析入門」、お申し込み受付中です！',
  ],
  product: [
    '新機能リリース：商談ステージの滞留日数を自動で可視化できるようになりました。',
    'アップデートのお知らせ。レポートのCSV出力がShift_JISにも対応しました。',
    'Nexaroに「予測受注額」ダッシュボードが追加されました。{n}件のフィードバックに感謝します。',
  ],
  tips: [
    '商談化率が低いときに最初に見るべき3つの数字。\n1. リードの流入元\n2. 初回接触までの時間\n3. 決裁者の関与',
    '「いいね」が多い投稿と、商談につながる投稿は違います。違いを見るには、クリック後の行動を追うこと。',
    'MQLとSQLの違い、チームで定義そろっていますか？定義がずれると、ROIの議論も噛み合いません。',
  ],
  culture: [
    '今日のランチは全員でカレー。{n}人でいただきました。',
    'オフィスの観葉植物が{n}鉢になりました。名前を募集中です。',
    '金曜日なので、チームの「今週いちばん嬉しかったこと」を聞いてみました。',
  ],
  hiring: [
    'エンジニア募集中！データ基盤を一緒につくりませんか。カジュアル面談歓迎です。',
    'カスタマーサクセスのメンバーを募集しています。',
  ],
  calculator: [
    '【無料ツール】X運用の「本当のROI」シミュレーター。工数と広告費を入れるだけで、LTVベースの回収月数がわかります。',
    'マーケ施策の回収期間、計算できますか？無料のROI計算シートを公開しました。',
  ],
};

const EN: Record<PostTheme, string[]> = {
  case_study: [
    'How {company} lifted its opportunity rate by {pct}% — a case study on aligning sales and marketing numbers.',
    'Customer story: {company} moved pipeline tracking out of spreadsheets and closed deals {days} days faster.',
  ],
  whitepaper: [
    'New guide: "The true ROI of B2B marketing", with LTV, CAC and staff hours in one sheet.',
    'Free report: 7 metrics for lead quality, beyond the MQL count.',
  ],
  webinar: [
    'Webinar in {month}: turning X activity into pipeline. Free, recording included.',
    "Only {n} seats left for next week's webinar on pipeline analytics.",
  ],
  product: [
    'Release: stage duration is now tracked automatically for every deal.',
    'Update: the forecast dashboard is live. Thanks for {n} pieces of feedback!',
  ],
  tips: [
    'Likes are not leads. Follow what people do after the click.',
    'Three numbers to check when your opportunity rate drops: source, time to first contact, and "is the decision maker involved?"',
  ],
  culture: ['Friday team lunch, {n} of us today.', 'Our office plants now number {n}. Name suggestions welcome.'],
  hiring: ['We are hiring data engineers in Tokyo. Casual chats welcome.'],
  calculator: ['Free tool: a "true ROI" calculator for your X program — hours, ad spend and LTV in one place.'],
};

const FILL_COMPANIES = ['A社', 'B社', '某製造業', '某IT企業', 'K社', 'M社'];
const FILL_INDUSTRIES = ['製造業', 'IT企業', '物流会社', '人材会社'];

function fill(rng: Rng, template: string, monthOfPost: number): string {
  return template
    .replaceAll('{company}', rng.pick(FILL_COMPANIES))
    .replaceAll('{industry}', rng.pick(FILL_INDUSTRIES))
    .replaceAll('{pct}', String(rng.int(12, 48)))
    .replaceAll('{days}', String(rng.int(9, 40)))
    .replaceAll('{n}', String(rng.int(3, 60)))
    .replaceAll('{month}', String((monthOfPost % 12) + 1));
}

export interface PostDraft {
  text: string;
  lang: 'ja' | 'en';
  /** t.co code of the link in the post, or null when the post has no link */
  tco: string | null;
  landingPath: string;
}

/** Text, link and landing page of one post. */
export function draftPost(rng: Rng, theme: PostTheme, kind: PostKind, month: number): PostDraft {
  const lang: 'ja' | 'en' = rng.next() < 0.72 ? 'ja' : 'en';
  const templates = lang === 'ja' ? JA[theme] : EN[theme];
  let text = fill(rng, rng.pick(templates), month);
  const tags = rng.shuffle(THEME_HASHTAGS[theme]).slice(0, rng.int(1, 3));
  const hasLink = kind !== 'viral' && (theme !== 'culture' || rng.next() < 0.3);
  const tco = hasLink ? rng.token(10) : null;
  if (rng.next() < 0.12) text = `"${text}"`;
  text = `${text} ${tags.join(' ')}`;
  if (tco) text += ` https://t.co/${tco}`;
  const slug = `${theme.replace('_', '-')}-${rng.int(1, 40)}`;
  return { text, lang, tco, landingPath: `${LANDING[theme]}${slug}` };
}

export const THEMES_NORMAL: readonly PostTheme[] = [
  'case_study',
  'whitepaper',
  'webinar',
  'product',
  'tips',
  'culture',
  'hiring',
];
export const THEME_WEIGHTS_NORMAL: readonly number[] = [0.12, 0.08, 0.14, 0.16, 0.3, 0.14, 0.06];

/** Twitter/X post ids are snowflakes: milliseconds since 2010-11-04 shifted left by 22 bits. */
export function snowflake(ms: number, rng: Rng): string {
  const epoch = 1288834974657n;
  return ((BigInt(Math.floor(ms)) - epoch) * 4194304n + BigInt(rng.int(0, 4194303))).toString();
}
