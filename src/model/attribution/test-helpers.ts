/** Small builders for attribution tests (not part of the public API). */
import type { Journey, Touch } from '../types.js';
import type { PathTable } from './path-table.js';
import { readPaths } from './paths-reader.js';

/** A table from `[path, conversions, nulls, value?]` rows written as in ChannelAttribution. */
export function pathsTable(rows: readonly (readonly [string, number, number, number?])[]): PathTable {
  const text = ['path;total_conversions;total_conversion_value;total_null']
    .concat(rows.map(([p, c, n, v]) => `${p};${c};${v ?? c};${n}`))
    .join('\n');
  return readPaths(Buffer.from(text)).table;
}

const DAY = 86_400_000;

/** A converted journey whose touches are on the given days (conversion on `atDay`). */
export function journey(
  id: string,
  touches: readonly (string | [string, number, Touch['milestone']?])[],
  options: { atDay?: number; value?: number; converted?: boolean; event?: Journey['event'] } = {},
): Journey {
  return {
    id,
    event: options.event ?? 'won',
    converted: options.converted ?? true,
    at: (options.atDay ?? touches.length) * DAY,
    value: options.value ?? 1,
    touches: touches.map((t, i) =>
      typeof t === 'string' ? { t: i * DAY, channel: t } : { t: t[1] * DAY, channel: t[0], milestone: t[2] },
    ),
  };
}

/** byChannel as a record. */
export function credits(result: { byChannel: { channel: string; conversions: number }[] }): Record<string, number> {
  return Object.fromEntries(result.byChannel.map((c) => [c.channel, c.conversions]));
}
