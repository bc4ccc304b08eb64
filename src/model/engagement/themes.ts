/**
 * Content themes (DESIGN §6.2): a post gets the first theme in `config.themes` whose pattern matches
 * its text (hashtags included, since they are part of the text). Patterns are case-insensitive
 * regular expressions; posts that match none get the theme `other`.
 */
import type { ThemeRule } from '../../config/schema.js';
import { XroiError } from '../../errors.js';

export const OTHER_THEME = 'other';

export interface CompiledTheme {
  id: string;
  label_ja: string;
  label_en: string;
  patterns: RegExp[];
}

export function compileThemes(rules: readonly ThemeRule[]): CompiledTheme[] {
  return rules.map((r) => ({
    id: r.id,
    label_ja: r.label_ja,
    label_en: r.label_en,
    patterns: r.patterns.map((p) => {
      try {
        return new RegExp(p, 'iu');
      } catch (e) {
        throw new XroiError(
          'config_theme_pattern',
          `themes: the pattern ${JSON.stringify(p)} of theme "${r.id}" is not a valid regular expression (${(e as Error).message})`,
          'fix the pattern in xroi.config.yaml (themes[].patterns); escape ( ) [ ] . * + ? with a backslash to match them literally',
        );
      }
    }),
  }));
}

/** The theme id of a post text. */
export function themeOf(text: string | null | undefined, themes: readonly CompiledTheme[]): string {
  if (!text) return OTHER_THEME;
  const normalized = text.normalize('NFKC');
  for (const t of themes) if (t.patterns.some((p) => p.test(normalized))) return t.id;
  return OTHER_THEME;
}
