// The print route's address (the hosts build it with Node's base64url) and the pagination the preview and the
// print route share.
import { describe, expect, it } from 'vitest';
import { paginate, paginateBlocks, type MeasuredBlock } from './pages';
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

describe('pagination of a report’s blocks', () => {
  // 106 px a page body: 100 px to fill after the slack.
  const whole = (height: number, keepWithNext = false): MeasuredBlock => ({ kind: 'whole', height, keepWithNext });
  const table = (head: number, rows: number[]): MeasuredBlock => ({ kind: 'rows', head, rows });

  it('cuts a table between its rows, its head counted again on the page it goes on', () => {
    expect(paginateBlocks(106, [whole(30, true), table(10, [20, 20, 20, 20, 20])])).toEqual([
      [
        { block: 0, from: 0, to: 0 },
        { block: 1, from: 0, to: 3 },
      ],
      [{ block: 1, from: 3, to: 5 }],
    ]);
  });

  it('keeps a heading with the start of what follows: a chart, or a table’s head and first row', () => {
    // 70 px used: the heading (10) and the chart (40) would not fit in the 30 left, so both go over.
    expect(paginateBlocks(106, [whole(70), whole(10, true), whole(40)])).toEqual([
      [{ block: 0, from: 0, to: 0 }],
      [
        { block: 1, from: 0, to: 0 },
        { block: 2, from: 0, to: 0 },
      ],
    ]);
    // A heading before a chart kept with its numbers: heading, chart and the numbers' head and first row together.
    expect(paginateBlocks(106, [whole(40), whole(10, true), whole(30, true), table(10, [15, 15])]).map((p) => p.map((b) => b.block))).toEqual([[0], [1, 2, 3]]);
    expect(paginateBlocks(106, [whole(40), whole(10, true), table(10, [20, 20, 20])])).toEqual([
      [
        { block: 0, from: 0, to: 0 },
        { block: 1, from: 0, to: 0 },
        { block: 2, from: 0, to: 2 },
      ],
      [{ block: 2, from: 2, to: 3 }],
    ]);
  });

  it('starts a chart that does not fit on the next page, whole, and a block taller than a page on a page of its own', () => {
    expect(paginateBlocks(106, [whole(60), whole(50), whole(500), whole(10)]).map((p) => p.map((b) => b.block))).toEqual([[0], [1], [2], [3]]);
  });

  it('prints an empty table as its head, and nothing at all as one empty page', () => {
    expect(paginateBlocks(106, [table(10, [])])).toEqual([[{ block: 0, from: 0, to: 0 }]]);
    expect(paginateBlocks(106, [])).toEqual([[]]);
  });
});
