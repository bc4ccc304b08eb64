/**
 * Config loading: read → parse YAML → validate with the zod schema (defaults filled) → cross-field
 * rules. Errors name the file, the path inside it and what to write instead.
 */
import { readFileSync, existsSync } from 'node:fs';
import { dirname, resolve, isAbsolute } from 'node:path';
import { parseDocument } from 'yaml';
import { z } from 'zod';
import { ConfigError } from '../errors.js';
import type { Issue } from '../issues.js';
import { configSchema, type Config, type ConfigInput } from './schema.js';

export const CONFIG_FILE = 'xroi.config.yaml';

export interface LoadedConfig {
  config: Config;
  /** The config file that was read, or null when defaults were used. */
  file: string | null;
  /** Directory that relative paths in the config are resolved against. */
  baseDir: string;
  warnings: Issue[];
}

/** Validate a config object (library use and what-ifs). Throws ConfigError listing every problem. */
export function parseConfig(input: unknown, file = '(config)'): Config {
  const cleaned = dropNulls(input ?? {});
  const parsed = configSchema.safeParse(cleaned);
  if (!parsed.success) {
    const issues = zodIssues(parsed.error, file, cleaned);
    throw new ConfigError(`${file}: ${issues.length} problem(s) in the config`, issues, issues[0]?.hint);
  }
  return parsed.data;
}

/** YAML writes an empty section (`labor:` with only comments) as null: treat it as absent. */
function dropNulls(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(dropNulls);
  if (v && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) if (x !== null) out[k] = dropNulls(x);
    return out;
  }
  return v;
}

/** Merge a partial config over a full one (what-ifs). Objects merge, arrays and scalars replace. */
export function withOverrides(config: Config, overrides: ConfigInput | Record<string, unknown>): Config {
  return parseConfig(deepMerge(config as unknown as Record<string, unknown>, overrides as Record<string, unknown>));
}

function deepMerge(a: Record<string, unknown>, b: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...a };
  for (const [k, v] of Object.entries(b)) {
    const prev = out[k];
    out[k] =
      v && typeof v === 'object' && !Array.isArray(v) && prev && typeof prev === 'object' && !Array.isArray(prev)
        ? deepMerge(prev as Record<string, unknown>, v as Record<string, unknown>)
        : v;
  }
  return out;
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let v: unknown = input;
  for (const k of path) v = v && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[k] : undefined;
  return v;
}

/** Edit distance (Levenshtein), for "did you mean". */
function distance(a: string, b: string): number {
  const d = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = d[0]!;
    d[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cur = d[j]!;
      d[j] = Math.min(d[j]! + 1, d[j - 1]! + 1, prev + (a[i - 1]!.toLowerCase() === b[j - 1]!.toLowerCase() ? 0 : 1));
      prev = cur;
    }
  }
  return d[b.length]!;
}

/** "did you mean …" from the keys the defaults have at that place in the config. */
function unknownKeyHint(keys: readonly string[], path: readonly PropertyKey[]): string {
  const known = valueAt(configSchema.parse({}), path);
  const names = known && typeof known === 'object' ? Object.keys(known) : [];
  const guesses = keys
    .map((k) => {
      const best = names.map((n) => [n, distance(k, n)] as const).sort((a, b) => a[1] - b[1])[0];
      return best && best[1] <= Math.max(2, Math.floor(k.length / 4)) ? `${k} → ${best[0]}` : null;
    })
    .filter((g): g is string => g !== null);
  return guesses.length > 0
    ? `did you mean: ${guesses.join(', ')}?`
    : 'remove the unknown key(s) or check their spelling; run `xroi init --print` to see every key';
}

function zodIssues(error: z.ZodError, file: string, input: unknown): Issue[] {
  return error.issues.map((i) => {
    const path = i.path.join('.');
    const v = valueAt(input, i.path);
    const value = v === undefined || (typeof v === 'object' && v !== null) ? undefined : String(v);
    return {
      code: 'config_invalid',
      severity: 'error' as const,
      path: { file },
      ...(value !== undefined ? { value } : {}),
      message: `${path || '(top level)'}: ${i.message}`,
      hint:
        i.code === 'unrecognized_keys'
          ? unknownKeyHint(i.keys, i.path)
          : `see the comments in a fresh config: xroi init --print`,
    };
  });
}

/**
 * Load `xroi.config.yaml` from `path` (a file, or a directory to look in). A missing file gives the
 * defaults; a broken one throws ConfigError.
 */
export function loadConfig(path = process.cwd()): LoadedConfig {
  const file =
    existsSync(path) && !path.endsWith('.yaml') && !path.endsWith('.yml') ? resolve(path, CONFIG_FILE) : resolve(path);
  if (!existsSync(file)) {
    if (!existsSync(path)) {
      throw new ConfigError(
        `no such config file or folder: ${path}`,
        [],
        'pass --config the folder that holds xroi.config.yaml (xroi init writes one), or leave --config out to use the current folder',
      );
    }
    return { config: parseConfig({}), file: null, baseDir: resolve(path), warnings: [] };
  }
  const text = readFileSync(file, 'utf8');
  const doc = parseDocument(text, { prettyErrors: true });
  if (doc.errors.length > 0) {
    const issues: Issue[] = doc.errors.map((e) => ({
      code: 'config_yaml',
      severity: 'error',
      path: { file, line: e.linePos?.[0]?.line, column: e.linePos?.[0]?.col },
      message: e.message.split('\n')[0] ?? 'invalid YAML',
      hint: 'fix the YAML syntax (indentation with spaces, a space after each colon)',
    }));
    throw new ConfigError(`${file} is not valid YAML`, issues, issues[0]?.hint);
  }
  const config = parseConfig(doc.toJS() ?? {}, file);
  return { config, file, baseDir: dirname(file), warnings: [] };
}

/** The store path, resolved against the config's directory. */
export function storePath(loaded: Pick<LoadedConfig, 'config' | 'baseDir'>): string {
  const p = loaded.config.store.path;
  return isAbsolute(p) ? p : resolve(loaded.baseDir, p);
}
