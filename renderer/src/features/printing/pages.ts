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

/** Room kept free on every page for rounding between the measured column and each page's own table (≈ 1.5 mm). */
const SLACK_PX = 6;

/** Fills pages with whole rows in order; the tail goes on the last page, or on a page of its own when it does not fit. */
export function paginate(m: Measured): PageSlice[] {
  const pages: PageSlice[] = [];
  const body = m.body - SLACK_PX;
  let from = 0;
  let room = body - m.head - m.thead;
  m.rows.forEach((height, i) => {
    // A row taller than a whole page still gets a page of its own rather than none.
    if (height > room && i > from) {
      pages.push({ from, to: i, head: pages.length === 0, tail: false });
      from = i;
      room = body - m.thead;
    }
    room -= height;
  });
  const last = { from, to: m.rows.length, head: pages.length === 0, tail: m.tail <= room };
  pages.push(last);
  if (!last.tail) pages.push({ from: m.rows.length, to: m.rows.length, head: false, tail: true });
  return pages;
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
