/**
 * PDF through headless Chromium (playwright-core drives the system browser; nothing is
 * downloaded). A fresh profile directory per run, every network request refused, A4 with the
 * report's print CSS and backgrounds.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { XroiError } from '../errors.js';
import type { Locale } from '../messages/index.js';
import { reportTranslator } from './messages/index.js';

/** The flags every xroi Chromium run uses (no GPU, no background traffic, no first-run UI). */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-quic',
  '--no-first-run',
  '--disable-component-update',
  '--disable-sync',
] as const;

/** Where Chromium is: env XROI_CHROMIUM, else /usr/bin/chromium. */
export function chromiumPath(env: NodeJS.ProcessEnv = process.env): string {
  return env.XROI_CHROMIUM || '/usr/bin/chromium';
}

/** Whether a Chromium executable exists at `chromiumPath()`. */
export function hasChromium(env: NodeJS.ProcessEnv = process.env): boolean {
  return existsSync(chromiumPath(env));
}

export interface PdfOptions {
  /** Chromium executable. @default chromiumPath() */
  executablePath?: string;
  /** Language of error messages. @default the HTML's lang attribute */
  lang?: Locale;
}

function langOf(htmlText: string): Locale {
  return /<html[^>]*\blang="en"/.test(htmlText) ? 'en' : 'ja';
}

/**
 * Print a report's HTML to an A4 PDF file.
 * @example await renderPdf(renderHtml(result, { lang: 'ja' }), 'report.pdf')
 */
export async function renderPdf(htmlText: string, file: string, options: PdfOptions = {}): Promise<void> {
  const tr = reportTranslator(options.lang ?? langOf(htmlText));
  const executablePath = options.executablePath ?? chromiumPath();
  if (!existsSync(executablePath)) {
    throw new XroiError('pdf_no_chromium', tr('pdf.noChromium', { path: executablePath }), tr('pdf.noChromium.hint'));
  }
  const profile = await mkdtemp(join(tmpdir(), 'xroi-chromium-'));
  try {
    const context = await chromium.launchPersistentContext(profile, {
      executablePath,
      headless: true,
      args: [...CHROMIUM_ARGS],
      offline: true,
    });
    try {
      const page = context.pages()[0] ?? (await context.newPage());
      await page.route(/^(?!data:|about:)/, (route) => route.abort());
      await page.setContent(htmlText, { waitUntil: 'load' });
      await page.emulateMedia({ media: 'print' });
      await page.pdf({ path: file, format: 'A4', printBackground: true, preferCSSPageSize: true });
    } finally {
      await context.close();
    }
  } catch (e) {
    if (e instanceof XroiError) throw e;
    throw new XroiError(
      'pdf_failed',
      tr('pdf.failed', { error: e instanceof Error ? (e.message.split('\n')[0] ?? '') : String(e) }),
      tr('pdf.noChromium.hint'),
    );
  } finally {
    await rm(profile, { recursive: true, force: true });
  }
}
