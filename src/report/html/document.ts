/**
 * The whole HTML document: one self-contained file. A Content-Security-Policy forbids every network
 * request and every script, so the report opens offline and input text can never run.
 */
import { html, trusted } from '../safe.js';
import type { ReportSpec } from '../spec.js';
import { reportCss } from './css.js';
import { type RenderContext, renderSection } from './render.js';

const csp =
  "default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:; base-uri 'none'; form-action 'none'";

export function renderDocument(spec: ReportSpec, ctx: RenderContext): string {
  const page = html`<!DOCTYPE html>
    <html lang="${spec.lang}">
      <head>
        <meta charset="utf-8" />
        <meta http-equiv="Content-Security-Policy" content="${csp}" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="generator" content="xroi" />
        <title>${spec.title}</title>
        <style>
          ${trusted(reportCss)}
        </style>
      </head>
      <body>
        <main>
          <header>
            <h1>${spec.title}</h1>
            <p class="subtitle">${spec.subtitle}</p>
            <nav class="toc" aria-label="${ctx.tr('doc.contents')}">
              <strong>${ctx.tr('doc.contents')}</strong>
              <ol>
                ${spec.sections.map((s) => html`<li><a href="#section-${s.id}">${s.title}</a></li>`)}
              </ol>
            </nav>
          </header>
          ${spec.sections.map((s) => renderSection(s, ctx))}
          <footer>${spec.footer}</footer>
        </main>
      </body>
    </html> `;
  return page.value;
}
