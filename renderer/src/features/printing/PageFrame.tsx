// What every A4 printout shares, registers and forms (PrintView) and reports (ReportView): the measuring pass and its
// cut into pages once the fonts are in, the first page's head (unit, title, number), the plain table, and the page
// box with its running header (marking, unit and title, number) and footer (who printed, audit head, 第 N 页 共 M 页).
import { useEffect, useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import type { TFunction } from 'i18next';
import type { PrintMeta } from '../../../../preload/contract';
import { footerText } from './pageRules';
import './print.css';

type T = TFunction<'translation'>;

/**
 * Lays the printout out once in a measuring pass (outside any dialog, with the fonts the paper uses, so the preview
 * and the print route agree), then cuts it into pages. `cut` may measure in steps: it gives null for "lay out the
 * next step" (the caller changes `step`), then the pages. `onPaged` is told the count once the pages are drawn.
 */
export function usePages<P>(doc: unknown, cut: (pass: HTMLElement) => P[] | null, onPaged?: (pages: number) => void, step = 0) {
  const [pages, setPages] = useState<P[] | null>(null);
  const pass = useRef<HTMLDivElement>(null);
  const cutRef = useRef(cut);
  cutRef.current = cut;

  useLayoutEffect(() => {
    let live = true;
    setPages(null);
    void document.fonts.ready.then(() => {
      if (live && pass.current) {
        const cutInto = cutRef.current(pass.current);
        if (cutInto) setPages(cutInto);
      }
    });
    return () => {
      live = false;
    };
  }, [doc, step]);

  useEffect(() => {
    if (pages) onPaged?.(pages.length);
  }, [pages, onPaged]);

  return { pages, pass };
}

/** The measuring pass: the printout in one column at a page body's width, out of sight. */
export function MeasurePass({ className, pass, children }: { className: string; pass: React.RefObject<HTMLDivElement | null>; children: ReactNode }) {
  return createPortal(
    <div className={`${className} print-measure`} ref={pass} aria-hidden>
      <div className="print-measure-body" />
      <div className="print-column">{children}</div>
    </div>,
    document.body,
  );
}

/** Numbers never wrap inside: a 文号's 〔2026〕101号, a 收文编号 2026-0001, a range of 份号 0007-0009. */
function cellText(cell: string): ReactNode {
  const parts = cell.split(/(〔\d{4}〕\d*号?|\d{4}-\d{4})/);
  return parts.length === 1
    ? cell
    : parts.map((part, i) =>
        i % 2 ? (
          <span key={i} className="print-nobreak">
            {part}
          </span>
        ) : (
          part
        ),
      );
}

/** The first page's head: unit and title, the number on a line of its own, the fields (filters, parties, dates). */
export function DocHead({
  unitName,
  title,
  number,
  fields = [],
  t,
}: {
  unitName: string;
  title: string;
  number: string;
  fields?: { label: string; value: string }[];
  t: T;
}) {
  return (
    <header className="print-head">
      <h1 className="print-title">
        <span>{unitName}</span>
        <span>{title}</span>
      </h1>
      {number && <div className="print-number">{number}</div>}
      {fields.length > 0 && (
        <div className="print-fields">
          {fields.map((f) => (
            <span key={f.label}>
              {f.label}
              {t('print.colon')}
              {f.value}
            </span>
          ))}
        </div>
      )}
    </header>
  );
}

export interface TableColumn {
  key: string;
  label: string;
  /** Relative width. */
  width: number;
}

/** A count, with or without its unit word (12, 3 件, 10 份): a report's tables set these to the right. */
const COUNT = /^\d[\d,.]*( ?\S{1,2})?$/;

interface TableProps {
  columns: TableColumn[];
  rows: string[][];
  caption?: string;
  /** A report's table: counts beside the first column to the right, a few columns narrower than the page, many smaller. */
  report?: boolean;
}

/** A plain bordered table, the columns at their relative widths, the header row repeated wherever it is cut. */
export function PrintTable({ columns, rows, caption, report = false }: TableProps) {
  const widths = columns.reduce((n, c) => n + c.width, 0);
  return (
    <table className={`print-table${report && columns.length <= 3 ? ' print-table-narrow' : ''}${report && columns.length >= 7 ? ' print-table-wide' : ''}`}>
      {caption && <caption className="print-caption">{caption}</caption>}
      <colgroup>
        {columns.map((c) => (
          <col key={c.key} style={{ width: `${((c.width / widths) * 100).toFixed(2)}%` }} />
        ))}
      </colgroup>
      <thead>
        <tr>
          {columns.map((c) => (
            <th key={c.key}>{c.label}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row, i) => (
          <tr key={i}>
            {row.map((cell, j) => (
              <td key={j} className={report && j > 0 && COUNT.test(cell) ? 'print-count' : undefined}>
                {cellText(cell)}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

interface FrameProps {
  markingText: string;
  /** Unit and title, on every page but the first (whose head says them). */
  runningTitle: string;
  runningNumber: string;
  meta: PrintMeta;
  page: number;
  pages: number;
  t: T;
  children: ReactNode;
}

/** One A4 sheet: the running header in the top margin, the page's part of the printout, the footer in the bottom one. */
export function PageFrame({ markingText, runningTitle, runningNumber, meta, page, pages, t, children }: FrameProps) {
  return (
    <section className="print-page" data-testid="print-page">
      <div className="print-running-head">
        <span className="print-marking" data-testid="print-marking">
          {markingText}
        </span>
        <span className="print-running-title">{runningTitle}</span>
        <span className="print-running-number">{runningNumber}</span>
      </div>
      <div className="print-column">{children}</div>
      <div className="print-running-foot">
        <span>{footerText(meta, t)}</span>
        <span data-testid="print-page-of">{t('print.pageOf', { page, pages })}</span>
      </div>
    </section>
  );
}
