import { describe, expect, it } from 'vitest';
import { XroiError } from '../errors.js';
import { chromiumPath, renderPdf } from './pdf.js';
import { reportTranslator } from './messages/index.js';

describe('renderPdf', () => {
  it('says what to install when Chromium is missing, in the report language', async () => {
    const missing = '/nonexistent/chromium';
    for (const lang of ['ja', 'en'] as const) {
      const err = await renderPdf(`<html lang="${lang}"></html>`, '/tmp/never.pdf', { executablePath: missing }).catch(
        (e: unknown) => e,
      );
      expect(err).toBeInstanceOf(XroiError);
      expect((err as XroiError).code).toBe('pdf_no_chromium');
      expect((err as XroiError).message).toBe(reportTranslator(lang)('pdf.noChromium', { path: missing }));
      expect((err as XroiError).hint).toContain('XROI_CHROMIUM');
    }
  });
  it('finds Chromium through XROI_CHROMIUM, else /usr/bin/chromium', () => {
    expect(chromiumPath({ XROI_CHROMIUM: '/opt/chrome/chrome' })).toBe('/opt/chrome/chrome');
    expect(chromiumPath({})).toBe('/usr/bin/chromium');
  });
});
