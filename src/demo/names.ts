/**
 * Invented names for the demo company's customers and contacts. Company names are made of random
 * katakana syllables (so they are not real firms); person names are common Japanese family and
 * given names combined at random (no real person). Every e-mail address is at a subdomain of
 * example.jp or example.com, which are reserved for documentation.
 */
import type { Rng } from './random.js';

const SYLLABLES: readonly [string, string][] = [
  ['カ', 'ka'],
  ['キ', 'ki'],
  ['ク', 'ku'],
  ['コ', 'ko'],
  ['サ', 'sa'],
  ['シ', 'shi'],
  ['ス', 'su'],
  ['ソ', 'so'],
  ['タ', 'ta'],
  ['ト', 'to'],
  ['ナ', 'na'],
  ['ニ', 'ni'],
  ['ノ', 'no'],
  ['ハ', 'ha'],
  ['ヒ', 'hi'],
  ['フ', 'fu'],
  ['ホ', 'ho'],
  ['マ', 'ma'],
  ['ミ', 'mi'],
  ['ム', 'mu'],
  ['モ', 'mo'],
  ['ヤ', 'ya'],
  ['ユ', 'yu'],
  ['ラ', 'ra'],
  ['リ', 'ri'],
  ['ル', 'ru'],
  ['レ', 're'],
  ['ロ', 'ro'],
  ['ワ', 'wa'],
  ['ネ', 'ne'],
  ['テ', 'te'],
  ['セ', 'se'],
];

const COMPANY_SUFFIXES: readonly [string, string, string][] = [
  // [Japanese suffix, romaji slug, industry]
  ['工業', 'kogyo', 'manufacturing'],
  ['精機', 'seiki', 'manufacturing'],
  ['物流', 'butsuryu', 'logistics'],
  ['商事', 'shoji', 'trading'],
  ['システムズ', 'systems', 'it'],
  ['テック', 'tech', 'it'],
  ['ソリューションズ', 'solutions', 'it'],
  ['製薬', 'seiyaku', 'pharma'],
  ['建設', 'kensetsu', 'construction'],
  ['不動産', 'fudosan', 'real_estate'],
  ['フーズ', 'foods', 'food'],
  ['人材', 'jinzai', 'hr'],
  ['コンサルティング', 'consulting', 'services'],
  ['メディカル', 'medical', 'healthcare'],
];

const FAMILY: readonly [string, string][] = [
  ['佐藤', 'sato'],
  ['鈴木', 'suzuki'],
  ['高橋', 'takahashi'],
  ['田中', 'tanaka'],
  ['伊藤', 'ito'],
  ['渡辺', 'watanabe'],
  ['山本', 'yamamoto'],
  ['中村', 'nakamura'],
  ['小林', 'kobayashi'],
  ['加藤', 'kato'],
  ['吉田', 'yoshida'],
  ['山田', 'yamada'],
  ['佐々木', 'sasaki'],
  ['山口', 'yamaguchi'],
  ['松本', 'matsumoto'],
  ['井上', 'inoue'],
  ['木村', 'kimura'],
  ['林', 'hayashi'],
  ['斎藤', 'saito'],
  ['清水', 'shimizu'],
  ['山崎', 'yamazaki'],
  ['森', 'mori'],
  ['池田', 'ikeda'],
  ['橋本', 'hashimoto'],
  ['阿部', 'abe'],
  ['石川', 'ishikawa'],
  ['前田', 'maeda'],
  ['藤田', 'fujita'],
  ['小川', 'ogawa'],
  ['岡田', 'okada'],
  ['後藤', 'goto'],
  ['長谷川', 'hasegawa'],
  ['村上', 'murakami'],
  ['近藤', 'kondo'],
  ['石井', 'ishii'],
  ['坂本', 'sakamoto'],
  ['遠藤', 'endo'],
  ['青木', 'aoki'],
  ['藤井', 'fujii'],
  ['西村', 'nishimura'],
];

const GIVEN: readonly [string, string][] = [
  ['翔太', 'shota'],
  ['大輔', 'daisuke'],
  ['健太', 'kenta'],
  ['拓也', 'takuya'],
  ['直樹', 'naoki'],
  ['亮', 'ryo'],
  ['誠', 'makoto'],
  ['剛', 'tsuyoshi'],
  ['浩二', 'koji'],
  ['隆', 'takashi'],
  ['陽菜', 'hina'],
  ['美咲', 'misaki'],
  ['彩', 'aya'],
  ['愛', 'ai'],
  ['真由美', 'mayumi'],
  ['恵', 'megumi'],
  ['由美', 'yumi'],
  ['麻衣', 'mai'],
  ['智子', 'tomoko'],
  ['裕子', 'yuko'],
  ['悠斗', 'yuto'],
  ['蓮', 'ren'],
  ['葵', 'aoi'],
  ['結衣', 'yui'],
  ['千尋', 'chihiro'],
  ['和也', 'kazuya'],
  ['修', 'osamu'],
  ['聡', 'satoshi'],
  ['香織', 'kaori'],
  ['奈々', 'nana'],
];

export interface CompanyName {
  name: string;
  slug: string;
  industry: string;
  domain: string;
}

/** Distinct invented company names (katakana syllables + a business suffix). */
export function companyNames(rng: Rng, count: number): CompanyName[] {
  const seen = new Set<string>();
  const out: CompanyName[] = [];
  while (out.length < count) {
    const len = rng.int(2, 4);
    let kana = '';
    let romaji = '';
    for (let i = 0; i < len; i++) {
      const [k, r] = rng.pick(SYLLABLES);
      kana += k;
      romaji += r;
    }
    const [suffix, suffixSlug, industry] = rng.pick(COMPANY_SUFFIXES);
    const slug = `${romaji}-${suffixSlug}`;
    if (seen.has(slug)) continue;
    seen.add(slug);
    const style = rng.next();
    const name =
      style < 0.6 ? `株式会社${kana}${suffix}` : style < 0.9 ? `${kana}${suffix}株式会社` : `${kana}${suffix}`;
    const tld = rng.next() < 0.85 ? 'example.jp' : 'example.com';
    out.push({ name, slug, industry, domain: `${slug}.${tld}` });
  }
  return out;
}

export interface PersonName {
  first: string;
  last: string;
  firstRomaji: string;
  lastRomaji: string;
}

export function personName(rng: Rng): PersonName {
  const [last, lastRomaji] = rng.pick(FAMILY);
  const [first, firstRomaji] = rng.pick(GIVEN);
  return { first, last, firstRomaji, lastRomaji };
}

/** A unique address at the company's example domain (`taken` collects the addresses used). */
export function emailFor(rng: Rng, name: PersonName, domain: string, taken: Set<string>): string {
  const style = rng.int(0, 2);
  const local =
    style === 0
      ? `${name.firstRomaji}.${name.lastRomaji}`
      : style === 1
        ? `${name.firstRomaji[0]}.${name.lastRomaji}`
        : `${name.lastRomaji}-${name.firstRomaji[0]}`;
  let email = `${local}@${domain}`;
  for (let n = 2; taken.has(email); n++) email = `${local}${n}@${domain}`;
  taken.add(email);
  return email;
}
