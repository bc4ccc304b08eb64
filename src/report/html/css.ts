/**
 * The report's only stylesheet, inlined into the HTML (no network: system fonts with Japanese
 * fallbacks). Screen and A4 print. Emphasis never relies on colour alone: negative figures get a
 * dashed border and a ▼ marker, positive ones a ▲.
 */
import { FONT_STACK } from '../charts/svg.js';

export const reportCss = `
:root { --ink: #1d1d1f; --muted: #5b5b60; --line: #d2d2d7; --accent: #2b5c8a; --bg-soft: #f5f5f7; --warn: #8a5a00; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; font-family: ${FONT_STACK}; color: var(--ink); background: #fff; font-size: 14px; line-height: 1.6; }
main { max-width: 980px; margin: 0 auto; padding: 24px 28px 48px; }
h1 { font-size: 26px; margin: 0 0 4px; line-height: 1.3; }
h2 { font-size: 19px; margin: 0 0 12px; padding-bottom: 4px; border-bottom: 2px solid var(--ink); break-after: avoid; }
h3 { font-size: 15px; margin: 16px 0 6px; break-after: avoid; }
p { margin: 6px 0; }
.subtitle { color: var(--muted); margin: 0 0 12px; }
nav.toc { margin: 12px 0 20px; padding: 8px 12px; background: var(--bg-soft); border-radius: 6px; }
nav.toc ol { margin: 4px 0 0; padding-left: 22px; columns: 2; column-gap: 28px; }
nav.toc a { color: var(--ink); }
section.section { margin: 0 0 36px; }
.kpis { display: grid; grid-template-columns: repeat(4, minmax(0, 1fr)); gap: 10px; margin: 8px 0 12px; }
.kpi { border: 1px solid var(--line); border-radius: 8px; padding: 10px 12px; background: #fff; break-inside: avoid; }
.kpi.big { grid-column: span 2; }
.kpi .label { font-size: 12px; color: var(--muted); }
.kpi .value { font-size: 22px; font-weight: 700; font-variant-numeric: tabular-nums; line-height: 1.3; }
.kpi.big .value { font-size: 40px; }
.kpi.negative { border: 2px dashed var(--ink); }
.kpi.positive { border: 2px solid var(--accent); }
.kpi.negative .value::before { content: '▼ '; font-size: 0.6em; vertical-align: middle; }
.kpi.positive .value::before { content: '▲ '; font-size: 0.6em; vertical-align: middle; }
.kpi .note { font-size: 12px; color: var(--muted); white-space: pre-line; }
.verdict { font-size: 16px; font-weight: 600; padding: 8px 12px; border-left: 6px solid var(--ink); background: var(--bg-soft); }
.verdict-negative { border-left-style: double; }
.verdict-unsure { border-left-style: dashed; }
.note { color: var(--muted); font-size: 13px; }
figure { margin: 12px 0 16px; break-inside: avoid; }
figure svg { max-width: 100%; height: auto; }
figcaption { font-size: 12px; color: var(--muted); margin-top: 2px; }
.figure-title { font-size: 13px; font-weight: 600; margin-bottom: 2px; }
.table-wrap { overflow-x: auto; margin: 8px 0 14px; }
table { border-collapse: collapse; width: 100%; font-size: 12.5px; }
caption { text-align: left; font-weight: 600; font-size: 13px; padding: 4px 0; }
th, td { border-bottom: 1px solid var(--line); padding: 4px 8px; text-align: left; vertical-align: top; }
th { background: var(--bg-soft); font-weight: 600; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
td.num { white-space: nowrap; }
/* a text column never collapses to one character per line beside wide number columns: words stay
   whole; only columns with very long unbroken runs (URLs, ids) may break them anywhere */
td.text, th.text { min-width: 7em; overflow-wrap: break-word; }
td.text.long, th.text.long { overflow-wrap: anywhere; }
th.num { overflow-wrap: break-word; }
td.date, th.date { white-space: nowrap; font-variant-numeric: tabular-nums; }
tr { break-inside: avoid; }
.more { font-size: 12px; color: var(--muted); }
.missing { border: 2px dashed var(--warn); border-radius: 8px; padding: 10px 14px; margin: 8px 0 14px; background: #fffaf0; break-inside: avoid; }
.missing strong::before { content: '⚠ '; }
.missing ul { margin: 4px 0 0; padding-left: 20px; }
.story { border: 1px solid var(--line); border-radius: 8px; padding: 10px 14px; margin: 0 0 14px; break-inside: avoid; }
.story h3 { margin: 0 0 4px; overflow-wrap: anywhere; }
.story .facts { display: flex; flex-wrap: wrap; gap: 4px 18px; font-size: 13px; margin-bottom: 6px; }
.story .facts b { font-variant-numeric: tabular-nums; }
.story ol { list-style: none; margin: 0; padding: 0 0 0 14px; border-left: 2px solid var(--line); }
.story li { position: relative; margin: 0 0 4px; padding-left: 8px; font-size: 12.5px; overflow-wrap: anywhere; }
.story li::before { content: ''; position: absolute; left: -20px; top: 7px; width: 9px; height: 9px; border-radius: 50%; background: #fff; border: 2px solid var(--ink); }
.story li.milestone::before { background: var(--ink); }
.story .date { font-variant-numeric: tabular-nums; color: var(--muted); margin-right: 6px; }
.story .ms { font-weight: 700; margin-right: 6px; }
.story li.x .channel, .story li.x .detail { font-weight: 700; }
.story .xbadge { display: inline-block; font-size: 10px; font-weight: 700; line-height: 1; padding: 2px 4px; margin-right: 6px; border-radius: 3px; background: var(--ink); color: #fff; }
.story li.omitted { color: var(--muted); font-style: italic; }
.story li.omitted::before { border-style: dotted; }
.story .summary { font-size: 12px; color: var(--muted); margin-top: 4px; }
footer { margin-top: 32px; padding-top: 8px; border-top: 1px solid var(--line); font-size: 11px; color: var(--muted); }
@page { size: A4; margin: 14mm 12mm 16mm; }
@media print {
  body { font-size: 11.5px; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  main { max-width: none; padding: 0; }
  nav.toc { display: none; }
  section.section { margin-bottom: 0; }
  section.page-break { break-before: page; }
  .kpi.big .value { font-size: 32px; }
  .table-wrap { overflow: visible; }
  table { font-size: 10.5px; }
  a { color: inherit; text-decoration: none; }
}
`;
