import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeHtml, html, looksLikeFormula, neutraliseCell, trusted } from './safe.js';

describe('escapeHtml and the html tag', () => {
  it('escapes markup in interpolated values but not in trusted markup', () => {
    const text = '<img src=x onerror=alert(1)> & "q" \'s\'';
    expect(html`<td>${text}</td>`.value).toBe(
      '<td>&lt;img src=x onerror=alert(1)&gt; &amp; &quot;q&quot; &#39;s&#39;</td>',
    );
    expect(html`<p>${trusted('<b>ok</b>')}</p>`.value).toBe('<p><b>ok</b></p>');
    expect(
      html`<ul>
        ${['<a>', 'b'].map((s) => html`<li>${s}</li>`)}
      </ul>`.value.replace(/>\s+</g, '><'),
    ).toBe('<ul><li>&lt;a&gt;</li><li>b</li></ul>');
  });
  it('never lets < > or quotes through, for any string', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        expect(escapeHtml(s)).not.toMatch(/[<>"'`]/);
      }),
    );
  });
});

describe('neutraliseCell', () => {
  it('prefixes a quote to text a spreadsheet would run', () => {
    for (const s of ['=HYPERLINK("http://x","y")', '+1+1', '-2+3', '@SUM(A1)', '\t=1', '\r=1']) {
      expect(looksLikeFormula(s)).toBe(true);
      expect(neutraliseCell(s)).toBe(`'${s}`);
    }
    expect(neutraliseCell('plain text')).toBe('plain text');
    expect(neutraliseCell(-5)).toBe(-5);
    expect(neutraliseCell(null)).toBe(null);
  });
});
