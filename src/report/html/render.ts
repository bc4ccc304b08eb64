/**
 * Blocks of the report spec → HTML. Every piece of text goes through the escaping `html` tag;
 * the only trusted markup is our own CSS and the chart SVGs (whose text nodes were escaped by the
 * DOM serializer).
 */
import type { Locale } from '../../messages/index.js';
import { formatMoney, formatNumber, formatPercent, NOT_AVAILABLE } from '../format.js';
import { reportTranslator, type Translate } from '../messages/index.js';
import { html, type SafeHtml, trusted } from '../safe.js';
import type { Block, CellValue, Column, DealStory, Kpi, Section, Table } from '../spec.js';

export interface RenderContext {
  lang: Locale;
  currency: string;
  tr: Translate;
  /** SVG markup by chart id */
  charts: ReadonlyMap<string, string>;
}

/** The exact text of one table cell (tables show exact values; headlines are rounded elsewhere). */
export function formatCell(value: CellValue, column: Column, lang: Locale, currency: string): string {
  if (value === null || value === undefined || value === '') return value === '' ? '' : NOT_AVAILABLE;
  if (typeof value === 'string') return value;
  if (typeof value === 'object') {
    const { typed, ...col } = value;
    return formatCell(typed, { key: column.key, label: column.label, ...col }, lang, currency);
  }
  switch (column.type) {
    case 'money':
      return formatMoney(value, lang, currency);
    case 'integer':
      return formatNumber(value, 0);
    case 'number':
      return formatNumber(value, column.digits ?? 0);
    case 'percent':
      return formatPercent(value, { digits: column.digits ?? 1 });
    case 'multiple':
      return `${formatNumber(value, column.digits ?? 2)}×`;
    case 'months':
      return reportTranslator(lang)('unit.months', { value: formatNumber(value, column.digits ?? 1) });
    default:
      return String(value);
  }
}

function isNumeric(column: Column): boolean {
  return column.type !== 'text' && column.type !== 'date';
}

/** Longest run of Latin letters, digits or symbols (a run a line cannot break inside). */
const LONG_TOKEN = 24;
function longestToken(text: string): number {
  let max = 0;
  for (const t of text.split(/[\s\u3000-\u9fff\uf900-\ufaff\uff00-\uffef]+/)) max = Math.max(max, t.length);
  return max;
}

export function renderTable(table: Table, ctx: RenderContext): SafeHtml {
  // a table without rows is a header and nothing under it: one line says so instead
  if (table.rows.length === 0)
    return html`<p class="note" data-table="${table.id}">${ctx.tr('table.empty', { title: table.title })}</p>`;
  const limit = table.htmlLimit ?? table.rows.length;
  const shown = table.rows.slice(0, limit);
  const more = table.rows.length - shown.length;
  // a text column keeps its words whole ("Opportunities" never wraps letter by letter); only a
  // column holding very long unbroken runs (URLs, ids) may break them anywhere
  const long = new Set(
    table.columns
      .filter((c) => c.type === 'text')
      .filter((c) => shown.some((r) => typeof r[c.key] === 'string' && longestToken(r[c.key] as string) > LONG_TOKEN))
      .map((c) => c.key),
  );
  const cls = (c: Column) =>
    isNumeric(c) ? 'num' : c.type === 'date' ? 'date' : long.has(c.key) ? 'text long' : 'text';
  return html`<div class="table-wrap" data-table="${table.id}">
    <table>
      <caption>
        ${table.title}
      </caption>
      <thead>
        <tr>
          ${table.columns.map((c) => html`<th class="${cls(c)}" scope="col">${c.label}</th>`)}
        </tr>
      </thead>
      <tbody>
        ${shown.map(
          (row) =>
            html`<tr>
              ${table.columns.map((c) => html`<td class="${cls(c)}">${formatCell(row[c.key] ?? null, c, ctx.lang, ctx.currency)}</td>`)}
            </tr> `,
        )}
      </tbody>
    </table>
    ${more > 0 ? html`<p class="more">${ctx.tr('table.more', { count: more })}</p>` : ''}
  </div>`;
}

function renderKpi(k: Kpi): SafeHtml {
  const cls = ['kpi', k.tone ?? '', k.big ? 'big' : ''].filter(Boolean).join(' ');
  return html`<div class="${cls}">
    <div class="label">${k.label}</div>
    <div class="value">${k.value}</div>
    ${k.note ? html`<div class="note">${k.note}</div>` : ''}
  </div>`;
}

function renderStory(s: DealStory): SafeHtml {
  return html`<article class="story">
    <h3>${s.title}</h3>
    <div class="facts">${s.facts.map((f) => html`<span>${f.label}: <b>${f.value}</b></span>`)}</div>
    <ol>
      ${s.steps.map(
        (st) =>
          html`<li
            class="${[st.milestone ? 'milestone' : '', st.x ? 'x' : '', st.date ? '' : 'omitted'].filter(Boolean).join(' ')}"
          >
            <span class="date">${st.date}</span>${st.milestone ? html`<span class="ms">${st.milestone}</span>` : ''}${
              st.x ? html`<span class="xbadge">X</span>` : ''
            }<span class="channel">${st.channel}</span
            >${st.detail ? html` — <span class="detail">${st.detail}</span>` : ''}
          </li>`,
      )}
    </ol>
    ${s.summary ? html`<p class="summary">${s.summary}</p>` : ''}
  </article>`;
}

export function renderBlock(block: Block, ctx: RenderContext): SafeHtml {
  switch (block.kind) {
    case 'kpis':
      return html`<div class="kpis">${block.items.map(renderKpi)}</div>`;
    case 'text':
      return block.tone?.startsWith('verdict')
        ? html`<p class="verdict ${block.tone}">${block.text}</p>`
        : html`<p class="${block.tone ?? ''}">${block.text}</p>`;
    case 'table':
      return renderTable(block.table, ctx);
    case 'chart': {
      const svg = ctx.charts.get(block.chart.id) ?? '';
      return html`<figure data-chart="${block.chart.id}">
        <div class="figure-title">${block.chart.title}</div>
        ${trusted(svg)}${block.caption ? html`<figcaption>${block.caption}</figcaption>` : ''}
      </figure>`;
    }
    case 'stories':
      return html`<div class="stories">${block.stories.map(renderStory)}</div>`;
    case 'columns':
      return html`<div class="columns">
        ${block.columns.map((col) => html`<div>${col.map((b) => renderBlock(b, ctx))}</div>`)}
      </div>`;
    case 'missing':
      return html`<div class="missing" role="note">
        <strong>${ctx.tr('missing.title')}</strong>${
          block.needs.length
            ? html`<ul>
                ${block.needs.map((n) => html`<li>${ctx.tr('missing.need', { need: n })}</li>`)}
              </ul>`
            : html`<p>${ctx.tr('missing.generic')}</p>`
        }
      </div>`;
  }
}

/** Sections that start a new printed page (A4): everything after the first page's headline and bridge. */
const noPageBreak = new Set(['headline', 'bridge', 'quality']);

export function renderSection(section: Section, ctx: RenderContext): SafeHtml {
  const cls = noPageBreak.has(section.id) ? 'section' : 'section page-break';
  return html`<section id="section-${section.id}" class="${cls}" data-section="${section.id}">
    <h2>${section.title}</h2>
    ${section.blocks.map((b) => html`${renderBlock(b, ctx)} `)}
  </section> `;
}
