// The print route's address (the hosts build it with Node's base64url) and the pagination the preview and the
// print route share.
import { describe, expect, it } from 'vitest';
import { paginate } from './pages';
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

describe('pagination', () => {
  // A body of 106 px: 6 px slack, so 100 px for the head, the column headers and the rows.
  const measured = { body: 106, head: 30, thead: 10, tail: 0 };

  it('fills pages with whole rows, the head on the first, the column headers counted on each', () => {
    const rows = Array.from({ length: 25 }, () => 20);
    // First page: 100 - 30 - 10 = 60 → 3 rows; the others: 90 → 4 rows each.
    expect(paginate({ ...measured, rows })).toEqual([
      { from: 0, to: 3, head: true, tail: false },
      { from: 3, to: 7, head: false, tail: false },
      { from: 7, to: 11, head: false, tail: false },
      { from: 11, to: 15, head: false, tail: false },
      { from: 15, to: 19, head: false, tail: false },
      { from: 19, to: 23, head: false, tail: false },
      { from: 23, to: 25, head: false, tail: true },
    ]);
  });

  it('puts the totals and signatures on the last page, or on a page of their own when they do not fit', () => {
    expect(paginate({ ...measured, rows: [20, 20], tail: 20 })).toEqual([{ from: 0, to: 2, head: true, tail: true }]);
    expect(paginate({ ...measured, rows: [20, 20], tail: 21 })).toEqual([
      { from: 0, to: 2, head: true, tail: false },
      { from: 2, to: 2, head: false, tail: true },
    ]);
  });

  it('prints an empty register on one page, and a row taller than a page on a page of its own', () => {
    expect(paginate({ ...measured, rows: [], tail: 20 })).toEqual([{ from: 0, to: 0, head: true, tail: true }]);
    expect(paginate({ ...measured, rows: [20, 500, 20] })).toEqual([
      { from: 0, to: 1, head: true, tail: false },
      { from: 1, to: 2, head: false, tail: false },
      { from: 2, to: 3, head: false, tail: true },
    ]);
  });
});
