// A printout as plain HTML (no antd, no virtualization): first laid out once in one column to measure it, then
// cut into A4 page boxes (pages.ts), each with the running header (marking, unit and title, number), its part of
// the table under the repeated column headers, and the footer (who printed, the audit chain head, 第 N 页 共 M 页).
// The in-app preview and the print route show these same boxes: the screen is the paper.
import { useEffect, useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import type { TFunction } from 'i18next';
import type { PrintDocument, PrintMeta } from '../../../../preload/contract';
import { footerText } from './pageRules';
import { measure, paginate, type PageSlice } from './pages';
import './print.css';

interface Props {
  doc: PrintDocument;
  meta: PrintMeta;
  t: TFunction<'translation'>;
  /** On screen only: show the first pages of a long register (all are counted). */
  pageLimit?: number;
  /** Told the page count once the pages are laid out. */
  onPaged?(pages: number): void;
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

function Head({ doc, t }: { doc: PrintDocument; t: TFunction<'translation'> }) {
  return (
    <header className="print-head">
      <h1 className="print-title">
        <span>{doc.unitName}</span>
        <span>{doc.title}</span>
      </h1>
      {doc.number && <div className="print-number">No. {doc.number}</div>}
      {doc.fields.length > 0 && (
        <div className="print-fields">
          {doc.fields.map((f) => (
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

function Table({ doc, rows }: { doc: PrintDocument; rows: string[][] }) {
  const widths = doc.columns.reduce((n, c) => n + c.width, 0);
  return (
    <table className="print-table">
      <colgroup>
        {doc.columns.map((c) => (
          <col key={c.key} style={{ width: `${((c.width / widths) * 100).toFixed(2)}%` }} />
        ))}
      </colgroup>
      <thead>
        <tr>
          {doc.columns.map((c) => (
            <th key={c.key}>{c.label}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row, i) => (
          <tr key={i}>
            {row.map((cell, j) => (
              <td key={j}>{cellText(cell)}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Tail({ doc, t }: { doc: PrintDocument; t: TFunction<'translation'> }) {
  return (
    <>
      {doc.totalText && <p className="print-total">{doc.totalText}</p>}
      {doc.signatures.length > 0 && (
        <div className="print-signatures">
          {doc.signatures.map((s) => (
            <span key={s.label} className="print-signature">
              {s.label}
              {t('print.sign')}
              {t('print.colon')}
              <span className="print-signed-name">{s.names}</span>
              <span className="print-line" />
            </span>
          ))}
          <span className="print-signature">
            {t('print.date')}
            {t('print.colon')}
            <span className="print-line" />
          </span>
        </div>
      )}
    </>
  );
}

export function PrintView({ doc, meta, t, pageLimit, onPaged }: Props) {
  const [pages, setPages] = useState<PageSlice[] | null>(null);
  const pass = useRef<HTMLDivElement>(null);

  // Measured with the fonts the paper uses, in a pass outside any dialog, so the preview and the print route agree.
  useLayoutEffect(() => {
    let live = true;
    void document.fonts.ready.then(() => {
      if (live && pass.current) setPages(paginate(measure(pass.current)));
    });
    return () => {
      live = false;
    };
  }, [doc]);

  useEffect(() => {
    if (pages) onPaged?.(pages.length);
  }, [pages, onPaged]);

  const className = `print-doc print-${doc.orientation}`;
  if (!pages)
    return createPortal(
      <div className={`${className} print-measure`} ref={pass} aria-hidden>
        <div className="print-measure-body" />
        <div className="print-column">
          <Head doc={doc} t={t} />
          <Table doc={doc} rows={doc.rows} />
          <Tail doc={doc} t={t} />
        </div>
      </div>,
      document.body,
    );

  const footer = footerText(meta, t);
  const shown = pageLimit === undefined ? pages : pages.slice(0, pageLimit);
  return (
    <article className={className} data-testid="print-doc" data-pages={pages.length}>
      {shown.map((p, i) => (
        <section key={i} className="print-page" data-testid="print-page">
          {/* The first page carries unit, title and number in its head; the running header repeats them on the rest. */}
          <div className="print-running-head">
            <span className="print-marking" data-testid="print-marking">
              {doc.markingText}
            </span>
            <span className="print-running-title">{p.head ? '' : `${doc.unitName} ${doc.title}`}</span>
            <span className="print-running-number">{p.head || !doc.number ? '' : `No. ${doc.number}`}</span>
          </div>
          <div className="print-column">
            {p.head && <Head doc={doc} t={t} />}
            {(p.to > p.from || p.head) && <Table doc={doc} rows={doc.rows.slice(p.from, p.to)} />}
            {p.tail && <Tail doc={doc} t={t} />}
          </div>
          <div className="print-running-foot">
            <span>{footer}</span>
            <span data-testid="print-page-of">{t('print.pageOf', { page: i + 1, pages: pages.length })}</span>
          </div>
        </section>
      ))}
    </article>
  );
}
