/**
 * The terminal summary (DESIGN §7): the two ROIs side by side, both bridges as numbered steps and
 * the data-quality notes. Plain text; widths account for full-width (Japanese) characters.
 */
import type { AnalysisResult } from '../model/result.js';
import { translator, type Locale, type MessageKey } from '../messages/index.js';
import { formatIssue, type Issue } from '../issues.js';
import { engagementSummary } from '../model/engagement/index.js';
import { funnelSummary } from '../model/funnel/index.js';
import { formatPercent } from './format.js';

export interface TerminalOptions {
  lang?: Locale;
  /** Extra lines from other sections (funnel, engagement, …), already translated. */
  extra?: string[];
}

/** Display width of a string: full-width and CJK characters count 2. */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    w +=
      (c >= 0x1100 && c <= 0x115f) ||
      (c >= 0x2e80 && c <= 0xa4cf) ||
      (c >= 0xac00 && c <= 0xd7a3) ||
      (c >= 0xf900 && c <= 0xfaff) ||
      (c >= 0xfe30 && c <= 0xfe4f) ||
      (c >= 0xff00 && c <= 0xff60) ||
      (c >= 0xffe0 && c <= 0xffe6)
        ? 2
        : 1;
  }
  return w;
}

function padEnd(s: string, width: number): string {
  return s + ' '.repeat(Math.max(0, width - displayWidth(s)));
}
function padStart(s: string, width: number): string {
  return ' '.repeat(Math.max(0, width - displayWidth(s))) + s;
}

/** Exact money for tables: ¥1,234,567 / $1,234,567 (no decimals for JPY). */
export function formatMoney(v: number, currency: string, locale: Locale, signed = false): string {
  const fmt = new Intl.NumberFormat(locale === 'ja' ? 'ja-JP' : 'en-US', {
    style: 'currency',
    currency,
    maximumFractionDigits: currency === 'JPY' ? 0 : 0,
    signDisplay: signed ? 'exceptZero' : 'auto',
  });
  return fmt.format(Object.is(v, -0) ? 0 : v);
}

export function formatPct(v: number | null | undefined, signed = true): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return '—';
  const s = (v * 100).toFixed(1);
  return signed && v > 0 ? `+${s}%` : `${s}%`;
}

export function renderTerminal(result: AnalysisResult, options: TerminalOptions = {}): string {
  const lang = options.lang ?? result.meta.locale;
  const t = translator(lang);
  const cur = result.meta.currency;
  const money = (v: number, signed = false) => formatMoney(v, cur, lang, signed);
  const lines: string[] = [];
  const { roi } = result;

  lines.push(t('report.title'));
  lines.push(t('report.period', { start: result.meta.period.start, end: result.meta.period.end, currency: cur }));
  lines.push('');

  const header = ['', t('report.return'), t('report.cost'), 'ROI'];
  const rows: string[][] = [header];
  for (const [key, fig] of [
    ['report.traditional', roi.traditional],
    ['report.true', roi.true],
  ] as const) {
    const roiText = fig.roi === null ? `${t('report.notComputable')}` : formatPct(fig.roi);
    rows.push([t(key), money(fig.return), money(fig.cost), roiText]);
  }
  const widths = header.map((_, i) => Math.max(...rows.map((r) => displayWidth(r[i]!))));
  for (const r of rows) {
    lines.push(r.map((c, i) => (i === 0 ? padEnd(c, widths[i]!) : padStart(c, widths[i]!))).join('   '));
  }
  const roiReasons = new Set(
    [roi.traditional, roi.true].filter((f) => f.roi === null && f.reason).map((f) => f.reason!),
  );
  for (const reason of roiReasons) lines.push(`  ${t(reason as MessageKey)}`);
  const u = result.uncertainty;
  if (u && u.trueRoi.median !== null && u.trueRoi.interval80 && u.trueRoi.interval95) {
    lines.push(
      t('report.interval', {
        median: formatPct(u.trueRoi.median),
        draws: u.trueRoi.draws,
        lo80: formatPct(u.trueRoi.interval80[0]),
        hi80: formatPct(u.trueRoi.interval80[1]),
        lo95: formatPct(u.trueRoi.interval95[0]),
        hi95: formatPct(u.trueRoi.interval95[1]),
        p: formatPercent(u.trueRoi.pPositive), // as in the HTML headline: same function, same rounding
      }),
    );
    const top = u.tornado
      .slice(0, 3)
      .map((b) => `${t(`uncertainty.input.${b.input}` as MessageKey)} (±${formatPct(b.swing / 2, false)})`);
    if (top.length > 0) lines.push(t('report.tornado', { inputs: top.join(', ') }));
  }
  const be = roi.breakEven;
  if (be) {
    const fig = (f: { value: number | null; reason?: string | undefined }, kind: 'pct' | 'money') =>
      f.value === null
        ? f.reason
          ? `— (${t(f.reason as MessageKey)})`
          : t('report.notComputable')
        : kind === 'pct'
          ? formatPct(f.value, false)
          : money(f.value);
    const reasons = [be.monthlyChurn, be.hourlyRate, be.winRate].map((f) =>
      f.value === null ? (f.reason ?? '') : null,
    );
    const sameReason = reasons.every((r) => r !== null && r === reasons[0]);
    if (sameReason) {
      // one cause (often: no cost) makes all three undefined; say it once
      lines.push(t('report.breakEven', { churn: '—', rate: '—', win: '—' }));
    } else
      lines.push(
        t('report.breakEven', {
          churn: fig(be.monthlyChurn, 'pct'),
          rate: fig(be.hourlyRate, 'money'),
          win: fig(be.winRate, 'pct'),
        }),
      );
  }
  const ltv = result.ltv;
  if (ltv && ltv.ltvPerCustomer.value !== null) {
    lines.push(
      t('report.ltv', {
        ltv: money(ltv.ltvPerCustomer.value),
        months: ltv.discountedLifetimeMonths.toFixed(1),
        method: t(ltv.reason as MessageKey),
      }),
    );
  }
  const m = roi.metrics;
  if (m.cac || m.ltvToCac) {
    const v = (k: string, f: (x: number) => string) => {
      const x = m[k]?.value;
      return x === null || x === undefined ? '—' : f(x);
    };
    lines.push(
      t('report.unitEconomics', {
        cac: v('cac', (x) => money(x)),
        ratio: v('ltvToCac', (x) => x.toFixed(2)),
        payback: v('paybackMonths', (x) => x.toFixed(1)),
        pipeline: v('pipelineInfluenced', (x) => money(x)),
      }),
    );
  }

  const bridge = (title: MessageKey, steps: AnalysisResult['roi']['returnBridge'], endKey: MessageKey) => {
    lines.push('');
    lines.push(t(title));
    const labels = steps.map((s, i) => `${i + 1}. ${t(`bridge.${s.key}` as MessageKey)}`);
    labels.push(`= ${t(endKey)}`);
    const lw = Math.max(...labels.map(displayWidth));
    const deltas = steps.map((s, i) => (i === 0 ? money(s.delta) : money(s.delta, true)));
    const totals = steps.map((s) => money(s.total));
    const last = steps.at(-1);
    deltas.push('');
    totals.push(last ? money(last.total) : '');
    const dw = Math.max(...deltas.map(displayWidth));
    const tw = Math.max(...totals.map(displayWidth));
    labels.forEach((l, i) => {
      lines.push(`  ${padEnd(l, lw)}  ${padStart(deltas[i]!, dw)}  ${padStart(totals[i]!, tw)}`);
    });
  };
  bridge('report.returnBridge', roi.returnBridge, 'bridge.true_return');
  bridge('report.costBridge', roi.costBridge, 'bridge.full_cost');

  const sectionLines: string[] = [];
  if (result.funnel) sectionLines.push(...funnelSummary(result.funnel, t, { locale: lang, currency: cur }));
  if (result.engagement) sectionLines.push(...engagementSummary(result.engagement, t, { locale: lang, currency: cur }));
  if (sectionLines.length > 0) {
    lines.push('');
    lines.push(...sectionLines);
  }
  if (options.extra && options.extra.length > 0) {
    lines.push('');
    lines.push(...options.extra);
  }

  const notes = result.dataQuality.issues;
  const missing = result.dataQuality.missing;
  if (notes.length > 0 || missing.length > 0) {
    lines.push('');
    lines.push(t('report.warnings'));
    for (const m of missing) lines.push(`  - ${m.section}: ${m.need}`);
    // the same warning in several files is one line naming the files
    const groups = new Map<string, Issue[]>();
    for (const i of notes) {
      // issues without a file are each their own line; per-file ones group by kind
      const k = i.path?.file ? `${i.severity}\u0000${i.code}` : `${i.severity}\u0000${i.code}\u0000${i.message}`;
      groups.set(k, [...(groups.get(k) ?? []), i]);
    }
    const shown = 8;
    let n = 0;
    for (const g of groups.values()) {
      if (n++ >= shown) break;
      const first = g[0]!;
      if (g.length === 1) {
        lines.push(`  - ${formatIssue(first).replace(/\n/g, '\n    ')}`);
      } else {
        const files = g.map((i) => `${i.path?.file ?? '?'}${i.count ? ` (${i.count})` : ''}`).join(', ');
        lines.push(`  - ${first.severity}: ${first.message} — ${files}`);
        if (first.hint) lines.push(`      hint: ${first.hint}`);
      }
    }
    if (groups.size > shown) lines.push(t('report.moreNotes', { n: groups.size - shown }));
  }
  return `${lines.join('\n')}\n`;
}
