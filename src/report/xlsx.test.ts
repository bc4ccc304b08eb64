import { describe, expect, it } from 'vitest';
import type { ReportSpec } from './spec.js';
import { sheetNames } from './xlsx.js';

describe('sheetNames', () => {
  it('are the table ids when the catalog has no short name, never a cut title', () => {
    const long = 'コンバージョン率の推移とその区間: 月別 [リード作成月] / 受注率 * ? \\ 説明がとても長い表題';
    const spec: ReportSpec = {
      lang: 'ja',
      title: '',
      subtitle: '',
      footer: '',
      currency: 'JPY',
      sections: [
        {
          id: 'trend',
          title: '',
          blocks: Array.from({ length: 12 }, (_, i) => ({
            kind: 'table' as const,
            table: {
              id: i === 11 ? `${'very-long-table-id-'.repeat(3)}${i}` : `t${i}`,
              title: i < 11 ? long : 'x',
              columns: [],
              rows: [],
            },
          })),
        },
      ],
    };
    const names = sheetNames(spec);
    expect(names).toHaveLength(12);
    expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(12);
    expect(names.slice(0, 11)).toEqual(Array.from({ length: 11 }, (_, i) => `t${i}`));
    expect(names.join()).not.toContain('コンバージョン');
    for (const n of names) {
      expect([...n].length).toBeLessThanOrEqual(31);
      expect(n).not.toMatch(/[[\]:*?/\\]/);
    }
  });
});
