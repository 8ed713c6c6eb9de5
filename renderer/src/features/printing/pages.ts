// Pagination, once, in the renderer: the printout is measured at its printed width and cut into A4 page boxes
// that the preview shows and the print route prints, so the screen has the same pages, running header and
// 第 N 页 共 M 页 as the paper. Chromium then only prints boxes that each fill one sheet. The sheet's size and
// margins are in print.css (.print-page, .print-measure).

/** Heights in CSS pixels of the printout laid out in one column at the width of a page's body. */
export interface Measured {
  /** A page's body: the sheet less its margins. */
  body: number;
  /** The title, number and fields above the table (first page only). */
  head: number;
  /** The table's header row, repeated on every page that has rows. */
  thead: number;
  rows: number[];
  /** Totals and signatures below the table (last page). */
  tail: number;
}

/** One page: the rows [from, to) of the table, with the head on the first page and the tail on the last. */
export interface PageSlice {
  from: number;
  to: number;
  head: boolean;
  tail: boolean;
}

/** Pages [from, to) of a printout, counted from 0: what a view shows of its pages. */
export interface PageRange {
  from: number;
  to: number;
}

/**
 * The pages the print route shows at a time: its host prints them to PDF, then asks for the next chunk and joins the
 * PDFs (main/print-chunks.ts). Chromium's memory for printing grows with the pages laid out at once (a 10,000-row
 * register printed whole: about 5 GB), and each chunk costs a print job's fixed time (about a fifth of a second, most
 * of it the CJK fonts drawn again into each PDF). Chunks of 45 pages measured no lighter than 60 (peak 1,440 MB against
 * 1,452 with the host) and slower (11.2 s against 10.2 for the register).
 */
export const PRINT_CHUNK_PAGES = 60;

/** Room kept free on every page for rounding between the measured column and each page's own table (≈ 1.5 mm). */
const SLACK_PX = 6;

/**
 * One block of a printout as measured in its column: kept whole (a heading, a chart, the totals), or a table cut
 * between its rows, its head (caption and column headers) repeated on every page it continues on.
 */
export type MeasuredBlock = { kind: 'whole'; height: number; keepWithNext?: boolean } | { kind: 'rows'; head: number; rows: number[] };

/** A block's part on one page: a whole block (from = to = 0), or the rows [from, to) of a table. */
export interface BlockPart {
  block: number;
  from: number;
  to: number;
}

/** The least a block needs on the page it starts on: itself whole, a table's head and first row, and what it keeps with. */
function start(blocks: readonly MeasuredBlock[], i: number): number {
  const b = blocks[i];
  if (!b) return 0;
  if (b.kind === 'rows') return b.head + (b.rows[0] ?? 0);
  return b.height + (b.keepWithNext ? start(blocks, i + 1) : 0);
}

/**
 * Fills pages with the blocks in order: a block that does not start on the page's rest starts the next page, a
 * heading goes with the start of what follows it, a table fills the page row by row and goes on under its head.
 * A block or row taller than a whole page still gets a page of its own rather than none.
 */
export function paginateBlocks(body: number, blocks: readonly MeasuredBlock[]): BlockPart[][] {
  const full = body - SLACK_PX;
  const pages: BlockPart[][] = [];
  let page: BlockPart[] = [];
  let room = full;
  const turn = () => {
    pages.push(page);
    page = [];
    room = full;
  };
  blocks.forEach((b, i) => {
    const previous = blocks[i - 1];
    // What the previous block keeps with was counted when it was placed (or it stood alone on an empty page).
    const kept = previous?.kind === 'whole' && previous.keepWithNext;
    if (page.length > 0 && !kept && start(blocks, i) > room) turn();
    if (b.kind === 'whole') {
      page.push({ block: i, from: 0, to: 0 });
      room -= b.height;
      return;
    }
    let from = 0;
    room -= b.head;
    b.rows.forEach((h, j) => {
      if (h > room && j > from) {
        page.push({ block: i, from, to: j });
        turn();
        room -= b.head;
        from = j;
      }
      room -= h;
    });
    page.push({ block: i, from, to: b.rows.length });
  });
  pages.push(page);
  return pages;
}

/** Fills pages with whole rows in order; the tail goes on the last page, or on a page of its own when it does not fit. */
export function paginate(m: Measured): PageSlice[] {
  const pages = paginateBlocks(m.body, [
    { kind: 'whole', height: m.head, keepWithNext: true },
    { kind: 'rows', head: m.thead, rows: m.rows },
    { kind: 'whole', height: m.tail },
  ]);
  return pages.map((parts) => {
    const table = parts.find((p) => p.block === 1);
    return {
      from: table?.from ?? m.rows.length,
      to: table?.to ?? m.rows.length,
      head: parts.some((p) => p.block === 0),
      tail: parts.some((p) => p.block === 2),
    };
  });
}

const height = (el: Element) => el.getBoundingClientRect().height;

/**
 * Reads the heights paginate needs from PrintView's measuring pass: `.print-measure-body`, an empty box as tall as
 * a page's body, and `.print-column`, the whole printout in one column at that width (a flow root: margins count).
 */
export function measure(pass: HTMLElement): Measured {
  const column = pass.querySelector('.print-column')!.getBoundingClientRect();
  const table = pass.querySelector('.print-column .print-table')!.getBoundingClientRect();
  return {
    body: height(pass.querySelector('.print-measure-body')!),
    head: table.top - column.top,
    thead: height(pass.querySelector('.print-column .print-table thead')!),
    rows: Array.from(pass.querySelectorAll('.print-column .print-table tbody tr'), height),
    tail: column.bottom - table.bottom,
  };
}

/**
 * Reads ReportView's measuring pass: the page body (`.print-measure-body`) and each `.report-unit` of the column in
 * order, kept whole (data-unit "whole", or "kept" to stay with what follows) or cut by the rows of its table.
 */
export function measureBlocks(pass: HTMLElement): { body: number; blocks: MeasuredBlock[] } {
  const blocks = Array.from(pass.querySelectorAll<HTMLElement>('.print-column > .report-unit'), (unit): MeasuredBlock => {
    if (unit.dataset['unit'] !== 'rows') return { kind: 'whole', height: height(unit), keepWithNext: unit.dataset['unit'] === 'kept' };
    const rows = Array.from(unit.querySelectorAll('tbody tr'), height);
    return { kind: 'rows', head: height(unit) - rows.reduce((a, b) => a + b, 0), rows };
  });
  return { body: height(pass.querySelector('.print-measure-body')!), blocks };
}
