/**
 * Channel grouping (DESIGN §6.1): raw source fields → a channel id, through ordered rules — the
 * user's rules from config first (`channels.rules`, case-insensitive regular expressions), then the
 * built-in ones (rules.ts). A value no rule matches goes to `other` and is counted, so the report
 * can list every unmapped value and the user can add a rule for it.
 *
 * @example
 * groupChannel({ source: 'twitter', medium: 'cpc' }).channel // 'x_paid'
 * const g = channelGrouper(config); g.group({ referrer: 'https://t.co/abc' }); g.tally().mapped
 */
import type { ChannelRule, Config } from '../../config/index.js';
import type { ChannelSection } from '../result.js';
import { BUILT_IN_RULES, normalizeSource, type NormalizedSource, type RawSource } from './rules.js';

export const OTHER = 'other';

export interface ChannelMatch {
  channel: string;
  /** The rule that matched: a built-in rule name, `config:<index>`, or null when none did. */
  rule: string | null;
  /** The raw field and value the tally counts this under. */
  field: string;
  value: string;
}

type CompiledRule = {
  index: number;
  channel: string;
  field: ChannelRule['field'];
  re: RegExp;
  medium?: RegExp | undefined;
};

function compile(rules: readonly ChannelRule[]): CompiledRule[] {
  return rules.map((r, index) => ({
    index,
    channel: r.channel,
    field: r.field,
    re: new RegExp(r.pattern, 'i'),
    medium: r.medium !== undefined ? new RegExp(r.medium, 'i') : undefined,
  }));
}

function testUserRule(rule: CompiledRule, raw: RawSource, n: NormalizedSource): boolean {
  if (rule.medium && !rule.medium.test(n.medium)) return false;
  const values: string[] =
    rule.field === 'any'
      ? [
          raw.source,
          raw.medium,
          raw.campaign,
          raw.referrer,
          raw.channel,
          raw.originalSource,
          raw.originalSourceD1,
          raw.originalSourceD2,
          raw.customSource,
        ]
          .filter((v): v is string => typeof v === 'string' && v !== '')
          .map((v) => v.normalize('NFKC').trim())
      : [
          String((rule.field === 'channel' ? raw.channel : raw[rule.field]) ?? '')
            .normalize('NFKC')
            .trim(),
        ];
  return values.some((v) => v !== '' && rule.re.test(v));
}

/** The field and value a source is counted under: the most specific non-empty raw field. */
function keyOf(raw: RawSource): { field: string; value: string } {
  const clean = (v: string | null | undefined) => (v ?? '').trim();
  if (clean(raw.source))
    return { field: 'source/medium', value: `${clean(raw.source)} / ${clean(raw.medium) || '(none)'}` };
  if (clean(raw.channel)) return { field: 'channel', value: clean(raw.channel) };
  if (clean(raw.originalSource)) {
    const drill = [raw.originalSourceD1, raw.originalSourceD2].map(clean).filter(Boolean);
    return { field: 'original_source', value: [clean(raw.originalSource), ...drill].join(' / ') };
  }
  if (clean(raw.customSource)) return { field: 'custom_source', value: clean(raw.customSource) };
  if (clean(raw.referrer)) return { field: 'referrer', value: clean(raw.referrer) };
  if (clean(raw.medium)) return { field: 'medium', value: clean(raw.medium) };
  if (clean(raw.campaign)) return { field: 'campaign', value: clean(raw.campaign) };
  if (clean(raw.kind)) return { field: 'kind', value: clean(raw.kind) };
  return { field: '(none)', value: '(empty)' };
}

/**
 * Map one set of raw source fields to a channel id. `rules` are the user's rules (tested first).
 */
export function groupChannel(raw: RawSource, rules: readonly ChannelRule[] = []): ChannelMatch {
  return matcher(compile(rules))(raw);
}

function matcher(compiled: CompiledRule[]): (raw: RawSource) => ChannelMatch {
  return (raw) => {
    const n = normalizeSource(raw);
    const key = keyOf(raw);
    for (const r of compiled)
      if (testUserRule(r, raw, n)) return { channel: r.channel, rule: `config:${r.index}`, ...key };
    for (const r of BUILT_IN_RULES) if (r.test(n)) return { channel: r.channel, rule: r.name, ...key };
    return { channel: OTHER, rule: null, ...key };
  };
}

export interface ChannelGrouper {
  /** Map raw fields to a channel id and count the value (`times` occurrences, default 1). */
  group(raw: RawSource, times?: number): string;
  /** What was mapped to what, and what matched no rule, with counts (sorted by count, then value). */
  tally(): ChannelSection;
}

/** A grouper with the config's rules and a running tally of mapped and unmapped values. */
export function channelGrouper(config: Pick<Config, 'channels'>): ChannelGrouper {
  const match = matcher(compile(config.channels.rules));
  const mapped = new Map<string, { field: string; value: string; channel: string; count: number }>();
  const unmapped = new Map<string, { field: string; value: string; count: number }>();
  const cache = new Map<string, ChannelMatch>();
  return {
    group(raw, times = 1) {
      const ck = JSON.stringify([
        raw.source,
        raw.medium,
        raw.campaign,
        raw.referrer,
        raw.channel,
        raw.originalSource,
        raw.originalSourceD1,
        raw.originalSourceD2,
        raw.customSource,
        raw.kind,
      ]);
      let m = cache.get(ck);
      if (!m) {
        m = match(raw);
        if (cache.size < 100_000) cache.set(ck, m);
      }
      const k = `${m.field}\u0000${m.value}\u0000${m.channel}`;
      if (m.rule === null) {
        const u = unmapped.get(k) ?? { field: m.field, value: m.value, count: 0 };
        u.count += times;
        unmapped.set(k, u);
      } else {
        const e = mapped.get(k) ?? { field: m.field, value: m.value, channel: m.channel, count: 0 };
        e.count += times;
        mapped.set(k, e);
      }
      return m.channel;
    },
    tally() {
      const order = <T extends { count: number; field: string; value: string }>(a: T, b: T) =>
        b.count - a.count ||
        (a.field < b.field ? -1 : a.field > b.field ? 1 : a.value < b.value ? -1 : a.value > b.value ? 1 : 0);
      return { mapped: [...mapped.values()].sort(order), unmapped: [...unmapped.values()].sort(order) };
    },
  };
}
