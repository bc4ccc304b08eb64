/**
 * Branded-query classification. A query is branded when one of the configured patterns matches it
 * after both are folded the same way: Unicode NFKC (full-width ＡＢＣ１２３ → ABC123, half-width
 * ｶﾅ → カナ), lower case, and hiragana → katakana (so エックスロイ also matches えっくすろい).
 * Patterns are case-insensitive regular expressions; an invalid pattern is matched literally.
 */

/** Fold text for matching: NFKC, lower case, hiragana → katakana, spaces collapsed. */
export function foldForMatch(text: string): string {
  const nfkc = text.normalize('NFKC').toLowerCase();
  let out = '';
  for (const ch of nfkc) {
    const c = ch.codePointAt(0)!;
    out += c >= 0x3041 && c <= 0x3096 ? String.fromCodePoint(c + 0x60) : ch;
  }
  return out.replace(/\s+/g, ' ').trim();
}

/** Build a matcher from patterns; returns null when there are no patterns. */
export function brandMatcher(patterns: readonly string[]): ((query: string) => boolean) | null {
  if (patterns.length === 0) return null;
  const res = patterns.map((p) => {
    const folded = foldForMatch(p);
    try {
      return new RegExp(folded, 'iu');
    } catch {
      return new RegExp(folded.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'iu');
    }
  });
  return (query: string) => {
    const q = foldForMatch(query);
    return res.some((re) => re.test(q));
  };
}
