import type { Values } from './types.js';

/** Copy the named fields (same name in the table) from parsed values. */
export function pick<K extends string>(
  values: Values,
  names: readonly K[],
): Record<K, string | number | boolean | null> {
  const out = {} as Record<K, string | number | boolean | null>;
  for (const n of names) out[n] = (values[n] ?? null) as string | number | boolean | null;
  return out;
}
