// The print route's address and the page frame's CSS: the hosts build the address with Node's base64url, the
// page's margin boxes get their text as CSS strings.
import { describe, expect, it } from 'vitest';
import { cssString, pageCounterContent } from './pageRules';
import { decodePrintRequest, encodePrintRequest, isPrintRoute } from './request';

describe('the print route', () => {
  it('decodes what a host encodes (Buffer base64url of the JSON), Chinese included', () => {
    const request = { kind: 'sheet' as const, name: 'documents' as const, filters: { query: '保密自查' }, language: 'zh-CN' as const };
    const fromHost = `#/print?r=${Buffer.from(JSON.stringify(request)).toString('base64url')}`;
    expect(decodePrintRequest(fromHost)).toEqual(request);
    expect(decodePrintRequest(`#/print?r=${encodePrintRequest(request)}`)).toEqual(request);
  });

  it('is the print route only for #/print, and gives null for a missing or broken request', () => {
    expect(isPrintRoute('#/print?r=x')).toBe(true);
    expect(isPrintRoute('#/printer')).toBe(false);
    expect(isPrintRoute('')).toBe(false);
    for (const hash of ['#/print', '#/print?r=', '#/print?r=@@@', `#/print?r=${Buffer.from('"text"').toString('base64url')}`, '#/documents']) {
      expect(decodePrintRequest(hash)).toBeNull();
    }
  });
});

describe('the page frame', () => {
  it('writes text as a CSS string that cannot end early', () => {
    expect(cssString('机密')).toBe('"机密"');
    expect(cssString('a "b" \\ c\nd')).toBe('"a \\"b\\" \\\\ c d"');
  });

  it('puts the page counters where the translation has its placeholders', () => {
    expect(pageCounterContent('第 {{page}} 页 共 {{pages}} 页')).toBe('"第 " counter(page) " 页 共 " counter(pages) " 页"');
    expect(pageCounterContent('Page {{page}} of {{pages}}')).toBe('"Page " counter(page) " of " counter(pages)');
  });
});
