import { describe, expect, it } from 'vitest';
import type { ReportSpec } from './spec.js';
import { sheetNames } from './xlsx.js';

describe('sheetNames', () => {
  it('are unique, at most 31 characters and free of characters Excel forbids', () => {
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
            table: { id: `t${i}`, title: i < 11 ? long : 'x', columns: [], rows: [] },
          })),
        },
      ],
    };
    const names = sheetNames(spec);
    expect(names).toHaveLength(12);
    expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(12);
    for (const n of names) {
      expect([...n].length).toBeLessThanOrEqual(31);
      expect(n).not.toMatch(/[[\]:*?/\\]/);
    }
  });
});
