/**
 * Fixed inputs for the chart golden tests (and the chart preview): small, hand-made, with
 * Japanese labels, negative values and a user-supplied label holding markup.
 */
import type {
  BarDatum,
  FunnelStage,
  HistogramBin,
  LineBandPoint,
  TornadoItem,
  WaterfallStep,
} from '../../src/report/charts/index.js';

const man = (v: number) => `${Math.round(v / 1e4).toLocaleString('en-US')}万円`;
const pct = (v: number) => `${Math.round(v * 100)}%`;

export const formats = { man, pct, count: (v: number) => String(Math.round(v)) };

export const waterfallInput: WaterfallStep[] = [
  { label: 'ラストタッチで期間内に受注したX売上', delta: 3_200_000, total: 3_200_000, kind: 'total' },
  { label: '+ Xが関与した全商談へのマルチタッチ配分', delta: 5_400_000, total: 8_600_000, kind: 'step' },
  { label: '× 粗利率', delta: -2_150_000, total: 6_450_000, kind: 'step' },
  { label: '初年度売上の代わりに顧客生涯価値', delta: 19_800_000, total: 26_250_000, kind: 'step' },
  { label: '+ 進行中パイプラインの期待値', delta: 4_100_000, total: 30_350_000, kind: 'step' },
  { label: '+ ブランドリフト', delta: 2_300_000, total: 32_650_000, kind: 'step' },
  { label: '真のリターン', delta: 32_650_000, total: 32_650_000, kind: 'total' },
];

export const barInput: BarDatum[] = [
  { label: '広告 (X Ads)', value: 2_400_000 },
  { label: 'ツール', value: 360_000 },
  { label: 'コンテンツ制作 <b>外注</b>', value: 1_200_000 },
  { label: '人件費 (2名 × 週10時間)', value: 5_200_000, highlight: true },
  { label: '返金', value: -150_000 },
];

export const funnelInput: FunnelStage[] = [
  { label: 'リード', count: 412 },
  { label: '真のリード (MQL/SQL)', count: 138, note: '→ 33% (29–38%)' },
  { label: '商談', count: 46, note: '→ 33% (26–41%)' },
  { label: '受注', count: 14, note: '→ 30% (19–45%)' },
];

export const lineBandInput: LineBandPoint[] = Array.from({ length: 16 }, (_, i) => {
  const date = new Date(Date.UTC(2026, 0, 5 + 7 * i)).toISOString().slice(0, 10);
  const reference = 200 + 4 * i;
  const lift = i >= 8 ? 30 + 5 * (i - 8) : 0;
  return { date, value: reference + lift + (i % 3) * 6 - 6, reference, low: reference - 22, high: reference + 22 };
});

export const histogramInput: HistogramBin[] = Array.from({ length: 20 }, (_, i) => {
  const x0 = -1 + i * 0.25;
  const c = x0 + 0.125 - 1.3;
  return { x0, x1: x0 + 0.25, count: Math.round(300 * Math.exp(-(c * c) / 1.2)) };
});

export const tornadoInput: TornadoItem[] = [
  { label: '月次解約率', low: 2.1, high: 0.45 },
  { label: '粗利率', low: 1.05, high: 1.55 },
  { label: '人件費単価 (時給)', low: 1.6, high: 0.95 },
  { label: '受注率 (商談→受注)', low: 0.7, high: 1.8 },
  { label: 'ブランドリフト', low: 1.2, high: 1.38 },
];
