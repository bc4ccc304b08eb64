import { describe, it, expect } from 'vitest';
import { selfReportClassifier } from './classify.js';

describe('selfReportClassifier', () => {
  const c = selfReportClassifier();
  const cases: [string, string | null][] = [
    ['Twitter', 'x'],
    ['X (旧Twitter)', 'x'],
    ['Xで見ました', 'x'],
    ['ツイッター', 'x'],
    ['ついったー', 'x'],
    ['エックスの広告', 'x'],
    ['ｔｗｉｔｔｅｒ', 'x'],
    ['a tweet from your CEO', 'x'],
    ['@tanaka_dev さんの投稿', 'x'],
    ['someone I follow posted about it', 'x'],
    ['社長のアカウント', 'x'],
    ['LinkedIn post', 'social_other'],
    ['Facebook', 'social_other'],
    ['Google', 'search'],
    ['検索', 'search'],
    ['ググった', 'search'],
    ['展示会', 'event'],
    ['SaaS EXPO 2025のブース', 'event'],
    ['ウェビナー', 'event'],
    ['セミナーで知った', 'event'],
    ['知人の紹介', 'referral'],
    ['X社の紹介', 'referral'],
    ['a colleague recommended you', 'referral'],
    ['word of mouth', 'referral'],
    ['Web広告', 'ads'],
    ['Google広告', 'ads'],
    ['検索広告', 'ads'],
    ['a Google ad', 'ads'],
    ['Google検索', 'search'],
    ['Yahoo!で検索', 'search'],
    ['web search', 'search'],
    ['your research paper', 'other'],
    ['比較サイト', 'media'],
    ['referred by a partner', 'partner'],
    ['パートナー経由', 'partner'],
    ['同僚から', 'referral'],
    ['X（旧Twitter）の投稿', 'x'],
    ['saw your post on X', 'x'],
    ['LinkedIn', 'social_other'],
    ['覚えていない', null],
    ['ITmediaの記事', 'media'],
    ['podcast', 'media'],
    ['代理店', 'partner'],
    ['営業からの電話', 'sales'],
    ['xroi', 'other'],
    ['something else', 'other'],
    ['', null],
    ['  ', null],
    ['-', null],
    ['なし', null],
    ['わからない。', null],
    ["Don't remember", null],
  ];
  it.each(cases)('%s → %s', (answer, channel) => {
    expect(c.classify(answer)).toBe(channel);
  });

  it('runs configured rules first', () => {
    const d = selfReportClassifier([{ channel: 'x', pattern: 'ポッドキャスト' }]);
    expect(d.classify('ポッドキャスト')).toBe('x');
    expect(c.classify('ポッドキャスト')).toBe('media');
    expect(c.classify(null)).toBeNull();
  });
});
