/**
 * Linking touches to posts, in SQL over the store (so it scales to millions of touchpoints).
 *
 * Rules, in order:
 * 1. UTM / post id: a touch whose `post_id` holds a stored post id (or a URL ending in one), or whose
 *    `content` (utm_content) is a post id, a configured slug (`engagement.slugs`, case-insensitive),
 *    or contains a post id (15+ digits, e.g. `x-1891564128784855141`), belongs to that post.
 * 2. t.co link code: a touch not linked by rule 1 whose referrer is `https://t.co/CODE` belongs to
 *    the post whose text carries the link `t.co/CODE` (X shortens every link of a post to its own
 *    code). When several posts carry the code, the one with the smallest id.
 * 3. t.co window: a touch linked by neither rule whose referrer host is t.co goes to the nearest post
 *    published at or before the touch, if that post is at most `engagement.tcoWindowHours` older.
 *    Posts known only by date count from midnight of that day in the configured time zone.
 * Touches before any post, or t.co touches outside every window, stay unlinked.
 */
import type { Param, Store } from '../../store/index.js';

export interface LinkOptions {
  windowHours: number;
  /** slug → post id */
  slugs: Record<string, string>;
}

/** A CTE named `links(person_id, occurred_at, kind, post_id, how)`; prepend `WITH` and the returned params. */
export function linksCte(o: LinkOptions): { sql: string; params: Param[] } {
  const slugEntries = Object.entries(o.slugs);
  const params: Param[] = [];
  let slugSql = 'SELECT NULL::VARCHAR AS slug, NULL::VARCHAR AS post_id WHERE false';
  if (slugEntries.length > 0) {
    slugSql = `SELECT * FROM (VALUES ${slugEntries.map(() => '(?, ?)').join(', ')}) v(slug, post_id)`;
    for (const [slug, id] of slugEntries) params.push(slug.trim().toLowerCase(), id.trim());
  }
  params.push(o.windowHours * 3_600_000);
  const sql = `
  slugs AS (${slugSql}),
  p AS (SELECT post_id, posted_at FROM posts WHERE posted_at IS NOT NULL),
  u AS (
    SELECT t.person_id, t.occurred_at, lower(t.kind) AS kind, t.referrer,
           coalesce(a.post_id, b.post_id, c.post_id, d.post_id) AS post_id
    FROM touchpoints t
    LEFT JOIN posts a ON a.post_id = coalesce(nullif(regexp_extract(t.post_id, '([0-9]{6,})\\s*$', 1), ''), trim(t.post_id))
    LEFT JOIN posts b ON b.post_id = trim(t.content)
    LEFT JOIN slugs c ON c.slug = lower(trim(t.content))
    LEFT JOIN posts d ON d.post_id = nullif(regexp_extract(t.content, '([0-9]{15,})', 1), '')
  ),
  tco_all AS (
    SELECT person_id, occurred_at, kind,
           nullif(regexp_extract(referrer, '^(?:[A-Za-z][A-Za-z0-9+.-]*://)?(?:[A-Za-z0-9-]+\\.)*t\\.co/([A-Za-z0-9]+)', 1), '') AS code
    FROM u
    WHERE post_id IS NULL AND referrer ILIKE '%t.co%'
      AND regexp_matches(lower(coalesce(referrer, '')), '^([a-z][a-z0-9+.-]*://)?([a-z0-9-]+\\.)*t\\.co([/:?#]|$)')
  ),
  codes AS (
    SELECT code, min(post_id) AS post_id FROM (
      SELECT post_id, unnest(regexp_extract_all(text, 't\\.co/([A-Za-z0-9]+)', 1)) AS code FROM posts WHERE text IS NOT NULL
    ) GROUP BY code
  ),
  tco_code AS (
    SELECT a.person_id, a.occurred_at, a.kind, c.post_id FROM tco_all a JOIN codes c ON c.code = a.code
  ),
  tco_touch AS (
    SELECT a.person_id, a.occurred_at, a.kind FROM tco_all a LEFT JOIN codes c ON c.code = a.code WHERE c.post_id IS NULL
  ),
  tco AS (
    SELECT tt.person_id, tt.occurred_at, tt.kind, p.post_id, p.posted_at
    FROM tco_touch tt ASOF LEFT JOIN p ON tt.occurred_at >= p.posted_at
  ),
  links AS (
    SELECT person_id, occurred_at, kind, post_id, 'utm' AS how FROM u WHERE post_id IS NOT NULL
    UNION ALL
    SELECT person_id, occurred_at, kind, post_id, 'tco_code' AS how FROM tco_code
    UNION ALL
    SELECT person_id, occurred_at, kind, post_id, 'tco' AS how FROM tco
    WHERE post_id IS NOT NULL AND epoch_ms(occurred_at) - epoch_ms(posted_at) <= ?
  )`;
  return { sql, params };
}

export interface LinkCount {
  post_id: string;
  how: 'utm' | 'tco_code' | 'tco' | 'tco_unlinked';
  kind: string | null;
  n: number;
}

export interface Links {
  counts: LinkCount[];
  tcoUnlinked: number;
}

let seq = 0;

/**
 * Run the linking once into a temporary table (works on read-only stores too) with the columns
 * `person_id, occurred_at, kind, post_id, how`; t.co touches left unlinked are rows with a null
 * post_id and how = 'tco_unlinked'. The table is dropped when `fn` settles.
 */
export async function withLinkTable<T>(store: Store, o: LinkOptions, fn: (table: string) => Promise<T>): Promise<T> {
  const table = `xroi_links_${process.pid}_${++seq}`;
  const cte = linksCte(o);
  await store.run(
    `CREATE TEMP TABLE ${table} AS WITH ${cte.sql}
     SELECT person_id, occurred_at, kind, post_id, how FROM links
     UNION ALL
     SELECT person_id, occurred_at, kind, NULL AS post_id, 'tco_unlinked' AS how FROM tco
     WHERE post_id IS NULL OR epoch_ms(occurred_at) - epoch_ms(posted_at) > ?`,
    [...cte.params, o.windowHours * 3_600_000],
  );
  try {
    return await fn(table);
  } finally {
    await store.run(`DROP TABLE IF EXISTS ${table}`);
  }
}

/** Touch counts per post × rule × kind, and the t.co touches left unlinked, from a link table. */
export async function linkCounts(store: Store, table: string): Promise<Links> {
  const rows = await store.query<LinkCount & Record<string, unknown>>(
    `SELECT post_id, how, kind, count(*) AS n FROM ${table} GROUP BY ALL ORDER BY ALL`,
  );
  return {
    counts: rows.filter((r) => r.post_id !== null),
    tcoUnlinked: rows.filter((r) => r.post_id === null).reduce((n, r) => n + r.n, 0),
  };
}

/** Run the linking and count touches per post × rule × kind, and the t.co touches left unlinked. */
export async function loadLinks(store: Store, o: LinkOptions): Promise<Links> {
  return withLinkTable(store, o, (table) => linkCounts(store, table));
}

/** The people with at least one touch linked to a post. */
export async function loadLinkedPeople(store: Store, o: LinkOptions): Promise<Set<string>> {
  const cte = linksCte(o);
  const rows = await store.query<{ person_id: string }>(
    `WITH ${cte.sql} SELECT DISTINCT person_id FROM links WHERE person_id IS NOT NULL`,
    cte.params,
  );
  return new Set(rows.map((r) => r.person_id));
}
