import { describe, it } from 'vitest';
import fc from 'fast-check';
import { storeWith } from '../funnel/store-fixture.js';
import { withLinkTable } from './link.js';

const H = 3_600_000;
const T0 = Date.UTC(2026, 0, 1);
const ts = (ms: number) => new Date(ms).toISOString().replace('T', ' ').slice(0, 19);

/** The rules of link.ts written out plainly in JS: the oracle. */
function oracle(
  posts: { id: string; at: number; code: string }[],
  touch: { at: number; content: string | null; referrer: string | null },
  windowHours: number,
): { post: string | null; how: string } {
  if (touch.content && posts.some((p) => p.id === touch.content)) return { post: touch.content, how: 'utm' };
  if (!touch.referrer) return { post: null, how: 'none' };
  const code = /t\.co\/([A-Za-z0-9]+)/.exec(touch.referrer)?.[1];
  const byCode = posts.filter((p) => p.code === code).sort((a, b) => a.id.localeCompare(b.id))[0];
  if (byCode) return { post: byCode.id, how: 'tco_code' };
  const before = posts.filter((p) => p.at <= touch.at).sort((a, b) => b.at - a.at)[0];
  if (before && touch.at - before.at <= windowHours * H) return { post: before.id, how: 'tco' };
  return { post: null, how: 'tco_unlinked' };
}

describe('post linking (property: SQL equals the plain rules)', () => {
  it('UTM post id first, then the t.co link code, then the nearest earlier post within the window', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(fc.integer({ min: 0, max: 500 }), { minLength: 1, maxLength: 8 }),
        fc.array(
          fc.record({
            hour: fc.integer({ min: 0, max: 520 }),
            ref: fc.constantFrom('utm', 'code', 'badcode', 'bare', 'none'),
            post: fc.nat(),
          }),
          { maxLength: 25 },
        ),
        fc.constantFrom(12, 48, 100),
        async (postHours, touches, windowHours) => {
          const posts = postHours.map((h, i) => ({
            id: `1000000000000000${String(i).padStart(3, '0')}`,
            at: T0 + h * H,
            code: `c${i}`,
          }));
          const rows = touches.map((t, i) => {
            const p = posts[t.post % posts.length]!;
            return {
              person_id: `t${i}`,
              at: T0 + t.hour * H,
              content: t.ref === 'utm' ? p.id : null,
              referrer:
                t.ref === 'code'
                  ? `https://t.co/${p.code}`
                  : t.ref === 'badcode'
                    ? 'https://t.co/zzz'
                    : t.ref === 'bare'
                      ? 't.co'
                      : null,
            };
          });
          const store = await storeWith({
            posts: posts.map((p) => ({ post_id: p.id, posted_at: ts(p.at), text: `news https://t.co/${p.code}` })),
            touchpoints: rows.map((r) => ({
              person_id: r.person_id,
              occurred_at: ts(r.at),
              kind: 'visit',
              content: r.content,
              referrer: r.referrer,
            })),
          });
          try {
            const got = await withLinkTable(store, { windowHours, slugs: {} }, (table) =>
              store.query<{ person_id: string; post_id: string | null; how: string }>(
                `SELECT person_id, post_id, how FROM ${table}`,
              ),
            );
            const byPerson = new Map(got.map((g) => [g.person_id, g]));
            return rows.every((r) => {
              const want = oracle(posts, r, windowHours);
              const g = byPerson.get(r.person_id);
              if (want.how === 'none') return g === undefined;
              return g !== undefined && g.post_id === want.post && g.how === want.how;
            });
          } finally {
            store.close();
          }
        },
      ),
      { numRuns: 30 },
    );
  });
});
